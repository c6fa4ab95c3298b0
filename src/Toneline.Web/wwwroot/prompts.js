// The Prompts page (admins): versions, the definitions editor, the playground, the regression check and
// activation. Transcripts, quotes and model output are untrusted: everything goes in as text nodes.
'use strict';
(() => {
  const { el, api, table, chip, fmtDate, pct, fail } = T;
  const app = document.getElementById('app');
  app.classList.add('prompts');
  let state = null;        // GET /api/prompts
  let editing = null;      // the version the editor started from

  async function post(path, body) {
    const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try { json = await r.json(); } catch { /* empty body */ }
    if (!r.ok) throw new Error(json ? (json.errors ? Object.entries(json.errors).map(([k, v]) => k + ': ' + v.join(' ')).join(' ') : (json.detail || json.title)) : r.status + ' ' + r.statusText);
    return json;
  }

  const status = (node, text, isError) => node.replaceChildren(text ? el('p', { role: isError ? 'alert' : 'status', class: isError ? 'error' : 'muted' }, text) : '');
  const signed = n => (n > 0 ? '+' : '') + n;

  async function load(selectVersion) {
    try {
      state = await api('/api/prompts');
      if (!state) return;
      const active = state.versions.find(v => v.active);
      editing = state.versions.find(v => v.version === selectVersion) || editing && state.versions.find(v => v.version === editing.version) || active;
      app.replaceChildren(configNotice(), versionsPanel(), editorPanel(), playgroundPanel(), regressionPanel());
    } catch (e) { fail(app, e); }
  }

  function configNotice() {
    if (state.configured) return el('p', { class: 'muted', id: 'llm-config' }, `Runs use ${state.model} at ${state.endpoint}.`);
    return el('div', { class: 'notice', id: 'llm-config', role: 'note' },
      el('strong', {}, 'No LLM endpoint is configured, so prompts cannot be run here. '), state.howToConfigure);
  }

  function versionsPanel() {
    const activatedBy = new Map();
    for (const a of state.activations) activatedBy.set(a.version, a);
    const confirmBox = el('div', { id: 'activate-confirm' });
    const rows = state.versions.slice().reverse().map(v => {
      const a = activatedBy.get(v.version);
      return [
        el('span', { 'data-version': v.version }, 'v' + v.version),
        v.active ? el('span', { class: 'active-mark', title: 'active' }, '● active') : '',
        v.createdBy + ' · ' + fmtDate(v.createdAt),
        a ? `${a.activatedBy} · ${fmtDate(a.activatedAt)}` : '–',
        v.note,
        el('span', { class: 'row' },
          el('button', { type: 'button', onclick: () => { editing = v; app.replaceChildren(configNotice(), versionsPanel(), editorPanel(), playgroundPanel(), regressionPanel()); } }, 'Edit from this'),
          v.active ? '' : el('button', { type: 'button', 'data-activate': v.version, onclick: () => askActivate(v, confirmBox) }, 'Activate…')),
      ];
    });
    const history = state.activations.slice().reverse().map(a => `v${a.version} activated by ${a.activatedBy} at ${fmtDate(a.activatedAt)}`);
    return el('section', { id: 'versions' }, el('h2', {}, 'Versions'),
      table(['Version', '', 'Saved by', 'Last activated', 'Note', ''], rows), confirmBox,
      el('details', {}, el('summary', {}, 'Activation history'), el('ul', {}, history.map(h => el('li', {}, h)))));
  }

  function askActivate(v, box) {
    box.replaceChildren(el('div', { class: 'confirm', role: 'dialog', 'aria-label': 'Confirm activation' },
      el('span', {}, `Activate v${v.version}? New LLM scores will use it; this is recorded with your name and the time.`),
      el('button', { type: 'submit', onclick: async () => {
        try { await post(`/api/prompts/${v.version}/activate`); await load(v.version); } catch (e) { status(box, 'Not activated: ' + e.message, true); }
      } }, 'Confirm activation'),
      el('button', { type: 'button', onclick: () => box.replaceChildren() }, 'Cancel')));
  }

  const f = {};
  function editorPanel() {
    const d = editing || { positive: '', negative: '', guidance: '' };
    const out = el('div', { id: 'editor-status' });
    const form = el('form', { class: 'stack editor' },
      el('label', {}, 'Positive: when is a conversation positive?', f.positive = el('textarea', { name: 'positive', required: true })),
      el('label', {}, 'Negative: when is a conversation negative?', f.negative = el('textarea', { name: 'negative', required: true })),
      el('label', {}, 'Guidance (products, policies; optional)', f.guidance = el('textarea', { name: 'guidance' })),
      el('label', {}, 'Note (why this version)', f.note = el('input', { name: 'note' })),
      el('div', { class: 'row' }, el('button', { type: 'submit' }, 'Save as new version'),
        el('span', { class: 'muted' }, 'Saving never changes the active version; run it below first, then activate it.')),
      out);
    f.positive.value = d.positive; f.negative.value = d.negative; f.guidance.value = d.guidance;
    form.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const created = await post('/api/prompts', draft(true));
        await load(created.version);
        status(document.getElementById('editor-status'), `Saved v${created.version} (not active).`);
      } catch (err) { status(out, 'Not saved: ' + err.message, true); }
    });
    return el('section', { id: 'editor' }, el('h2', {}, editing ? `Edit (starting from v${editing.version})` : 'Edit'), form);
  }

  function draft(withNote) {
    const body = { positive: f.positive.value, negative: f.negative.value, guidance: f.guidance.value };
    if (withNote) body.note = f.note.value;
    return body;
  }

  // Which prompt a run uses: a saved version, or the editor's text as an unsaved draft.
  function versionPicker(name) {
    const select = el('select', { name },
      state.versions.slice().reverse().map(v => el('option', { value: v.version }, `v${v.version}${v.active ? ' (active)' : ''}`)),
      el('option', { value: 'draft' }, 'Editor text (unsaved draft)'));
    if (editing) select.value = String(editing.version);
    return select;
  }

  const runTarget = select => select.value === 'draft' ? { draft: draft(false) } : { version: Number(select.value) };

  function playgroundPanel() {
    const ids = el('input', { name: 'conversationIds', size: 50, placeholder: 'conversation ids, comma-separated' });
    const version = versionPicker('playground-version');
    const search = el('input', { name: 'search', placeholder: 'words in transcript or explanation' });
    const found = el('div', { id: 'search-results' });
    const out = el('div', { id: 'playground-results' });
    const add = id => { const list = ids.value.split(',').map(s => s.trim()).filter(Boolean); if (!list.includes(id)) list.push(id); ids.value = list.join(', '); };
    const run = el('button', { type: 'submit', disabled: !state.configured }, 'Run on these conversations');
    const form = el('form', { class: 'filters' }, el('label', {}, 'Prompt', version), el('label', {}, 'Conversations', ids), run);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      status(out, 'Running…');
      try {
        const result = await post('/api/prompts/playground', { ...runTarget(version), conversationIds: ids.value.split(',').map(s => s.trim()).filter(Boolean) });
        out.replaceChildren(playgroundResult(result));
      } catch (err) { status(out, 'Could not run: ' + err.message, true); }
    });
    const searchForm = el('form', { class: 'row' }, el('label', {}, 'Find conversations', search), el('button', { type: 'submit' }, 'Search'));
    searchForm.addEventListener('submit', async e => {
      e.preventDefault();
      try {
        const page = await api('/api/conversations?' + new URLSearchParams({ text: search.value, limit: '10' }).toString());
        found.replaceChildren(page.items.length
          ? table(['Id', 'Score', 'Agent', ''], page.items.map(i => [i.id, chip(i.overall), i.agentName || i.agentId || '', el('button', { type: 'button', onclick: () => add(i.id) }, 'Add')]))
          : el('p', { class: 'muted' }, 'No conversations match.'));
      } catch (err) { status(found, err.message, true); }
    });
    return el('section', { id: 'playground' }, el('h2', {}, 'Playground'),
      el('p', { class: 'muted' }, 'Run a version, or the editor\'s unsaved text, on stored conversations and compare with their current score. Nothing is stored.'),
      form, searchForm, found, out);
  }

  function scoreBlock(s) {
    return el('div', {}, el('div', {}, chip(s.overall)),
      el('div', { class: 'meta' }, `agent ${s.agent === null ? '–' : signed(s.agent)} · customer ${s.customer === null ? '–' : signed(s.customer)}`),
      el('div', { class: 'meta' }, s.method),
      el('p', {}, s.explanation));
  }

  function playgroundResult(result) {
    const rows = result.rows.map(r => {
      if (r.error) return el('tr', { 'data-id': r.id }, el('td', {}, r.id), el('td', { colspan: 2, class: 'error' }, r.error));
      const l = r.llm;
      return el('tr', { 'data-id': r.id },
        el('td', {}, el('a', { href: '/conversations/' + encodeURIComponent(r.id) }, r.id)),
        el('td', { class: 'current' }, r.current ? scoreBlock(r.current) : el('span', { class: 'muted' }, 'not scored')),
        el('td', { class: 'llm' }, scoreBlock(l.score),
          l.fallbackReason ? el('p', { class: 'error' }, 'Fell back to the built-in engine: ' + l.fallbackReason) : null,
          l.highlights.length ? el('ul', {}, l.highlights.map(h => el('li', { class: 'quote ' + (h.weight < 0 ? 'neg' : 'pos') }, `“${h.text}” (turn ${h.turnIndex + 1})`))) : null,
          l.droppedQuotes.length ? el('p', { class: 'meta' }, 'Quotes not found in the transcript: ' + l.droppedQuotes.join(' | ')) : null,
          l.truncation ? el('p', { class: 'meta' }, 'Truncated: ' + l.truncation) : null,
          el('p', { class: 'meta' }, `${l.promptTokens} + ${l.completionTokens} tokens · cost ${l.cost} · ${l.requests} request(s)${l.fromCache ? ' · cached' : ''}`)));
    });
    return el('div', {},
      el('p', { class: 'meta' }, `${result.method} · ${result.promptTokens} + ${result.completionTokens} tokens · cost ${result.cost}`),
      el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, ['Conversation', 'Current score', 'This prompt'].map(h => el('th', {}, h)))), el('tbody', {}, rows)));
  }

  function regressionPanel() {
    const file = el('input', { type: 'file', name: 'set', accept: '.jsonl,.ndjson,.json,.txt' });
    const version = versionPicker('regression-version');
    const against = el('select', { name: 'against' }, el('option', { value: 'active' }, 'the active prompt'), el('option', { value: 'builtin' }, 'the built-in engine'));
    const out = el('div', { id: 'regression-results' });
    const form = el('form', { class: 'filters' }, el('label', {}, 'Prompt', version), el('label', {}, 'Labeled set (JSONL)', file),
      el('label', {}, 'Compare with', against), el('button', { type: 'submit', disabled: !state.configured }, 'Run regression'));
    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (!file.files.length) { status(out, 'Choose a labeled set first.', true); return; }
      status(out, 'Running…');
      try {
        const set = await file.files[0].text();
        out.replaceChildren(regressionResult(await post('/api/prompts/regression', { ...runTarget(version), against: against.value, set })));
      } catch (err) { status(out, 'Could not run: ' + err.message, true); }
    });
    return el('section', { id: 'regression' }, el('h2', {}, 'Regression check'),
      el('p', { class: 'muted' }, 'One conversation a line: {"id", "label", "turns": [{"speaker", "text"}]}, or {"id", "label"} for a stored conversation. Labels are band names or negative/neutral/positive.'),
      form, out);
  }

  function regressionResult(r) {
    return el('div', {},
      el('p', { id: 'accuracy' }, `Accuracy on ${r.conversations} conversations (${r.scale}): this prompt ${pct(r.candidateAccuracy)}, ${r.against} ${pct(r.activeAccuracy)}.`),
      el('p', { class: 'meta' }, `${r.candidate} · ${r.fallbacks} fallbacks · ${r.promptTokens} + ${r.completionTokens} tokens · cost ${r.cost}`),
      el('table', { class: 'grid', id: 'per-class' },
        el('thead', {}, el('tr', {}, ['Band', 'Precision', 'Recall', 'Support', 'Compared: precision', 'Compared: recall'].map(h => el('th', {}, h)))),
        el('tbody', {}, r.perClass.map(c => el('tr', {}, [c.label, pct(c.precision), pct(c.recall), c.support, pct(c.activePrecision), pct(c.activeRecall)].map(x => el('td', {}, x)))))),
      el('h3', {}, `Flips: ${r.flips.length} (${r.fixed} fixed, ${r.broke} broke)`),
      r.flips.length ? el('table', { class: 'grid', id: 'flips' },
        el('thead', {}, el('tr', {}, ['Conversation', 'Label', 'Compared', 'This prompt', 'Verdict', 'Note'].map(h => el('th', {}, h)))),
        el('tbody', {}, r.flips.map(x => el('tr', {},
          el('td', {}, x.id), el('td', {}, x.label), el('td', {}, `${x.active} (${signed(x.activeScore)})`), el('td', {}, `${x.candidate} (${signed(x.candidateScore)})`),
          el('td', { class: 'verdict-' + x.verdict.replace(' ', '-') }, x.verdict), el('td', {}, x.note || '')))))
        : el('p', { class: 'muted' }, 'No conversation changes class.'));
  }

  load();
})();
