// Shared helpers. Every value from the server goes into the page as a text node (never innerHTML):
// transcripts, names and topics are untrusted.
'use strict';
const T = (() => {
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'class') node.className = v;
      else if (k === 'style') node.setAttribute('style', v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.status === 401) { location.href = '/login?returnUrl=' + encodeURIComponent(location.pathname + location.search); return null; }
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        message = problem.errors ? Object.values(problem.errors).flat().join(' ') : (problem.detail || problem.title || message);
      } catch { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (Array.isArray(v)) v.forEach(x => x !== '' && q.append(k, x));
      else if (v !== null && v !== undefined && v !== '') q.set(k, v);
    }
    return q.toString();
  }

  const bands = [
    { name: 'VeryNegative', label: 'Very Negative', emoji: '😡', max: -61 },
    { name: 'Negative', label: 'Negative', emoji: '🙁', max: -21 },
    { name: 'Neutral', label: 'Neutral', emoji: '😐', max: 20 },
    { name: 'Positive', label: 'Positive', emoji: '🙂', max: 60 },
    { name: 'VeryPositive', label: 'Very Positive', emoji: '😀', max: 100 },
  ];
  const bandOf = score => bands.find(b => score <= b.max);
  const bandByName = name => bands.find(b => b.name === name);
  // Red (-100) through amber (0) to green (+100).
  const color = score => `hsl(${Math.round((score + 100) / 200 * 120)}, 65%, 42%)`;

  function chip(score) {
    if (score === null || score === undefined) return el('span', { class: 'chip none' }, 'not scored');
    const band = bandOf(score);
    return el('span', { class: 'chip', style: `background:${color(score)}`, title: band.label + ' (' + score + ')', 'data-band': band.name },
      band.emoji + ' ' + (score > 0 ? '+' : '') + score + ' ' + band.label);
  }

  // For the few places that must build HTML strings (ECharts tooltip formatters).
  const escapeHtml = text => String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const fmtDate = iso => iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '';
  const fmtDuration = s => s === null || s === undefined ? '' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
  const pct = x => x === null || x === undefined ? '–' : (x * 100).toFixed(1) + '%';
  const num = (x, digits = 1) => x === null || x === undefined ? '–' : Number(x).toFixed(digits);
  const isoDay = d => d.toISOString().slice(0, 10);

  // The filter panel shared by the dashboard, list, heatmap and reports; its state lives in the URL.
  const filterFields = [
    { name: 'from', label: 'From', type: 'date' },
    { name: 'to', label: 'To', type: 'date' },
    { name: 'group', label: 'Group' },
    { name: 'agent', label: 'Agent id' },
    { name: 'topic', label: 'Topic' },
    { name: 'channel', label: 'Channel', options: ['', 'Call', 'Chat', 'Email', 'Survey', 'Social'] },
    { name: 'direction', label: 'Direction', options: ['', 'Inbound', 'Outbound', 'Internal', 'Unknown'] },
    { name: 'minDuration', label: 'Min duration (s)', type: 'number' },
    { name: 'maxDuration', label: 'Max duration (s)', type: 'number' },
  ];

  function filterPanel(container, extra, onApply) {
    const params = new URLSearchParams(location.search);
    const inputs = {};
    const fields = filterFields.concat(extra || []);
    const form = el('form', { class: 'filters', 'aria-label': 'Filters' },
      fields.map(f => {
        const input = f.options
          ? el('select', { name: f.name }, f.options.map(o => el('option', { value: o }, o === '' ? 'any' : o)))
          : el('input', { name: f.name, type: f.type || 'text' });
        input.value = params.get(f.name) || '';
        inputs[f.name] = input;
        return el('label', {}, f.label, input);
      }),
      el('button', { type: 'submit' }, 'Apply'),
      el('button', { type: 'button', onclick: () => { location.search = ''; } }, 'Clear'));
    form.addEventListener('submit', e => {
      e.preventDefault();
      const values = {};
      for (const [k, input] of Object.entries(inputs)) values[k] = input.value;
      const keep = new URLSearchParams(location.search);
      for (const k of Object.keys(values)) keep.delete(k);
      keep.delete('after');
      for (const [k, v] of Object.entries(values)) if (v) keep.set(k, v);
      history.pushState(null, '', location.pathname + '?' + keep.toString());
      onApply();
    });
    container.replaceChildren(form);
  }

  // Only the filter criteria from the URL (not page-specific keys).
  function filterParams() {
    const params = new URLSearchParams(location.search);
    const names = ['from', 'to', 'group', 'agent', 'topic', 'channel', 'direction', 'minDuration', 'maxDuration', 'minOverall', 'maxOverall',
      'minAgent', 'maxAgent', 'minCustomer', 'maxCustomer', 'band', 'agentBand', 'customerBand', 'shift', 'customer', 'text', 'textIn'];
    const out = new URLSearchParams();
    for (const [k, v] of params) if (names.includes(k) && v !== '') out.append(k, v);
    return out;
  }

  function table(headers, rows) {
    return el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
      el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
  }

  function fail(container, error) {
    container.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Could not load: ' + error.message));
  }

  window.addEventListener('popstate', () => location.reload());
  return { el, api, query, bands, bandOf, bandByName, color, chip, escapeHtml, fmtDate, fmtDuration, pct, num, isoDay, filterPanel, filterParams, table, fail };
})();
