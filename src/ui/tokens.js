/*
 * The API Token page (admin guide, "Token") and its landing section. No framework: the DOM, fetch
 * and the control-plane routes /_emulator/tokens, /_emulator/clock and /_emulator/health.
 *
 * The admin key is asked once and kept in sessionStorage (this tab only). A token's secret exists
 * only in the answer of create or refresh: the page keeps the secrets it received in
 * sessionStorage too, so "Show" reveals them for the tokens created or refreshed in this tab, and
 * the mask (ics-…1234) for the others.
 */
/* global document, window, fetch, sessionStorage, navigator, location */

const KEY_ITEM = 'ccv.adminKey';
const SECRETS_ITEM = 'ccv.tokenSecrets';
const LAST_ITEM = 'ccv.lastTokenId';

const $ = (id) => document.getElementById(id);

/** An answer in the guide's error envelope (5.7): its message is what the user reads. */
class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// ---- session state ----

const adminKey = () => sessionStorage.getItem(KEY_ITEM);
const secrets = () => JSON.parse(sessionStorage.getItem(SECRETS_ITEM) ?? '{}');
function keepSecret(id, secret) {
  sessionStorage.setItem(SECRETS_ITEM, JSON.stringify({ ...secrets(), [id]: secret }));
  sessionStorage.setItem(LAST_ITEM, id);
}
function dropSecret(id) {
  const all = secrets();
  delete all[id];
  sessionStorage.setItem(SECRETS_ITEM, JSON.stringify(all));
}

/** The tokens whose row shows the token text rather than "Hidden". */
const shown = new Set();
let tokens = [];
let now = Date.now();

// ---- the API ----

async function call(method, path, body) {
  const headers = { accept: 'application/json' };
  if (path.startsWith('/_emulator/') && path !== '/_emulator/health') headers['x-emulator-key'] = adminKey() ?? '';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data && typeof data.message === 'string' ? data.message : `${res.status} ${res.statusText}`);
  return data;
}

// ---- messages ----

function say(text) {
  $('error').textContent = '';
  $('status').textContent = text;
}

function fail(err) {
  $('status').textContent = '';
  $('error').textContent = err instanceof ApiError ? err.message : `The emulator did not answer: ${err.message}`;
  // A refused key: ask for it again.
  if (err instanceof ApiError && err.status === 401) {
    sessionStorage.removeItem(KEY_ITEM);
    showKeyForm();
  }
}

// ---- formatting ----

const dateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Oct 29, 2020", as the admin guide prints dates; the full time in the datetime attribute. */
function dateCell(iso) {
  const td = document.createElement('td');
  if (iso === null) {
    td.textContent = 'None';
    return td;
  }
  const time = document.createElement('time');
  time.dateTime = iso;
  time.title = iso;
  time.textContent = dateFormat.format(new Date(iso));
  td.append(time);
  return td;
}

function statusOf(t) {
  if (!t.enabled) return 'Disabled';
  return t.expires_at !== null && Date.parse(t.expires_at) <= now ? 'Expired' : 'Enabled';
}

/** A button whose visible text is completed, for screen readers, by the token's name. */
function button(text, detail, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.append(text);
  const more = document.createElement('span');
  more.className = 'visually-hidden';
  more.textContent = ` ${detail}`;
  b.append(more);
  b.addEventListener('click', onClick);
  return b;
}

// ---- the table ----

function tokenCell(t) {
  const td = document.createElement('td');
  td.className = 'token';
  const secret = secrets()[t.id];
  if (!shown.has(t.id)) {
    td.append('Hidden ', button('Show', `the token of ${t.name}`, () => toggle(t.id)));
    return td;
  }
  const code = document.createElement('code');
  code.textContent = secret ?? t.token;
  td.append(code, ' ', button('Hide', `the token of ${t.name}`, () => toggle(t.id)));
  if (secret) {
    td.append(' ', button('Copy', `the token of ${t.name}`, () => copy(secret, `The token of ${t.name} is in the clipboard.`)));
  } else {
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = 'The secret is shown only right after Create or Refresh.';
    td.append(note);
  }
  return td;
}

