/**
 * The token on every 3.0 route the emulator serves (its own 3.0 OpenAPI document lists them):
 * the x-token-id header only (admin guide, "API"; Cisco's document declares the header), so no
 * token, `?token=` alone and an unknown token are each a 401 in the 3.0 envelope, before any
 * parameter is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V3 } from '../../../src/api/surfaces.js';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Every served operation: its method and its path, the parameters filled in. */
let routes: [Method, string][];
beforeAll(async () => {
  c = await testCenter();
  await c.app.ready();
  const doc = c.app.openapiDocuments.get(V3.version)?.() as { paths: Record<string, Record<string, unknown>> };
  // Any value will do in the path: the token is checked first.
  routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m): [Method, string] => [m.toUpperCase() as Method, p.replace(/\{(type|object)\}/, 'devices').replace(/\{[^}]+\}/g, UNKNOWN)]),
  );
});
afterAll(() => c.close());

describe('the token on every served 3.0 route', () => {
  it('lists the served routes', () => {
    expect(routes.filter(([m]) => m === 'GET').length).toBeGreaterThanOrEqual(38);
    expect(routes.every(([, p]) => p.startsWith(`${API3}/`))).toBe(true);
  });

  it('answers 401 without a token, to ?token= alone, and to an unknown token', async () => {
    for (const [method, path] of routes) {
      expectError3(await c.app.inject({ method, url: path }), 401, /no token was given/);
      expectError3(await c.app.inject({ method, url: `${path}?token=${TOKEN}` }), 401, /x-token-id header/);
      expectError3(await c.app.inject({ method, url: path, headers: { 'x-token-id': `ics-${'a'.repeat(40)}-${'b'.repeat(40)}` } }), 401);
    }
  });
});
