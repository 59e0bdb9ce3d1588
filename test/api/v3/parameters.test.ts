/**
 * /api/3.0/parameters: the Center's parameters, added, read by pattern and by key, changed and
 * deleted, with Cisco's 409, 412 and 404 and the body's 400; the global credentials are two of
 * them, and the emulator's own settings none.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API3, TOKEN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

const LOGIN = 'sensor.security.login';
const PASSWORD = 'sensor.security.password';
const EXAMPLE = { 'random.parameter.one': 8, 'random.parameter.three': true, 'random.parameter.two': 'string' };

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());
// Each test starts without parameters.
beforeEach(() => {
  for (const key of Object.keys(c.store.parameters.matching('.'))) c.store.parameters.delete(key);
  for (const key of Object.keys(c.store.parameters.matching('random'))) c.store.parameters.delete(key);
});

/** What GET /parameters?pattern= answers. */
async function matching(pattern: string): Promise<unknown> {
  const res = await c.v3('GET', `/parameters?pattern=${encodeURIComponent(pattern)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function post(body: unknown): Promise<void> {
  const res = await c.v3('POST', '/parameters', body);
  expect(res.statusCode, res.body).toBe(200);
}

/** The bodies Cisco's 412 refuses ("too much depth of parameters or missing values"), and the 400s of a malformed one. */
const PRECONDITION_FAILED: [string, unknown, RegExp][] = [
  ['an empty object', {}, /missing values for parameters: the body holds none/],
  ['a null value', { 'a.b': 1, 'a.c': null }, /missing value for parameters: "a\.c"/],
  ['an empty string', { 'a.b': '' }, /missing value for parameters: "a\.b"/],
  ['an object value', { 'a.b': 1, a: { c: 2 } }, /too much depth of parameters: "a" holds an object/],
  ['an array value', { 'a.b': [1] }, /too much depth of parameters: "a\.b" holds an object/],
];
const BAD_REQUEST: [string, unknown, RegExp][] = [
  ['an array', [EXAMPLE], /Invalid body: a JSON object is required/],
  ['a string', 'random.parameter.one=8', /Invalid body/],
  ['an empty key', { '': 'x' }, /Invalid body field "": a parameter key must not be empty/],
];

describe('GET /parameters', () => {
  it('answers the parameters whose key contains the pattern, the global credentials among them', async () => {
    await post(EXAMPLE);
    expect((await c.v3('POST', '/globalCredentials', { SensorsGlobalCredentials: { [LOGIN]: 'admin', [PASSWORD]: 'secret' } })).statusCode).toBe(200);
    expect(await matching('random.parameter')).toEqual(EXAMPLE);
    expect(await matching('.t')).toEqual({ 'random.parameter.three': true, 'random.parameter.two': 'string' });
    expect(await matching('security')).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'secret' });
    expect(await matching('nothing like it')).toEqual({});
  });

  it("never shows the emulator's own settings", async () => {
    c.store.settings.set('admin_key', 'internal');
    c.store.settings.set('deployment.jwt_secret', 'internal');
    expect(c.store.settings.get('world.seed')).toBeDefined();
    for (const pattern of ['admin', 'token', 'world', 'center', 'license', 'jwt', '_', 'e']) expect(await matching(pattern)).toEqual({});
  });

  it('answers 400 without a pattern', async () => {
    expectError3(await c.v3('GET', '/parameters'), 400, /"pattern": Should have a pattern/);
    expectError3(await c.v3('GET', '/parameters?pattern='), 400, /"pattern": Should have a pattern/);
  });
});

describe('POST /parameters', () => {
  it("adds them and answers them (Cisco's example)", async () => {
    const res = await c.v3('POST', '/parameters', EXAMPLE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(EXAMPLE);
    expect(await matching('random')).toEqual(EXAMPLE);
  });

  it('sets the global credentials when it adds their two keys', async () => {
    await post({ [LOGIN]: 'operator', [PASSWORD]: 'p4ss' });
    expect(await c.json3('/globalCredentials')).toEqual({ [LOGIN]: 'operator', [PASSWORD]: 'p4ss' });
  });

  it('answers 409 when one of them exists, and adds none', async () => {
    await post({ 'random.parameter.one': 1 });
    expectError3(await c.v3('POST', '/parameters', EXAMPLE), 409, /^Parameter already exists: "random\.parameter\.one"/);
    expect(await matching('random')).toEqual({ 'random.parameter.one': 1 });
  });

  it('answers 409 to the global credentials when they are set', async () => {
    expect((await c.v3('POST', '/globalCredentials', { SensorsGlobalCredentials: { [LOGIN]: 'admin', [PASSWORD]: 'kept' } })).statusCode).toBe(200);
    expectError3(await c.v3('POST', '/parameters', { [LOGIN]: 'root', [PASSWORD]: 'x' }), 409, /Parameters already exist: "sensor\.security\.login", "sensor\.security\.password"/);
    expect(await c.json3('/globalCredentials')).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'kept' });
  });

  it.each(PRECONDITION_FAILED)('answers 412 to %s, and adds nothing', async (_, payload, message) => {
    expectError3(await c.v3('POST', '/parameters', payload), 412, message);
    expect(await matching('a.')).toEqual({});
  });

  it.each(BAD_REQUEST)('answers 400 to %s, and adds nothing', async (_, payload, message) => {
    expectError3(await c.v3('POST', '/parameters', payload), 400, message);
    expect(await matching('random')).toEqual({});
  });
});

describe('PUT /parameters', () => {
  it('changes the ones that exist and adds the others (divergence: Cisco lists no 404), and answers them', async () => {
    await post({ 'random.parameter.one': 8, 'random.parameter.two': 'kept' });
    const res = await c.v3('PUT', '/parameters', { 'random.parameter.one': 9, 'random.parameter.three': false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ 'random.parameter.one': 9, 'random.parameter.three': false });
    expect(await matching('random')).toEqual({ 'random.parameter.one': 9, 'random.parameter.two': 'kept', 'random.parameter.three': false });
  });

  it('changes the global credentials, which GET /globalCredentials reads back', async () => {
    expect((await c.v3('POST', '/globalCredentials', { SensorsGlobalCredentials: { [LOGIN]: 'admin', [PASSWORD]: 'old' } })).statusCode).toBe(200);
    expect((await c.v3('PUT', '/parameters', { [PASSWORD]: 'new' })).statusCode).toBe(200);
    expect(await c.json3('/globalCredentials')).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'new' });
  });

  it.each(PRECONDITION_FAILED)('answers 412 to %s, and changes nothing', async (_, payload, message) => {
    await post({ 'a.b': 'kept' });
    expectError3(await c.v3('PUT', '/parameters', payload), 412, message);
    expect(await matching('a.')).toEqual({ 'a.b': 'kept' });
  });

  it.each(BAD_REQUEST)('answers 400 to %s, and changes nothing', async (_, payload, message) => {
    await post({ 'random.parameter.one': 8 });
    expectError3(await c.v3('PUT', '/parameters', payload), 400, message);
    expect(await matching('random')).toEqual({ 'random.parameter.one': 8 });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await c.app.inject({ method: 'PUT', url: `${API3}/parameters`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload: '{"a": ' });
    expectError3(res, 400, /JSON/);
  });
});

describe('GET /parameters/{key}', () => {
  it('answers the key and those under it, not those that merely begin with it', async () => {
    await post({ 'random.parameter': 'self', ...EXAMPLE, 'random.parameters': 'other' });
    expect(await c.json3('/parameters/random.parameter')).toEqual({ 'random.parameter': 'self', ...EXAMPLE });
    expect(await c.json3('/parameters/random.parameter.one')).toEqual({ 'random.parameter.one': 8 });
  });

  it('answers the global credentials under sensor.security, as /globalCredentials sets them', async () => {
    expect((await c.v3('POST', '/globalCredentials', { SensorsGlobalCredentials: { [LOGIN]: 'admin', [PASSWORD]: 'secret' } })).statusCode).toBe(200);
    expect(await c.json3('/parameters/sensor.security')).toEqual({ [LOGIN]: 'admin', [PASSWORD]: 'secret' });
  });

  it('answers 400 for an empty key: the path is then GET /parameters\'s, whose `pattern` is mandatory', async () => {
    expectError3(await c.v3('GET', '/parameters/'), 400, /"pattern": Should have a pattern/);
  });

  it('answers {} for a key that is not there (divergence: Cisco lists no 404), the settings included', async () => {
    expect(await c.json3('/parameters/random.parameter.one')).toEqual({});
    c.store.settings.set('admin_key', 'internal');
    expect(await c.json3('/parameters/admin_key')).toEqual({});
    expect(await c.json3('/parameters/world')).toEqual({});
  });
});

describe('DELETE /parameters/{key}', () => {
  it('deletes that key alone: an empty 204', async () => {
    await post(EXAMPLE);
    const res = await c.v3('DELETE', '/parameters/random.parameter.one');
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await matching('random')).toEqual({ 'random.parameter.three': true, 'random.parameter.two': 'string' });
  });

  it('deleting one of the global credentials leaves none', async () => {
    expect((await c.v3('POST', '/globalCredentials', { SensorsGlobalCredentials: { [LOGIN]: 'admin', [PASSWORD]: 'secret' } })).statusCode).toBe(200);
    expect((await c.v3('DELETE', `/parameters/${PASSWORD}`)).statusCode).toBe(204);
    expectError3(await c.v3('GET', '/globalCredentials'), 404, /Global credentials not found/);
    expect(await matching('security')).toEqual({ [LOGIN]: 'admin' });
  });

  it('answers 404 for a key that is not there, and for a setting of the emulator', async () => {
    expectError3(await c.v3('DELETE', '/parameters/random.parameter.one'), 404, /^Parameter not found: "random\.parameter\.one"$/);
    c.store.settings.set('admin_key', 'internal');
    expectError3(await c.v3('DELETE', '/parameters/admin_key'), 404, /Parameter not found: "admin_key"/);
    expect(c.store.settings.get('admin_key')).toBe('internal');
  });
});