function row(t) {
  const tr = document.createElement('tr');
  tr.dataset.id = t.id;
  const name = document.createElement('th');
  name.scope = 'row';
  name.textContent = t.name;
  const status = document.createElement('td');
  const state = statusOf(t);
  status.textContent = state;
  status.className = `state-${state.toLowerCase()}`;
  const actions = document.createElement('td');
  actions.className = 'actions';
  actions.append(
    button('Edit', t.name, (e) => openDialog(t, e.currentTarget)),
    ' ',
    button('Refresh', t.name, () => refresh(t)),
    ' ',
    button('Delete', t.name, () => remove(t)),
  );
  tr.append(name, tokenCell(t), status, dateCell(t.created_at), dateCell(t.expires_at), actions);
  return tr;
}

function render() {
  const body = $('tokens').tBodies[0];
  body.replaceChildren(...tokens.map(row));
  if (tokens.length === 0) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 6;
    td.className = 'empty';
    td.textContent = 'No token yet: create one with “+ New token”.';
    tr.append(td);
    body.append(tr);
  }
  renderCurl();
}

/** Moves the keyboard focus to a control of a token's row (rows are rebuilt on every change). */
function focusIn(id, selector) {
  document.querySelector(`tr[data-id="${id}"] ${selector}`)?.focus();
}

function toggle(id) {
  if (shown.has(id)) shown.delete(id);
  else shown.add(id);
  render();
  // Keep the keyboard where it was: on the same row's Show/Hide button.
  focusIn(id, 'td.token button');
}

async function load() {
  const [list, clock] = await Promise.all([call('GET', '/_emulator/tokens'), call('GET', '/_emulator/clock')]);
  tokens = list;
  now = Date.parse(clock.now);
  const known = new Set(tokens.map((t) => t.id));
  for (const id of Object.keys(secrets())) if (!known.has(id)) dropSecret(id);
  render();
}

// ---- actions ----

async function refresh(t) {
  if (!window.confirm(`Refresh the token “${t.name}”? Its current secret stops working at once.`)) return;
  try {
    const fresh = await call('POST', `/_emulator/tokens/${t.id}/refresh`);
    keepSecret(fresh.id, fresh.token);
    shown.add(fresh.id);
    await load();
    say(`“${t.name}” has a new secret: copy it now, it is shown only in this tab.`);
  } catch (err) {
    fail(err);
  }
}

async function remove(t) {
  if (!window.confirm(`Delete the token “${t.name}”? Applications using it are refused from their next call.`)) return;
  try {
    await call('DELETE', `/_emulator/tokens/${t.id}`);
    dropSecret(t.id);
    shown.delete(t.id);
    await load();
    say(`“${t.name}” is deleted.`);
    $('new-token').focus();
  } catch (err) {
    fail(err);
  }
}

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (a page over plain HTTP on another host): the old way.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  say(done);
}

// ---- the New token / Edit dialog ----

let editing = null;
let opener = null;

function openDialog(token, from) {
  editing = token;
  opener = from;
  $('token-dialog-title').textContent = token ? `Edit “${token.name}”` : 'New token';
  $('token-save').textContent = token ? 'Save' : 'Create';
  $('token-name').value = token?.name ?? '';
  $('token-enabled').checked = token?.enabled ?? true;
  $('token-expiry').value = token?.expires_at?.slice(0, 10) ?? '';
  $('form-error').textContent = '';
  $('token-dialog').showModal();
  $('token-name').focus();
}

function closeDialog() {
  $('token-dialog').close();
}

async function save(event) {
  event.preventDefault();
  const name = $('token-name').value.trim();
  const enabled = $('token-enabled').checked;
  const expiry = $('token-expiry').value;
  if (!name) {
    $('form-error').textContent = 'Give the token a name.';
    $('token-name').focus();
    return;
  }
  try {
    if (editing) {
      const change = {};
      if (name !== editing.name) change.name = name;
      if (enabled !== editing.enabled) change.enabled = enabled;
      if (expiry !== (editing.expires_at?.slice(0, 10) ?? '')) change.expires_at = expiry || null;
      if (Object.keys(change).length > 0) await call('PATCH', `/_emulator/tokens/${editing.id}`, change);
      const id = editing.id;
      closeDialog();
      await load();
      say(`“${name}” is saved.`);
      focusIn(id, 'td.actions button');
    } else {
      const created = await call('POST', '/_emulator/tokens', { name, enabled, ...(expiry ? { expires_at: expiry } : {}) });
      keepSecret(created.id, created.token);
      shown.add(created.id);
      closeDialog();
      await load();
      say(`“${created.name}” is created: its secret is shown in the table, copy it now.`);
      focusIn(created.id, 'td.token button:last-of-type');
    }
  } catch (err) {
    // Shown in the dialog, which stays open to correct the entry.
    $('form-error').textContent = err instanceof ApiError ? err.message : `The emulator did not answer: ${err.message}`;
    if (err instanceof ApiError && err.status === 401) {
      closeDialog();
      fail(err);
    }
  }
}

