'use strict';
(() => {
  const { el, api, filterPanel, filterParams, fail, num } = T;
  const app = document.getElementById('app');

  async function load() {
    const p = new URLSearchParams(location.search);
    const by = p.get('by') || 'group';
    const q = filterParams();
    q.set('by', by);
    try {
      const rows = await api('/api/reports/bands?' + q.toString());
      if (!rows) return;
      const keys = ['veryNegative', 'negative', 'neutral', 'positive', 'veryPositive', 'total'];
      const totals = keys.map(k => rows.reduce((s, r) => s + r[k], 0));
      const head = (by === 'agent' ? ['Agent', 'Group'] : ['Group']).concat(['Very Negative', 'Negative', 'Neutral', 'Positive', 'Very Positive', 'Total', 'Average']);
      const table = el('table', { class: 'grid', id: 'report' },
        el('thead', {}, el('tr', {}, head.map(h => el('th', {}, h)))),
        el('tbody', {}, rows.map(r => el('tr', {},
          (by === 'agent' ? [r.name || r.key, r.group] : [r.key]).map(v => el('td', {}, v)),
          keys.map(k => el('td', {}, String(r[k]))), el('td', {}, num(r.averageOverall))))),
        el('tfoot', {}, el('tr', {}, el('th', { colspan: by === 'agent' ? 2 : 1 }, 'Total'), totals.map(t => el('th', {}, String(t))), el('th', {}))));
      app.replaceChildren(
        el('div', { class: 'filters' },
          el('label', {}, 'By', el('select', { name: 'by', onchange: e => { p.set('by', e.target.value); history.pushState(null, '', '?' + p); load(); } },
            [['group', 'Group'], ['agent', 'Agent']].map(([v, l]) => el('option', { value: v, selected: v === by }, l)))),
          el('a', { href: '/api/reports/bands?format=csv&' + q.toString(), download: '' }, 'Export CSV')),
        table);
    } catch (e) { fail(app, e); }
  }

  filterPanel(document.getElementById('filters'), [], load);
  load();
})();
