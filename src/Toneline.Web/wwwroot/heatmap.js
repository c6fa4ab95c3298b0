'use strict';
(() => {
  const { el, api, filterPanel, filterParams, fail, pct } = T;
  const app = document.getElementById('app');
  const tip = el('div', { class: 'tip', hidden: true });
  document.body.append(tip);

  function days(from, to) {
    const out = [];
    for (let d = new Date(from + 'T00:00:00Z'); d <= new Date(to + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
    return out;
  }

  async function load() {
    const p = new URLSearchParams(location.search);
    const rows = p.get('rows') || 'Group';
    const colorBy = p.get('color') || 'negative';
    const q = filterParams();
    q.set('rows', rows);
    try {
      const map = await api('/api/heatmap?' + q.toString());
      if (!map) return;
      const cells = new Map(map.cells.map(c => [c.row + '|' + c.day, c]));
      const names = [...new Set(map.cells.map(c => c.row))].sort();
      const all = days(map.from, map.to);
      const maxCount = Math.max(1, ...map.cells.map(c => c.count));
      const value = c => colorBy === 'volume' ? c.count / maxCount : colorBy === 'positive' ? c.positive / c.count : c.negative / c.count;
      const shade = c => {
        const v = value(c);
        if (colorBy === 'volume') return `hsl(220, 70%, ${Math.round(95 - v * 55)}%)`;
        return colorBy === 'positive' ? `hsl(125, 55%, ${Math.round(95 - v * 60)}%)` : `hsl(0, 70%, ${Math.round(95 - v * 60)}%)`;
      };
      const controls = el('div', { class: 'filters' },
        el('label', {}, 'Rows', el('select', { name: 'rows', onchange: e => { p.set('rows', e.target.value); history.pushState(null, '', '?' + p); load(); } },
          ['Group', 'Agent'].map(o => el('option', { value: o, selected: o === rows }, o)))),
        el('label', {}, 'Color by', el('select', { name: 'color', onchange: e => { p.set('color', e.target.value); history.pushState(null, '', '?' + p); load(); } },
          [['negative', 'Negative share'], ['positive', 'Positive share'], ['volume', 'Volume']].map(([v, l]) => el('option', { value: v, selected: v === colorBy }, l)))));
      const grid = el('table', { class: 'grid heat', id: 'heatmap' },
        el('thead', {}, el('tr', {}, el('th', {}, rows), all.map(d => el('th', { class: 'day' }, d.slice(5))))),
        el('tbody', {}, names.map(name => el('tr', {}, el('th', { scope: 'row' }, name), all.map(day => {
          const c = cells.get(name + '|' + day);
          if (!c) return el('td', { class: 'cell empty' });
          const link = new URLSearchParams(filterParams());
          link.set(rows === 'Agent' ? 'agent' : 'group', name); link.set('from', day); link.set('to', day);
          const text = `${name} · ${day}\n${c.count} conversations\n${c.negative} negative (${pct(c.negative / c.count)})\n${c.positive} positive (${pct(c.positive / c.count)})\naverage ${c.averageOverall === null ? '–' : c.averageOverall.toFixed(1)}`;
          return el('td', { class: 'cell', style: 'background:' + shade(c), 'data-row': name, 'data-day': day, 'data-count': c.count, 'data-negative': c.negative,
            onmouseenter: e => { tip.textContent = text; tip.hidden = false; tip.style.left = (e.clientX + 12) + 'px'; tip.style.top = (e.clientY + 12) + 'px'; },
            onmouseleave: () => { tip.hidden = true; } },
          el('a', { href: '/conversations?' + link.toString(), 'aria-label': text }, colorBy === 'volume' ? String(c.count) : String(Math.round(value(c) * 100))));
        })))));
      app.replaceChildren(controls, el('p', {}, `${map.from} to ${map.to}. Cells show ${colorBy === 'volume' ? 'conversations' : colorBy + ' share in %'}; hover for the day's numbers, click for its conversations.`),
        names.length ? el('div', { style: 'overflow-x:auto' }, grid) : el('p', {}, 'No conversations in this range.'));
    } catch (e) { fail(app, e); }
  }

  filterPanel(document.getElementById('filters'), [], load);
  load();
})();
