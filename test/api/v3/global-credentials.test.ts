/**
 * /api/3.0/globalCredentials: the sensors' global credentials, created, read, changed and
 * deleted, with Cisco's answers, its 409, 404 and 412, and the body's 400.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API3, TOKEN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

const LOGIN = 'sensor.security.login';
const PASSWORD = 'sensor.security.password';
const body = (login: unknown, password: unknown) => ({ SensorsGlobalCredentials: { [LOGIN]: login, [PASSWORD]: password } });

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());
// Each test starts without global credentials.
beforeEach(() => {
  c.store.globalCredentials.delete();
});

/** What GET answers: the credentials, or null for its 404. */
async function stored(): Promise<unknown> {
  const res = await c.v3('GET', '/globalCredentials');
  if (res.statusCode === 404) return null;
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function post(login: string, password: string): Promise<void> {
  const res = await c.v3('POST', '/globalCredentials', body(login, password));
  expect(res.statusCode, res.body).toBe(200);
}

/** The bodies Cisco's 412 refuses ("too much depth of parameters or missing values"), and the 400s of a malformed one. */
const PRECONDITION_FAILED: [string, unknown, RegExp][] = [
  ['no SensorsGlobalCredentials', { [LOGIN]: 'admin', [PASSWORD]: 'x' }, /missing value for global credentials: "SensorsGlobalCredentials"/],
  ['SensorsGlobalCredentials null', { SensorsGlobalCredentials: null }, /missing value for global credentials: "SensorsGlobalCredentials"/],
  ['no login', { SensorsGlobalCredentials: { [PASSWORD]: 'x' } }, /missing value for global credentials: "SensorsGlobalCredentials\.sensor\.security\.login"/],
  ['an empty password', body('admin', ''), /missing value for global credentials: "SensorsGlobalCredentials\.sensor\.security\.password"/],
  ['a null password', body('admin', null), /missing value for global credentials: "SensorsGlobalCredentials\.sensor\.security\.password"/],
  ['a login that is an object', body({ name: 'admin' }, 'x'), /too much depth of parameters: "SensorsGlobalCredentials\.sensor\.security\.login" holds an object/],
  ['another key that is an object', { SensorsGlobalCredentials: { [LOGIN]: 'admin', [PASSWORD]: 'x', sensor: { security: {} } } }, /too much depth of parameters: "SensorsGlobalCredentials\.sensor" holds an object/],
];
const BAD_REQUEST: [string, unknown, RegExp][] = [
  ['an array', [body('admin', 'x')], /Invalid body: a JSON object is required/],
  ['SensorsGlobalCredentials a string', { SensorsGlobalCredentials: 'admin:x' }, /"SensorsGlobalCredentials": must be an object/],
  ['a login that is a number', body(42, 'x'), /Invalid body field "SensorsGlobalCredentials\.sensor\.security\.login": must be a string/],
];
const rawPost = (method: 'POST' | 'PUT') =>
  c.app.inject({ method, url: `${API3}/globalCredentials`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload: '{"SensorsGlobalCredentials": ' });

describe('GET /globalCredentials', () => {
  it('answers the login and the password (shown, as in Cisco\'s example)', async () => {
    await post('admin', 'secretPassword');
    const res = await c.v3('GET', '/globalCredentials');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'secretPassword' });
  });

  it('answers 404 when there are none', async () => {
    expectError3(await c.v3('GET', '/globalCredentials'), 404, /^Global credentials not found$/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/globalCredentials?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('POST /globalCredentials', () => {
  it("sets them and answers them (Cisco's example), without touching the credentials components accepted", async () => {
    const component = (await c.json3<{ id: string; credentialsCount: number }[]>('/components')).find((x) => x.credentialsCount > 0);
    const seen = await c.json3<unknown[]>(`/components/${component?.id}/credentials`);
    expect(seen.length).toBeGreaterThan(0);
    const res = await c.v3('POST', '/globalCredentials', body('admin', 'secretPassword'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'secretPassword' });
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'secretPassword' });
    expect(await c.json3(`/components/${component?.id}/credentials`)).toEqual(seen);
  });

  it('answers 409 when there are some, and keeps them', async () => {
    await post('admin', 'first');
    expectError3(await c.v3('POST', '/globalCredentials', body('root', 'second')), 409, /Global credentials already exist/);
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'first' });
  });

  it.each(PRECONDITION_FAILED)('answers 412 to %s, and sets nothing', async (_, payload, message) => {
    expectError3(await c.v3('POST', '/globalCredentials', payload), 412, message);
    expect(await stored()).toBeNull();
  });

  it.each(BAD_REQUEST)('answers 400 to %s, and sets nothing', async (_, payload, message) => {
    expectError3(await c.v3('POST', '/globalCredentials', payload), 400, message);
    expect(await stored()).toBeNull();
  });

  it('answers 400 to a body that is not JSON', async () => {
    expectError3(await rawPost('POST'), 400, /JSON/);
    expect(await stored()).toBeNull();
  });
});

describe('PUT /globalCredentials', () => {
  it("changes them and answers them (Cisco's example)", async () => {
    await post('admin', 'secretPassword');
    const res = await c.v3('PUT', '/globalCredentials', body('admin', 'newSecretPassword'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'newSecretPassword' });
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'newSecretPassword' });
  });

  it('sets them when there are none (divergence: Cisco lists no 404 for PUT)', async () => {
    expect((await c.v3('PUT', '/globalCredentials', body('operator', 'p'))).statusCode).toBe(200);
    expect(await stored()).toEqual({ [LOGIN]: 'operator', [PASSWORD]: 'p' });
  });

  it.each(PRECONDITION_FAILED)('answers 412 to %s, and keeps them', async (_, payload, message) => {
    await post('admin', 'kept');
    expectError3(await c.v3('PUT', '/globalCredentials', payload), 412, message);
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'kept' });
  });

  it.each(BAD_REQUEST)('answers 400 to %s, and keeps them', async (_, payload, message) => {
    await post('admin', 'kept');
    expectError3(await c.v3('PUT', '/globalCredentials', payload), 400, message);
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'kept' });
  });

  it('answers 400 to a body that is not JSON', async () => {
    await post('admin', 'kept');
    expectError3(await rawPost('PUT'), 400, /JSON/);
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'kept' });
  });
});

describe('DELETE /globalCredentials', () => {
  it('answers an empty 204, and they are gone', async () => {
    await post('admin', 'secretPassword');
    const res = await c.v3('DELETE', '/globalCredentials');
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await stored()).toBeNull();
    // A POST may set them again.
    await post('root', 'again');
    expect(await stored()).toEqual({ [LOGIN]: 'root', [PASSWORD]: 'again' });
  });

  it('answers 404 when there are none', async () => {
    expectError3(await c.v3('DELETE', '/globalCredentials'), 404, /^Global credentials not found$/);
  });

  it('answers 401 to ?token= alone, and they stay', async () => {
    await post('admin', 'kept');
    expectError3(await c.app.inject({ method: 'DELETE', url: `${API3}/globalCredentials?token=${TOKEN}` }), 401, /x-token-id header/);
    expect(await stored()).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'kept' });
  });
});
