'use strict';
(() => {
  const { el } = T;
  const app = document.getElementById('app');
  const bandOptions = ['VeryNegative', 'Negative', 'Neutral', 'Positive', 'VeryPositive'];
  const shifts = ['StablePositive', 'StableNeutral', 'StableNegative', 'PositiveToNegative', 'PositiveToNeutral', 'NeutralToNegative', 'NegativeToPositive', 'NegativeToNeutral', 'NeutralToPositive'];
  const input = (name, label, type) => el('label', {}, label, el('input', { name, type: type || 'text' }));
  const multi = (name, label, options) => el('label', {}, label, el('select', { name, multiple: true, size: Math.min(options.length, 5) }, options.map(o => el('option', { value: o }, o))));
  const single = (name, label, options) => el('label', {}, label, el('select', { name }, options.map(o => el('option', { value: o }, o === '' ? 'any' : o))));
  const form = el('form', { class: 'searchform', method: 'get', action: '/conversations' },
    el('fieldset', {}, el('legend', {}, 'Overall score'),
      input('minOverall', 'At least (-100..100)', 'number'), input('maxOverall', 'At most (e.g. -1 for "lower than 0")', 'number'), multi('band', 'Label', bandOptions)),
    el('fieldset', {}, el('legend', {}, 'Agent and customer'),
      input('minAgent', 'Agent score at least', 'number'), input('maxAgent', 'Agent score at most', 'number'), multi('agentBand', 'Agent label', bandOptions),
      input('minCustomer', 'Customer score at least', 'number'), input('maxCustomer', 'Customer score at most', 'number'), multi('customerBand', 'Customer label', bandOptions)),
    el('fieldset', {}, el('legend', {}, 'Shift'), multi('shift', 'From start to end', shifts)),
    el('fieldset', {}, el('legend', {}, 'Full text'),
      input('text', 'All of these words'), single('textIn', 'In', ['Any', 'Transcript', 'Explanation'])),
    el('fieldset', {}, el('legend', {}, 'Metadata'),
      input('from', 'From', 'date'), input('to', 'To', 'date'), input('group', 'Group'), input('agent', 'Agent id'), input('customer', 'Customer id'),
      input('topic', 'Topic'), multi('channel', 'Channel', ['Call', 'Chat', 'Email', 'Survey', 'Social']), multi('direction', 'Direction', ['Inbound', 'Outbound', 'Internal', 'Unknown']),
      input('minDuration', 'Min duration (s)', 'number'), input('maxDuration', 'Max duration (s)', 'number'),
      single('sort', 'Sort by', ['StartTime', 'Overall', 'AgentScore', 'CustomerScore', 'Duration', 'Shift', 'Agent', 'Group', 'Topic', 'Customer', 'Id']),
      single('desc', 'Order', ['true', 'false'])),
    el('button', { type: 'submit' }, 'Search'));
  // Empty fields stay out of the URL.
  form.addEventListener('submit', () => form.querySelectorAll('input, select').forEach(i => { if (!i.value) i.disabled = true; }));
  app.replaceChildren(form);
})();
