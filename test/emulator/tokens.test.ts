/**
 * The API Token page as routes: GET/POST /_emulator/tokens, PATCH and DELETE /_emulator/tokens/{id},
 * POST /_emulator/tokens/{id}/refresh; each change holds from the very next /api call.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MICROS_PER_SECOND, formatTimestamp } from '../../src/domain/time.js';
import { ClearTokenSchema, TokenSchema, type TokenWire } from '../../src/emulator/tokens.js';
import { TOKEN_RE } from '../../src/store/tokens.js';
import { ADMIN_KEY, API, NOW, TOKEN, type TestCenter, UNKNOWN, UTC_TIME, expectError, expectShape, testCenter } from '../helpers.js';

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  await c.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A control-plane call with the admin key (or `key`), and a JSON body when one is given. */
const control = (method: Method, path: string, body?: unknown, key: string | null = ADMIN_KEY): Promise<LightMyRequestResponse> =>
  c.app.inject({
    method,
    url: `/_emulator/tokens${path}`,
    headers: { ...(key === null ? {} : { 'x-emulator-key': key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

/** The status of an /api call made with `token`. */
const apiStatus = async (token: string): Promise<number> => (await c.app.inject({ method: 'GET', url: `${API}/sensor?token=${token}` })).statusCode;

const list = async (): Promise<TokenWire[]> => {
  const res = await control('GET', '');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TokenWire[];
};

/** The test token's record (startup created it as CCV_TOKEN). */
const testToken = async (): Promise<TokenWire> => {
  const t = (await list()).find((x) => x.name === 'CCV_TOKEN');
  if (!t) throw new Error('no CCV_TOKEN token');
  return t;
};

const create = async (body: Record<string, unknown>): Promise<TokenWire> => {
  const res = await control('POST', '', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TokenWire;
};

const HOUR = 3600 * MICROS_PER_SECOND;

describe('GET /_emulator/tokens', () => {
  it('lists the tokens in creation order, masked, with their dates', async () => {
    await create({ name: 'SOC' });
    const tokens = await list();
    expect(tokens.map((t) => t.name)).toEqual(['default', 'CCV_TOKEN', 'SOC']);
    for (const t of tokens) {
      expectShape(TokenSchema, t);
      expect(t.token).toMatch(/^ics-…[0-9a-f]{4}$/);
      expect(t.created_at).toMatch(UTC_TIME);
    }
    const mine = await testToken();
    expect(mine).toMatchObject({ token: `ics-…${TOKEN.slice(-4)}`, enabled: true, created_at: formatTimestamp(NOW), expires_at: null, last_used_at: null });
  });

  it('never shows a secret, and reports the last use', async () => {
    expect(await apiStatus(TOKEN)).toBe(200);
    const res = await control('GET', '');
    expect(res.body).not.toMatch(/ics-[0-9a-f]{40}/);
    expect((await testToken()).last_used_at).toBe(formatTimestamp(NOW));
  });

  it('answers 401 without the admin key, or with a wrong one', async () => {
    expectError(await control('GET', '', undefined, null), 401, /x-emulator-key/);
    expectError(await control('GET', '', undefined, 'wrong'), 401, /admin key/);
  });
});

describe('POST /_emulator/tokens', () => {
  it('answers 201 with the secret in clear, which works on /api at once', async () => {
    const res = await control('POST', '', { name: '  SOC  ' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as TokenWire;
    expectShape(ClearTokenSchema, created);
    expect(created).toMatchObject({ name: 'SOC', enabled: true, created_at: formatTimestamp(NOW), expires_at: null, last_used_at: null });
    expect(created.token).toMatch(TOKEN_RE);
    expect(await apiStatus(created.token)).toBe(200);
    expect((await list()).find((t) => t.id === created.id)?.token).toBe(`ics-…${created.token.slice(-4)}`);
  });

  it('creates a disabled token that /api refuses until it is enabled', async () => {
    const created = await create({ name: 'later', enabled: false });
    expect(created.enabled).toBe(false);
    expect(await apiStatus(created.token)).toBe(401);
    expect((await control('PATCH', `/${created.id}`, { enabled: true })).statusCode).toBe(200);
    expect(await apiStatus(created.token)).toBe(200);
  });

  it.each([
    ['a date alone, as 00:00 UTC', '2027-01-01', '2027-01-01T00:00:00Z'],
    ['a UTC date and time', '2027-01-01 10:20', '2027-01-01T10:20:00Z'],
    ['RFC 3339 with an offset and microseconds', '2027-01-01T10:20:00.123456+02:00', '2027-01-01T08:20:00.123456Z'],
  ])('reads an expiry given as %s', async (_, given, printed) => {
    expect((await create({ name: 'x', expires_at: given })).expires_at).toBe(printed);
  });

  it.each([
    ['no name', {}, /"name": is mandatory/],
    ['an empty name', { name: '' }, /"name": must not be empty/],
    ['a blank name', { name: '   ' }, /"name": must not be empty/],
    ['a name of 65 characters', { name: 'n'.repeat(65) }, /"name": must be at most 64 characters/],
    ['a name that is not a string', { name: 7 }, /"name": must be a string/],
    ['a name with a line break', { name: 'a\nb' }, /"name": must not hold control characters/],
    ['an enabled that is not a boolean', { name: 'x', enabled: 'yes' }, /"enabled": must be true or false/],
    ['an expiry that is not a time', { name: 'x', expires_at: 'tomorrow' }, /"expires_at": must be a time/],
    ['an expiry that is a number', { name: 'x', expires_at: 1_800_000_000 }, /"expires_at": must be a time/],
    ['an expiry at now', { name: 'x', expires_at: formatTimestamp(NOW) }, /not later than now/],
    ['an expiry before now', { name: 'x', expires_at: '2020-01-01' }, /not later than now/],
    ['an unknown field', { name: 'x', token: TOKEN }, /Unrecognized key.*"token"/],
  ])('answers 400 to %s, and creates nothing', async (_, body, message) => {
    expectError(await control('POST', '', body), 400, message);
    expect(await list()).toHaveLength(2);
  });

  it('answers 409 to a name another token has, compared without case', async () => {
    await create({ name: 'SOC' });
    expectError(await control('POST', '', { name: 'soc' }), 409, /A token with the name "soc" already exists/);
    expect(await list()).toHaveLength(3);
  });

  it('answers 401 without the admin key', async () => {
    expectError(await control('POST', '', { name: 'x' }, null), 401);
    expect(await list()).toHaveLength(2);
  });
});

describe('PATCH /_emulator/tokens/{id}', () => {
  it('disables and enables: the next /api call is refused, then accepted', async () => {
    const { id } = await testToken();
    const res = await control('PATCH', `/${id}`, { enabled: false });
    expect(res.statusCode, res.body).toBe(200);
    expectShape(TokenSchema, res.json());
    expect(res.json()).toMatchObject({ id, enabled: false, token: `ics-…${TOKEN.slice(-4)}` });
    expectError(await c.get(`${API}/sensor`), 401, /unknown, expired, disabled or invalid/);
    await control('PATCH', `/${id}`, { enabled: true });
    expect(await apiStatus(TOKEN)).toBe(200);
  });

  it('renames without touching authentication; a change of case of its own name is no conflict', async () => {
    const { id } = await testToken();
    expect((await control('PATCH', `/${id}`, { name: ' CI ' })).json()).toMatchObject({ name: 'CI', enabled: true });
    expect(await apiStatus(TOKEN)).toBe(200);
    expect((await control('PATCH', `/${id}`, { name: 'ci' })).json()).toMatchObject({ name: 'ci' });
  });

  it('expires the token at its instant exactly: 1 µs before, accepted; at it, refused', async () => {
    const { id } = await testToken();
    const at = NOW + HOUR;
    expect((await control('PATCH', `/${id}`, { expires_at: formatTimestamp(at) })).json()).toMatchObject({ expires_at: '2026-11-01T13:00:00Z' });
    c.clock.advance(HOUR - 1);
    expect(await apiStatus(TOKEN)).toBe(200);
    c.clock.advance(1);
    expect(await apiStatus(TOKEN)).toBe(401);
    // null removes the expiry: the token works again.
    expect((await control('PATCH', `/${id}`, { expires_at: null })).json()).toMatchObject({ expires_at: null });
    expect(await apiStatus(TOKEN)).toBe(200);
  });

  it('changes several fields at once', async () => {
    const { id } = await testToken();
    const res = await control('PATCH', `/${id}`, { name: 'CI', enabled: false, expires_at: '2027-01-01' });
    expect(res.json()).toMatchObject({ name: 'CI', enabled: false, expires_at: '2027-01-01T00:00:00Z' });
  });

  it.each([
    ['an empty object', {}, /Invalid body: give at least one of name, enabled, expires_at/],
    ['an unknown field', { status: 'Disabled' }, /Unrecognized key.*"status"/],
    ['an empty name', { name: '' }, /"name": must not be empty/],
    ['an expiry in the past', { expires_at: '2026-11-01 11:59' }, /not later than now/],
    ['a JSON array', [], /Invalid body: a JSON object is required/],
  ])('answers 400 to %s, and changes nothing', async (_, body, message) => {
    const before = await testToken();
    expectError(await control('PATCH', `/${before.id}`, body), 400, message);
    expect(await testToken()).toEqual(before);
  });

  it('answers 400 to no body at all', async () => {
    const { id } = await testToken();
    expectError(await control('PATCH', `/${id}`), 400, /Invalid body: a JSON object is required/);
    const emptyJson = await c.app.inject({ method: 'PATCH', url: `/_emulator/tokens/${id}`, headers: { 'x-emulator-key': ADMIN_KEY, 'content-type': 'application/json' } });
    expectError(emptyJson, 400, /can't be properly parsed/);
  });

  it('answers 400 to an id that is not a UUID', async () => {
    expectError(await control('PATCH', '/42', { enabled: false }), 400, /Invalid token id: "42" is not a UUID/);
  });

  it('answers 404 to an unknown id', async () => {
    expectError(await control('PATCH', `/${UNKNOWN}`, { enabled: false }), 404, /Token not found/);
  });

  it('answers 409 to the name of another token, and changes nothing', async () => {
    const { id } = await testToken();
    expectError(await control('PATCH', `/${id}`, { name: 'DEFAULT', enabled: false }), 409, /already exists/);
    expect(await testToken()).toMatchObject({ name: 'CCV_TOKEN', enabled: true });
  });

  it('answers 401 without the admin key, and changes nothing', async () => {
    const { id } = await testToken();
    expectError(await control('PATCH', `/${id}`, { enabled: false }, null), 401);
    expect(await apiStatus(TOKEN)).toBe(200);
  });
});

describe('POST /_emulator/tokens/{id}/refresh', () => {
  it('gives a new secret: the old one is refused at once, the new one accepted; the rest is kept', async () => {
    const before = await testToken();
    const res = await control('POST', `/${before.id}/refresh`);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as TokenWire;
    expectShape(ClearTokenSchema, after);
    expect(after.token).toMatch(TOKEN_RE);
    expect(after.token).not.toBe(TOKEN);
    expect(after).toMatchObject({ id: before.id, name: before.name, enabled: true, created_at: before.created_at, expires_at: null });
    expect(await apiStatus(TOKEN)).toBe(401);
    expect(await apiStatus(after.token)).toBe(200);
    expect((await testToken()).token).toBe(`ics-…${after.token.slice(-4)}`);
  });

  it('answers 400 to an id that is not a UUID', async () => {
    expectError(await control('POST', '/nope/refresh'), 400, /Invalid token id/);
  });

  it('answers 404 to an unknown id', async () => {
    expectError(await control('POST', `/${UNKNOWN}/refresh`), 404, /Token not found/);
  });

  it('answers 401 without the admin key, and the secret stays', async () => {
    const { id } = await testToken();
    expectError(await control('POST', `/${id}/refresh`, undefined, null), 401);
    expect(await apiStatus(TOKEN)).toBe(200);
  });
});

describe('DELETE /_emulator/tokens/{id}', () => {
  it('answers 204 with an empty body; the next /api call is refused; a second delete is a 404', async () => {
    const { id } = await testToken();
    const res = await control('DELETE', `/${id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await apiStatus(TOKEN)).toBe(401);
    expect((await list()).map((t) => t.id)).not.toContain(id);
    expectError(await control('DELETE', `/${id}`), 404, /Token not found/);
  });

  it('answers 400 to an id that is not a UUID', async () => {
    expectError(await control('DELETE', '/x'), 400, /Invalid token id/);
  });

  it('answers 404 to an unknown id', async () => {
    expectError(await control('DELETE', `/${UNKNOWN}`), 404);
    expect(await list()).toHaveLength(2);
  });

  it('answers 401 without the admin key, and deletes nothing', async () => {
    const { id } = await testToken();
    expectError(await control('DELETE', `/${id}`, undefined, null), 401);
    expect(await apiStatus(TOKEN)).toBe(200);
  });
});
