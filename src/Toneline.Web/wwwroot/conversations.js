'use strict';
(() => {
  const { el, api, chip, fmtDate, fmtDuration, filterPanel, filterParams, fail } = T;
  const app = document.getElementById('app');
  const columns = [
    { key: 'date', label: 'Date', sort: 'StartTime', cell: c => fmtDate(c.startTime) },
    { key: 'id', label: 'Conversation', sort: 'Id', cell: c => el('a', { href: '/conversations/' + encodeURIComponent(c.id) }, c.id) },
    { key: 'agent', label: 'Agent', sort: 'Agent', cell: c => c.agentName || c.agentId || '' },
    { key: 'group', label: 'Group', sort: 'Group', cell: c => c.group || '' },
    { key: 'channel', label: 'Channel', sort: 'Channel', cell: c => c.channel },
    { key: 'direction', label: 'Direction', sort: 'Direction', cell: c => c.direction },
    { key: 'duration', label: 'Duration', sort: 'Duration', cell: c => fmtDuration(c.durationSeconds) },
    { key: 'topics', label: 'Topics', sort: 'Topic', cell: c => c.topics.join(', ') },
    { key: 'score', label: 'Sentiment', sort: 'Overall', cell: c => chip(c.overall) },
    { key: 'agentScore', label: 'Agent score', sort: 'AgentScore', cell: c => c.agentScore ?? '' },
    { key: 'customerScore', label: 'Customer score', sort: 'CustomerScore', cell: c => c.customerScore ?? '' },
    { key: 'shift', label: 'Shift', sort: 'Shift', cell: c => c.shift || '' },
    { key: 'customer', label: 'Customer', sort: 'Customer', cell: c => c.customerId || '' },
  ];
  const defaults = ['date', 'id', 'agent', 'group', 'channel', 'direction', 'duration', 'topics', 'score'];
  // Saved per user and per layout (this list; the layout name leaves room for others).
  const storageKey = 'toneline.columns.' + document.body.dataset.user + '.conversations';
  let visible = JSON.parse(localStorage.getItem(storageKey) || 'null') || defaults;
  const cursors = [null];
  let chooserOpen = false;

  function chooser() {
    return el('details', { class: 'columns-chooser', open: chooserOpen, ontoggle: e => { chooserOpen = e.target.open; } }, el('summary', {}, 'Columns'),
      el('div', { class: 'columns' }, columns.map(col => el('label', {},
        el('input', { type: 'checkbox', name: 'col-' + col.key, checked: visible.includes(col.key), onchange: e => {
          visible = e.target.checked ? columns.map(c => c.key).filter(k => k === col.key || visible.includes(k)) : visible.filter(k => k !== col.key);
          localStorage.setItem(storageKey, JSON.stringify(visible));
          load(cursors[cursors.length - 1]);
        } }), col.label))));
  }

  function sortBy(field) {
    const p = new URLSearchParams(location.search);
    const same = p.get('sort') === field;
    p.set('sort', field);
    p.set('desc', same ? String(p.get('desc') === 'false') : 'true');
    history.pushState(null, '', location.pathname + '?' + p.toString());
    cursors.length = 1;
    load(null);
  }

  async function load(after) {
    const p = new URLSearchParams(location.search);
    const q = filterParams();
    for (const k of ['sort', 'desc']) if (p.get(k)) q.set(k, p.get(k));
    q.set('limit', '50');
    if (after) q.set('after', after);
    try {
      const page = await api('/api/conversations?' + q.toString());
      if (!page) return;
      const shown = columns.filter(c => visible.includes(c.key));
      const sort = p.get('sort') || 'StartTime';
      const arrow = p.get('desc') === 'false' ? ' ▲' : ' ▼';
      const grid = el('table', { class: 'grid', id: 'list' },
        el('thead', {}, el('tr', {}, shown.map(c => el('th', { class: 'sortable', 'data-col': c.key, onclick: () => sortBy(c.sort) }, c.label + (c.sort === sort ? arrow : ''))))),
        el('tbody', {}, page.items.map(item => el('tr', {}, shown.map(c => el('td', { 'data-col': c.key }, c.cell(item)))))));
      const pager = el('div', { class: 'pager' },
        el('button', { type: 'button', disabled: cursors.length <= 1, onclick: () => { cursors.pop(); load(cursors[cursors.length - 1]); } }, '‹ Previous'),
        el('span', {}, `Page ${cursors.length}`),
        el('button', { type: 'button', disabled: !page.next, onclick: () => { cursors.push(page.next); load(page.next); } }, 'Next ›'),
        el('a', { href: '/api/conversations/export?format=csv&' + filterParams().toString() }, 'Export CSV'),
        el('a', { href: '/api/conversations/export?format=json&' + filterParams().toString() }, 'Export JSON'));
      app.replaceChildren(chooser(), page.items.length ? grid : el('p', {}, 'No conversations match these filters.'), pager);
    } catch (e) { fail(app, e); }
  }

  filterPanel(document.getElementById('filters'), [
    { name: 'band', label: 'Band', options: ['', 'VeryNegative', 'Negative', 'Neutral', 'Positive', 'VeryPositive'] },
    { name: 'text', label: 'Words' },
  ], () => { cursors.length = 1; load(null); });
  load(null);
})();
