'use strict';
(() => {
  const { el, api, table, fail } = T;
  const app = document.getElementById('app');

  async function post(path, body) {
    const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await r.json();
    if (!r.ok) throw new Error(json.errors ? Object.values(json.errors).flat().join(' ') : json.detail || json.title);
    return json;
  }

  async function load(message) {
    try {
      const users = await api('/api/users');
      if (!users) return;
      const f = {};
      const form = el('form', { class: 'filters' },
        ['name', 'password', 'groups'].map(n => el('label', {}, n === 'groups' ? 'Groups (comma-separated, supervisors)' : n, f[n] = el('input', { name: n, type: n === 'password' ? 'password' : 'text' }))),
        el('label', {}, 'Role', f.role = el('select', { name: 'role' }, ['viewer', 'supervisor', 'admin'].map(r => el('option', { value: r }, r)))),
        el('button', { type: 'submit' }, 'Save user'));
      form.addEventListener('submit', async e => {
        e.preventDefault();
        try {
          await post('/api/users', { name: f.name.value, password: f.password.value, role: f.role.value, groups: f.groups.value.split(',').map(s => s.trim()).filter(Boolean) });
          load('Saved ' + f.name.value + '.');
        } catch (err) { load('Not saved: ' + err.message); }
      });
      app.replaceChildren(
        message ? el('p', { role: 'status' }, message) : null,
        table(['Name', 'Role', 'Groups', ''], users.map(u => [u.name, u.role, u.groups.join(', '),
          el('button', { type: 'button', onclick: async () => {
            try { const k = await post('/api/users/' + encodeURIComponent(u.name) + '/api-keys?label=integration'); load(`New API key for ${u.name} (shown once): ${k.key}`); } catch (err) { load(err.message); }
          } }, 'New API key')])),
        el('h2', {}, 'Add or change a user'), form);
    } catch (e) { fail(app, e); }
  }

  load();
})();
