'use strict';
(() => {
  const { el, api, pct, num, chip, filterPanel, filterParams, table, fail } = T;
  const app = document.getElementById('app');
  const metrics = [
    ['conversations', 'Conversations', v => num(v, 0), 1],
    ['share_negative', 'Negative share', pct, -1],
    ['share_positive', 'Positive share', pct, 1],
    ['net_sentiment', 'Net sentiment', v => num(v === null ? null : v * 100, 1), 1],
    ['average_overall', 'Average score', v => num(v), 1],
    ['average_customer', 'Customer average', v => num(v), 1],
    ['average_agent', 'Agent average', v => num(v), 1],
    ['recovery_rate', 'Recovery rate', pct, 1],
  ];

  function kpiCards(cmp) {
    return el('div', { class: 'cards', id: 'kpis' }, metrics.map(([key, label, fmt, good]) => {
      const d = cmp.deltas.find(x => x.metric === key);
      if (!d) return null;
      const change = d.delta === null ? '' : (d.delta > 0 ? '▲ ' : d.delta < 0 ? '▼ ' : '') + fmt(Math.abs(d.delta)).replace('%', ' pts');
      const tone = d.delta === null || d.delta === 0 || !d.significant ? '' : (d.delta * good > 0 ? 'up' : 'down');
      return el('div', { class: 'card', 'data-metric': key },
        el('div', {}, label),
        el('div', { class: 'value' }, fmt(d.current)),
        el('div', { class: 'delta ' + tone, title: d.z === null ? '' : 'z = ' + d.z.toFixed(2) },
          'vs previous: ' + fmt(d.previous) + (change ? ' (' + change + ')' : ''),
          d.smallSample ? el('span', { class: 'flag', title: 'Fewer than 30 conversations: too few to tell' }, 'small sample') : null,
          d.significant ? el('span', { class: 'flag' }, 'significant') : null));
    }));
  }

  function chart(id) {
    const div = el('div', { class: 'chart', id });
    return div;
  }

  // One vertical marker per day a prompt version was activated, so that a jump in scores can be
  // matched to a prompt change. A day without conversations has no category; its marker goes on the
  // next day that has one.
  function promptMarkers(days, activations, hasFrom) {
    const byDay = new Map();
    for (const a of activations) {
      const day = T.isoDay(new Date(a.activatedAt));
      if (!hasFrom && day < days[0]) continue;
      const at = days.find(d => d >= day);
      if (at === undefined) continue;
      if (!byDay.has(at)) byDay.set(at, []);
      byDay.get(at).push(a);
    }
    return [...byDay].map(([day, list]) => ({
      xAxis: day,
      name: 'prompt ' + list.map(a => 'v' + a.version).join(', '),
      activations: list,
      label: { formatter: 'prompt v' + list[list.length - 1].version + (list.length > 1 ? ' (' + list.length + ' changes)' : '') },
    }));
  }

  // ECharts tooltips are HTML: everything from the server, the activating user's name above all, is escaped.
  const activationLine = a => `Prompt v${a.version} activated ${T.escapeHtml(T.fmtDate(a.activatedAt))} UTC by ${T.escapeHtml(a.activatedBy)}`;

  const trendTip = markers => params => {
    const day = params[0].axisValue;
    const changes = (markers.find(m => m.xAxis === day) || {}).activations || [];
    return [T.escapeHtml(day)]
      .concat(params.map(p => `${p.marker}${T.escapeHtml(p.seriesName)} <b>${p.value === null || p.value === undefined ? '–' : T.escapeHtml(p.value)}</b>`))
      .concat(changes.map(activationLine))
      .join('<br>');
  };

  function drawTrend(div, points, activations, hasFrom) {
    const days = points.map(p => p.start);
    const markers = days.length ? promptMarkers(days, activations, hasFrom) : [];
    echarts.init(div).setOption({
      tooltip: { trigger: 'axis', confine: true, formatter: trendTip(markers) },
      legend: { data: ['Average score', 'Negative %'] },
      xAxis: { type: 'category', data: days },
      yAxis: [{ type: 'value', min: -100, max: 100, name: 'score' }, { type: 'value', min: 0, max: 100, name: '%' }],
      series: [
        {
          name: 'Average score', type: 'line', smooth: true, data: points.map(p => p.kpis.averageOverall === null ? null : +p.kpis.averageOverall.toFixed(1)),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#6a5acd', type: 'dashed', width: 1.5 },
            label: { position: 'insideStartTop', color: '#6a5acd' },
            data: markers,
          },
        },
        { name: 'Negative %', type: 'bar', yAxisIndex: 1, itemStyle: { color: '#e57373' }, data: points.map(p => p.kpis.shareNegative === null ? null : +(p.kpis.shareNegative * 100).toFixed(1)) },
      ],
    });
  }

  function drawBands(div, summary) {
    echarts.init(div).setOption({
      tooltip: {},
      xAxis: { type: 'category', data: T.bands.map(b => b.label) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: T.bands.map(b => ({ value: summary[b.name] || 0, itemStyle: { color: T.color(Math.max(-100, Math.min(100, b.max - 20))) } })) }],
    });
  }

  function drivers(report) {
    const rows = report.topics.slice(0, 8).map(d => [d.name, String(d.count), pct(d.shareNegative), d.lift === null ? '–' : d.lift.toFixed(2) + '×']);
    const phrases = report.phrases.slice(0, 8).map(d => [d.name, String(d.count), pct(d.shareNegative), d.lift === null ? '–' : d.lift.toFixed(2) + '×']);
    return el('div', { id: 'drivers' },
      el('h3', {}, 'Topics'), table(['Topic', 'Conversations', 'Negative', 'Lift'], rows),
      el('h3', {}, 'Negative phrases'), table(['Phrase', 'Conversations', 'Negative', 'Lift'], phrases));
  }

  function drill(d, params) {
    const group = params.get('group');
    const agent = params.get('agent');
    const go = (g, a) => {
      const p = new URLSearchParams(location.search);
      p.delete('group'); p.delete('agent');
      if (g) p.set('group', g);
      if (a) p.set('agent', a);
      history.pushState(null, '', '/?' + p.toString());
      load();
    };
    const crumbs = el('nav', { class: 'crumbs', 'aria-label': 'Drill-down' },
      el('a', { href: '#', onclick: e => { e.preventDefault(); go(null, null); } }, 'Organization'),
      group ? ['› ', el('a', { href: '#', onclick: e => { e.preventDefault(); go(group, null); } }, group)] : null,
      agent ? ['› ', el('span', {}, agent)] : null);
    let body;
    if (d.level === 'Agent') {
      const items = d.conversations ? d.conversations.items : [];
      body = table(['Date', 'Conversation', 'Topics', 'Score'], items.map(c => [
        T.fmtDate(c.startTime), el('a', { href: '/conversations/' + encodeURIComponent(c.id) }, c.id), c.topics.join(', '), chip(c.overall)]));
      const more = new URLSearchParams(filterParams()); more.set('agent', agent); if (group) more.set('group', group);
      body = el('div', {}, body, el('p', {}, el('a', { href: '/conversations?' + more.toString() }, 'All conversations of this agent →')));
    } else {
      body = table([d.level === 'Organization' ? 'Group' : 'Agent', 'Conversations', 'Negative', 'Positive', 'Average'], d.rows.map(r => [
        el('a', { href: '#', 'data-key': r.key, onclick: e => { e.preventDefault(); d.level === 'Organization' ? go(r.key, null) : go(group, r.key); } }, r.name || r.key),
        String(r.kpis.count), pct(r.kpis.shareNegative), pct(r.kpis.sharePositive), num(r.kpis.averageOverall)]));
    }

    return el('div', { id: 'drilldown', 'data-level': d.level }, crumbs, body);
  }

  async function load() {
    const params = new URLSearchParams(location.search);
    const f = filterParams();
    const q = f.toString();
    const range = new URLSearchParams();
    for (const k of ['from', 'to']) if (f.get(k)) range.set(k, f.get(k));
    try {
      const [cmp, series, summary, report, d, activations] = await Promise.all([
        api('/api/kpis?' + q), api('/api/timeseries?' + q), api('/api/summary?' + q), api('/api/drivers?top=10&' + q), api('/api/drilldown?' + q),
        api('/api/prompt-activations?' + range.toString())]);
      if (!cmp) return;
      const trend = chart('trend');
      const bandChart = chart('bands');
      app.replaceChildren(
        el('p', { class: 'period' }, `${cmp.from} to ${cmp.to}, compared with ${cmp.previousFrom} to ${cmp.previousTo}`),
        kpiCards(cmp),
        el('div', { class: 'panels' },
          el('section', { class: 'panel' }, el('h2', {}, 'Score trend'), trend),
          el('section', { class: 'panel' }, el('h2', {}, 'Band distribution'), bandChart),
          el('section', { class: 'panel' }, el('h2', {}, 'Drill-down'), drill(d, params)),
          el('section', { class: 'panel' }, el('h2', {}, 'Top drivers of negative conversations'), drivers(report))));
      drawTrend(trend, series, activations || [], range.has('from'));
      drawBands(bandChart, summary);
    } catch (e) { fail(app, e); }
  }

  filterPanel(document.getElementById('filters'), [], load);
  load();
})();
