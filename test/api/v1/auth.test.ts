/**
 * Tokens and the licence on every 1.0 GET route (guide 4, 6.1; admin guide "Token"): the token
 * travels as `?token=` or in the `x-token-id` header; a missing, malformed, unknown, disabled or
 * expired token answers 401, a licence without the API answers 402, both in the 5.7 envelope.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICROS_PER_SECOND } from '../../../src/domain/time.js';
import { API, NOW, TOKEN, type TestCenter, expectError, testCenter } from '../../helpers.js';

// Every GET route of the README table, with ids the fixtures hold (fixtures/README.md).
const ROUTES = [
  '/sensor',
  '/component?limit=1',
  '/component/02074cd3-dbe6-52b6-963c-7247ef33a2b1', // PLC_3, 5.2
  '/component/d8cd6083-6c99-5745-9277-78506b623e4d/flow?limit=1', // 6.3.11
  '/component/5ad0ab04-5a74-5f48-8d15-0d46302f9f7b/variables', // 6.3.12
  '/vendor',
  '/icon',
  '/icon/netgear', // 6.3.6
  '/flows?limit=1',
  '/flow/fea763b5-a292-556e-a986-af71bffb45eb', // 6.4.2
  '/flow/fea763b5-a292-556e-a986-af71bffb45eb/content?limit=1', // 6.4.3
  '/flow/fea763b5-a292-556e-a986-af71bffb45eb/stats', // 6.4.4
  '/group',
  '/group/25b745dc-1d93-46ec-8bd8-c647a1d6a46e', // GROUP SIEMENS, 6.5.2
  '/event?limit=1',
  '/event-data/4f8c2d19-b6e3-47a0-9d15-c83e7a2f6b58/download', // the fixture Decode Failure event
  '/variables?limit=1',
  '/tags',
  '/analyzer/tag/WEB', // 6.8.1.2
  '/analyzer/property/rule',
  '/analyzer/property/rule/bd1c1b0b-eb8c-4740-a870-e1fac758ef2b', // 6.8.2.2
  '/analyzer/port/rule',
  '/analyzer/port/rule/bd1c1b0b-eb8c-4740-a870-e1fac758ef2b', // 6.8.3.2
];

const UNKNOWN_TOKEN = `ics-${'a'.repeat(40)}-${'b'.repeat(40)}`;
const MALFORMED_TOKEN = 'ics-1234';

/** The route's URL, with `token` in the query when one is given (encoded as a client would). */
function url(route: string, token?: string): string {
  if (token === undefined) return `${API}${route}`;
  return `${API}${route}${route.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

function send(c: TestCenter, route: string, token?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return c.app.inject({ method: 'GET', url: url(route, token), headers });
}

describe('the token (guide 4: 401 "unknown, expired, disabled or invalid"; 6.1)', () => {
  let c: TestCenter;
  const tokens = { disabled: '', expired: '' };

  beforeAll(async () => {
    c = await testCenter();
    tokens.disabled = c.store.tokens.create({ id: 'disabled', name: 'IoC', now: NOW }).token;
    c.store.tokens.setEnabled('disabled', false);
    // Expired one microsecond before the (pinned) clock.
    tokens.expired = c.store.tokens.create({ id: 'expired', name: 'Alert/SMS', now: NOW - 3600 * MICROS_PER_SECOND, expiresAt: NOW - 1 }).token;
  });
  afterAll(() => c.close());

  it.each(ROUTES)('%s answers 200 to the valid token in the query', async (route) => {
    expect((await send(c, route, TOKEN)).statusCode).toBe(200);
  });

  it.each(ROUTES)('%s answers 401 without a token', async (route) => {
    expectError(await send(c, route), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a malformed token', async (route) => {
    expectError(await send(c, route, MALFORMED_TOKEN), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a well-formed unknown token', async (route) => {
    expectError(await send(c, route, UNKNOWN_TOKEN), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a disabled token', async (route) => {
    expectError(await send(c, route, tokens.disabled), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 401 to an expired token', async (route) => {
    expectError(await send(c, route, tokens.expired), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 200 to the token in the x-token-id header (3.x style)', async (route) => {
    const res = await send(c, route, undefined, { 'x-token-id': TOKEN });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(ROUTES)('%s answers 401 to the token as Authorization: Bearer alone', async (route) => {
    expectError(await send(c, route, undefined, { authorization: `Bearer ${TOKEN}` }), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 401 to the token as x-api-key alone', async (route) => {
    expectError(await send(c, route, undefined, { 'x-api-key': TOKEN }), 401, /^Token error/);
  });

  it.each([
    ['an empty token', ''],
    ['a truncated token', TOKEN.slice(0, -1)],
    ['a token with one character too many', `${TOKEN}2`],
    ['upper-case hex', TOKEN.toUpperCase()],
    ['another prefix', TOKEN.replace(/^ics-/, 'icx-')],
    ['the token with a trailing space', `${TOKEN} `],
    ['non-hex characters', `ics-${'g'.repeat(40)}-${'2'.repeat(40)}`],
  ])('answers 401 to %s', async (_name, token) => {
    expectError(await send(c, '/sensor', token), 401, /^Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a malformed, unknown, disabled or expired token in the x-token-id header', async (route) => {
    for (const token of [MALFORMED_TOKEN, UNKNOWN_TOKEN, tokens.disabled, tokens.expired]) {
      expectError(await send(c, route, undefined, { 'x-token-id': token }), 401, /^Token error/);
    }
  });
});

describe('token expiry against the injected clock (guide 4)', () => {
  let c: TestCenter;
  let token: string;
  const EXPIRY = NOW + 60 * MICROS_PER_SECOND;

  beforeAll(async () => {
    c = await testCenter();
    token = c.store.tokens.create({ id: 'expiring', name: 'Analyzer API', now: NOW, expiresAt: EXPIRY }).token;
  });
  afterAll(() => c.close());

  it('answers 200 until the expiry instant, and 401 from that very instant on', async () => {
    expect((await send(c, '/sensor', token)).statusCode).toBe(200);
    c.clock.advance(EXPIRY - 1 - c.clock.now());
    expect((await send(c, '/sensor', token)).statusCode).toBe(200);
    c.clock.advance(1);
    expect(c.clock.now()).toBe(EXPIRY);
    expectError(await send(c, '/sensor', token), 401, /^Token error/);
    expectError(await send(c, '/sensor', undefined, { 'x-token-id': token }), 401, /^Token error/);
    // The test token never expires: only the expiring one is refused.
    expect((await send(c, '/sensor', TOKEN)).statusCode).toBe(200);
  });
});

describe('the licence (guide 4: 402 "the current license … doesn\'t allow to use the API")', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await testCenter();
  });
  afterAll(() => c.close());

  it.each(ROUTES)('%s answers 402 to a valid token while the licence is off, and 200 once it is back on', async (route) => {
    c.store.settings.set('license.api', 'false');
    try {
      expectError(await send(c, route, TOKEN), 402, /^License error/);
      expectError(await send(c, route, undefined, { 'x-token-id': TOKEN }), 402, /^License error/);
    } finally {
      c.store.settings.set('license.api', 'true');
    }
    expect((await send(c, route, TOKEN)).statusCode).toBe(200);
  });
});

// Every write route, with a body that would succeed (ids the fixtures hold, fixtures/README.md).
const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1';
const GROUP_SIEMENS = '25b745dc-1d93-46ec-8bd8-c647a1d6a46e';
const RULE = 'bd1c1b0b-eb8c-4740-a870-e1fac758ef2b';
const tagFlow = { name: 'TagFlow', params: { tag: 'S7', type: 'info' } };
const WRITES: [method: 'POST' | 'PUT' | 'DELETE', route: string, body?: unknown][] = [
  ['PUT', `/component/${PLC_3}/custom-name`, { custom_name: 'My PLC' }],
  ['DELETE', `/component/${PLC_3}/custom-name`],
  ['PUT', `/component/${PLC_3}/custom-icon`, { custom_icon: 'cisco' }],
  ['DELETE', `/component/${PLC_3}/custom-icon`],
  ['POST', `/group/${GROUP_SIEMENS}/component/d3ff2bf4-429a-4ff0-8533-4aa72f95bb9d`],
  ['DELETE', `/group/${GROUP_SIEMENS}/component/93b5cfca-77bb-5551-ad5f-e9443279c640`],
  ['DELETE', '/component/remove-tags', [PLC_3]],
  ['DELETE', '/component/remove-variables', [PLC_3]],
  ['DELETE', '/component/remove-vulns', [PLC_3]],
  ['DELETE', '/component/purge-tags'],
  ['DELETE', '/component/purge-variables'],
  ['DELETE', '/component/purge-vulns'],
  ['POST', '/group', { label: 'Room 214', components: [PLC_3] }],
  ['PUT', `/group/${GROUP_SIEMENS}`, { color: 'PINK' }],
  ['DELETE', `/group/${GROUP_SIEMENS}`],
  ['POST', '/analyzer/tag', { tag: 'MINE', label: 'Mine' }],
  ['PUT', '/analyzer/tag/MINE', { label: 'Mine' }],
  ['DELETE', '/analyzer/tag/MINE'],
  ['POST', '/analyzer/property/rule', { test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 'x' } }] }, actions: [tagFlow] }],
  ['PUT', `/analyzer/property/rule/${RULE}`, { test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 'x' } }] }, actions: [tagFlow] }],
  ['DELETE', `/analyzer/property/rule/${RULE}`],
  ['POST', '/analyzer/port/rule', { ports: ['22'], actions: [tagFlow] }],
  ['PUT', `/analyzer/port/rule/${RULE}`, { ports: ['22'], actions: [tagFlow] }],
  ['DELETE', `/analyzer/port/rule/${RULE}`],
];

describe('the token and the licence on every write route (guide 4, 6.1)', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await testCenter();
  });
  afterAll(() => c.close());

  const write = (method: 'POST' | 'PUT' | 'DELETE', route: string, body: unknown, token?: string) =>
    c.app.inject({
      method,
      url: url(route, token),
      ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });

  it.each(WRITES)('%s %s answers 401 without a token or with an unknown one, 402 without the licence, and changes nothing', async (method, route, body) => {
    const before = c.store.version();
    expectError(await write(method, route, body), 401, /^Token error/);
    expectError(await write(method, route, body, UNKNOWN_TOKEN), 401, /^Token error/);
    // The token is checked before the body: a bad body without a token is still a 401.
    expectError(await write(method, route, { nonsense: true }), 401, /^Token error/);
    c.store.settings.set('license.api', 'false');
    try {
      expectError(await write(method, route, body, TOKEN), 402, /^License error/);
    } finally {
      c.store.settings.set('license.api', 'true');
    }
    // Only the two licence writes above happened.
    const [changes] = before.split(':').map(Number);
    expect(Number(c.store.version().split(':')[0])).toBe((changes ?? 0) + 2);
  });
});
