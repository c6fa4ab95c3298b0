'use strict';
(() => {
  const { el, api, chip, fmtDate, fmtDuration, fail } = T;
  const app = document.getElementById('app');
  const id = app.dataset.id;
  const stamp = s => s === null || s === undefined ? '' : `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

  // The turn's text split around its highlights; each highlight a <mark> whose title gives the weight.
  function highlighted(text, marks) {
    const parts = [];
    let at = 0;
    for (const h of marks.sort((a, b) => a.start - b.start)) {
      if (h.start < at || h.start + h.length > text.length) continue;
      parts.push(text.slice(at, h.start));
      parts.push(el('mark', { class: h.weight < 0 ? 'neg' : 'pos', 'data-weight': h.weight.toFixed(2),
        title: `weight ${h.weight > 0 ? '+' : ''}${h.weight.toFixed(2)} · ${h.kind}${h.emotion ? ' · ' + h.emotion : ''}` }, text.slice(h.start, h.start + h.length)));
      at = h.start + h.length;
    }
    parts.push(text.slice(at));
    return parts;
  }

  function scorePanel(c, s) {
    if (!s) return el('section', { class: 'panel' }, el('p', {}, 'Not scored yet.'));
    const emotions = Object.entries(s.emotions || {}).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    return el('section', { class: 'panel', id: 'scores' },
      el('h2', {}, 'Scores'),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Overall'), el('dd', {}, chip(s.overall)),
        el('dt', {}, 'Agent'), el('dd', {}, chip(s.agent)),
        el('dt', {}, 'Customer'), el('dd', {}, chip(s.customer)),
        el('dt', {}, 'Shift'), el('dd', {}, s.shift.replace(/([a-z])([A-Z])/g, '$1 $2').replace(' To ', ' → ')),
        el('dt', {}, 'Turning point'), el('dd', {}, s.turningPointTurn === null ? 'none' : 'turn ' + (s.turningPointTurn + 1)),
        el('dt', {}, 'Resolved'), el('dd', {}, s.resolved === null ? 'unknown' : s.resolved ? 'yes' : 'no'),
        el('dt', {}, 'Method'), el('dd', {}, s.method)),
      el('h3', {}, 'Why'), el('p', { id: 'explanation' }, s.explanation),
      el('h3', {}, 'Trend by turn'), el('div', { class: 'chart', id: 'trend' }),
      el('h3', {}, 'Customer emotions'),
      emotions.length ? el('ul', {}, emotions.map(([k, v]) => el('li', {}, `${k}: ${(v * 100).toFixed(0)}%`))) : el('p', {}, 'none detected'),
      c.otherScores.length ? [el('h3', {}, 'Other scoring methods'), el('ul', {}, c.otherScores.map(o => el('li', {}, o.method + ': ', chip(o.overall))))] : null);
  }

  function drawTrend(c) {
    const div = document.getElementById('trend');
    if (!div || !c.score) return;
    const turns = c.turns.filter(t => t.score !== null);
    const tp = c.score.turningPointTurn;
    echarts.init(div).setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['Customer', 'Agent'] },
      xAxis: { type: 'category', name: 'turn', data: c.turns.map(t => t.index + 1) },
      yAxis: { type: 'value', min: -100, max: 100 },
      visualMap: { show: false, dimension: 1, pieces: [{ lt: -20, color: '#c62828' }, { gte: -20, lte: 20, color: '#9e9e9e' }, { gt: 20, color: '#2e7d32' }], seriesIndex: 0 },
      series: [
        { name: 'Customer', type: 'line', connectNulls: true, data: c.turns.map(t => t.role === 'Customer' ? t.score : null),
          markLine: tp === null ? undefined : { symbol: 'none', label: { formatter: 'turning point' }, data: [{ xAxis: String(tp + 1) }] } },
        { name: 'Agent', type: 'line', connectNulls: true, lineStyle: { type: 'dashed' }, data: c.turns.map(t => t.role === 'Agent' ? t.score : null) },
      ],
    });
    void turns;
  }

  async function load() {
    try {
      const c = await api('/api/conversations/' + encodeURIComponent(id));
      if (!c) return;
      const marks = {};
      for (const h of (c.score ? c.score.highlights : [])) (marks[h.turnIndex] = marks[h.turnIndex] || []).push(h);
      const tp = c.score ? c.score.turningPointTurn : null;
      document.title = c.id + ' · Toneline';
      app.replaceChildren(
        el('h1', {}, 'Conversation ', c.id, ' ', c.score ? chip(c.score.overall) : null),
        el('dl', { class: 'facts meta' },
          el('dt', {}, 'Started'), el('dd', {}, fmtDate(c.startTime)),
          el('dt', {}, 'Agent'), el('dd', {}, [c.agentName, c.agentId && `(${c.agentId})`].filter(Boolean).join(' ')),
          el('dt', {}, 'Group'), el('dd', {}, c.group || ''),
          el('dt', {}, 'Channel'), el('dd', {}, c.channel + ' · ' + c.direction + ' · ' + fmtDuration(c.durationSeconds)),
          el('dt', {}, 'Topics'), el('dd', {}, c.topics.join(', ')),
          el('dt', {}, 'Customer'), el('dd', {}, c.customerId || '')),
        el('div', { class: 'detail' },
          el('section', { class: 'transcript', id: 'transcript' }, el('h2', {}, 'Transcript'),
            c.turns.map(t => el('div', { class: 'turn ' + t.role + (t.index === tp ? ' turning' : ''), 'data-turn': t.index },
              el('span', { class: 'time' }, stamp(t.start)),
              el('span', { class: 'who' }, t.speaker && t.speaker.toLowerCase() !== t.role.toLowerCase() ? `${t.speaker} (${t.role})` : t.role),
              el('span', { class: 'text' }, highlighted(t.text, marks[t.index] || [])),
              el('span', { class: 'tscore', title: 'turn score' }, t.score === null ? '' : (t.score > 0 ? '+' : '') + t.score)))),
          scorePanel(c, c.score)));
      drawTrend(c);
    } catch (e) { fail(app, e); }
  }

  load();
})();
