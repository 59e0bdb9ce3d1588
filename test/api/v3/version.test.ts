/** GET /api/3.0/version, and what every 3.0 route shares: the header token, the licence, the 3.0 envelope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

describe('GET /version', () => {
  it('answers the Center version, 5.5, in integers', async () => {
    const v = await c.json3<Record<string, unknown>>('/version');
    expect(v).toEqual({ major: 5, minor: 5, incr: expect.any(Number), build: expect.any(Number) });
    for (const n of Object.values(v)) expect(Number.isInteger(n)).toBe(true);
  });

  it('answers 401 without a token', async () => {
    expectError3(await c.app.inject({ url: `${API3}/version` }), 401, /no token was given/);
  });

  it('answers 401 to ?token= alone, saying that 3.0 takes the header', async () => {
    expectError3(await c.app.inject({ url: `${API3}/version?token=${TOKEN}` }), 401, /x-token-id header, not as \?token=/);
  });

  it('answers 401 to a wrong token in the header', async () => {
    expectError3(await c.app.inject({ url: `${API3}/version`, headers: { 'x-token-id': `ics-${'3'.repeat(40)}-${'4'.repeat(40)}` } }), 401, /unknown, expired, disabled or invalid/);
  });

  it('answers 402 while the licence excludes the API', async () => {
    const off = await c.control('PUT', '/_emulator/license', { api: false });
    expect(off.statusCode, off.body).toBe(200);
    try {
      expectError3(await c.v3('GET', '/version'), 402, /License error/);
    } finally {
      await c.control('PUT', '/_emulator/license', { api: true });
    }
  });
});

describe('an unknown 3.0 route', () => {
  it('answers 404 in the 3.0 envelope, as 1.0 words it', async () => {
    expectError3(await c.v3('GET', '/events'), 404, /^Route GET:\/api\/3\.0\/events not found$/);
  });
});

describe('GET /api/3.0/documentation', () => {
  it('serves the 3.0 Swagger UI page without a token', async () => {
    const res = await c.app.inject({ url: `${API3}/documentation` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>API Documentation 3.0 · Cisco Cyber Vision Center (emulated)</title>');
  });

  it('names assets that answer, whether its address ends with a slash or not', async () => {
    for (const page of [`${API3}/documentation`, `${API3}/documentation/`]) {
      const html = (await c.app.inject({ url: page })).body;
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1] as string, `http://x${page}`).pathname);
      expect(assets.length, page).toBeGreaterThan(3);
      for (const asset of assets) expect((await c.app.inject({ url: asset })).statusCode, `${page} → ${asset}`).toBe(200);
    }
  });

  it('serves the 3.0 document: its routes only, with the x-token-id scheme', async () => {
    const res = await c.app.inject({ url: `${API3}/documentation/json` });
    const doc = res.json() as { paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toContain('/api/3.0/version');
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/3.0/'))).toBe(true);
    expect(doc.components.securitySchemes).toEqual({ token: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-token-id' }) });
  });
});
