/** The licence: GET/PUT /_emulator/license, and /api answering 402 while it excludes the API. */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, API, type TestCenter, expectError, testCenter } from '../helpers.js';

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  await c.close();
});

const license = (body?: unknown, key: string | null = ADMIN_KEY): Promise<LightMyRequestResponse> =>
  c.app.inject({
    method: body === undefined ? 'GET' : 'PUT',
    url: '/_emulator/license',
    headers: { ...(key === null ? {} : { 'x-emulator-key': key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

describe('GET /_emulator/license', () => {
  it('allows the API by default', async () => {
    const res = await license();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ api: true, mode: 'advantage' });
  });

  it('answers 401 without the admin key', async () => {
    expectError(await license(undefined, null), 401, /x-emulator-key/);
  });
});

describe('PUT /_emulator/license', () => {
  it('round trip: false makes every /api route answer 402 at once, true gives the API back', async () => {
    const off = await license({ api: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ api: false, mode: 'advantage' });
    expect((await license()).json()).toEqual({ api: false, mode: 'advantage' });
    expectError(await c.get(`${API}/sensor`), 402, /License error: the current license doesn't allow to use the API/);
    expectError(await c.get(`${API}/component?limit=1`), 402);
    // The control plane is not Cisco's API: the licence does not cover it.
    expect((await c.app.inject({ method: 'GET', url: '/_emulator/tokens', headers: { 'x-emulator-key': ADMIN_KEY } })).statusCode).toBe(200);

    expect((await license({ api: true })).json()).toEqual({ api: true, mode: 'advantage' });
    expect((await c.get(`${API}/sensor`)).statusCode).toBe(200);
  });

  it('changes the mode alone, the API staying allowed; the mode survives a world reset', async () => {
    const res = await license({ mode: 'essentials' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ api: true, mode: 'essentials' });
    expect((await c.get(`${API}/sensor`)).statusCode).toBe(200);
    const reset = await c.app.inject({ method: 'POST', url: '/_emulator/reset', headers: { 'x-emulator-key': ADMIN_KEY } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await license()).json()).toEqual({ api: true, mode: 'essentials' });
    expect((await license({ mode: 'advantage' })).json()).toEqual({ api: true, mode: 'advantage' });
  });

  it.each([
    ['neither field', {}, /give "api", "mode" or both/],
    ['an unknown mode', { mode: 'premium' }, /"mode": must be 'essentials' or 'advantage'/],
    ['a string', { api: 'no' }, /"api": must be true or false/],
    ['an unknown field', { api: false, sensors: 3 }, /Unrecognized key.*"sensors"/],
    ['a JSON array', [false], /Invalid body: a JSON object is required/],
  ])('answers 400 to %s, and keeps the licence', async (_, body, message) => {
    expectError(await license(body), 400, message);
    expect((await license()).json()).toEqual({ api: true, mode: 'advantage' });
  });

  it('answers 401 without the admin key, and keeps the licence', async () => {
    expectError(await license({ api: false }, null), 401);
    expect((await c.get(`${API}/sensor`)).statusCode).toBe(200);
  });
});