// ---- the admin key ----

function showKeyForm() {
  $('key-form').hidden = false;
  $('tokens-area').hidden = true;
}

async function useKey(event) {
  event.preventDefault();
  const key = $('admin-key').value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY_ITEM, key);
  $('admin-key').value = '';
  await unlock(true);
}

async function unlock(focus) {
  try {
    await load();
    $('key-form').hidden = true;
    $('tokens-area').hidden = false;
    $('error').textContent = '';
    if (focus) $('new-token').focus();
  } catch (err) {
    fail(err);
    if (!(err instanceof ApiError && err.status === 401)) showKeyForm();
  }
}

function forgetKey() {
  sessionStorage.removeItem(KEY_ITEM);
  tokens = [];
  showKeyForm();
  say('The admin key is forgotten.');
  $('admin-key').focus();
}

// ---- the landing section ----

const apiBase = () => `${location.origin}/api/1.0`;

/** The latest token this tab created or refreshed, while it still exists and works. */
function liveSecret() {
  const all = secrets();
  const usable = (id) => all[id] && tokens.some((t) => t.id === id && statusOf(t) === 'Enabled');
  const last = sessionStorage.getItem(LAST_ITEM);
  const id = usable(last) ? last : Object.keys(all).reverse().find(usable);
  return id ? all[id] : undefined;
}

function renderCurl() {
  const secret = liveSecret();
  $('curl-box').hidden = secret === undefined;
  $('curl-prompt').textContent =
    secret === undefined
      ? 'Create a token in the table below: a ready-to-run curl line using it appears here.'
      : 'With the token you created: 1.0 takes it as a URL parameter (guide 6.1), 3.0 in the x-token-id header. Over HTTPS the first line fetches the CA (ca.pem) that signs this server:';
  if (secret === undefined) return;
  const https = location.protocol === 'https:';
  const tls = https ? '--cacert ca.pem ' : '';
  $('curl').textContent = [
    ...(https ? [`curl -sko ca.pem ${location.origin}/ca.pem`] : []),
    `curl ${tls}"${apiBase()}/component?limit=10&token=${secret}"`,
    `curl ${tls}-H "x-token-id: ${secret}" "${location.origin}/api/3.0/components?page=1&size=10"`,
  ].join('\n');
}

async function loadWorld() {
  try {
    const health = await call('GET', '/_emulator/health');
    $('world-summary').textContent = `Scenario “${health.scenario ?? 'none'}”, emulator ${health.version}.`;
    const items = Object.entries(health.counts).map(([name, count]) => {
      const div = document.createElement('div');
      const dt = document.createElement('dt');
      dt.textContent = name[0].toUpperCase() + name.slice(1);
      const dd = document.createElement('dd');
      dd.textContent = count.toLocaleString('en-US');
      div.append(dt, dd);
      return div;
    });
    $('counts').replaceChildren(...items);
  } catch (err) {
    $('world-summary').textContent = `The health check failed: ${err.message}`;
  }
}

// ---- start ----

$('api-base').textContent = apiBase();
$('api3-base').textContent = `${location.origin}/api/3.0`;
$('control-base').textContent = `${location.origin}/_emulator`;
$('key-form').addEventListener('submit', useKey);
$('forget-key').addEventListener('click', forgetKey);
$('new-token').addEventListener('click', (e) => openDialog(null, e.currentTarget));
$('token-form').addEventListener('submit', save);
$('token-cancel').addEventListener('click', closeDialog);
// Cancel or Escape: back to the button that opened the dialog (a save focuses the row itself).
$('token-dialog').addEventListener('close', () => {
  if (opener?.isConnected) opener.focus();
});
$('copy-curl').addEventListener('click', () => copy($('curl').textContent, 'The curl line is in the clipboard.'));

loadWorld();
if (adminKey()) unlock(false);
else showKeyForm();
