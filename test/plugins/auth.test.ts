import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICROS_PER_SECOND } from '../../src/domain/time.js';
import { NOW, TOKEN, type TestCenter, expectError, testCenter } from '../helpers.js';

// Every 1.0 GET route, with ids the fixtures hold (guide 4: 401 and 402 apply to all of them).
const ROUTES = [
  '/sensor',
  '/component?limit=1',
  '/component/02074cd3-dbe6-52b6-963c-7247ef33a2b1',
  '/component/d8cd6083-6c99-5745-9277-78506b623e4d/flow?limit=1',
  '/component/5ad0ab04-5a74-5f48-8d15-0d46302f9f7b/variables',
  '/vendor',
  '/icon',
  '/icon/netgear',
  '/flows?limit=1',
  '/flows/?limit=1',
  '/flow/fea763b5-a292-556e-a986-af71bffb45eb',
  '/flow/fea763b5-a292-556e-a986-af71bffb45eb/content?limit=1',
  '/flow/fea763b5-a292-556e-a986-af71bffb45eb/stats',
  '/group',
  '/group/25b745dc-1d93-46ec-8bd8-c647a1d6a46e',
  '/event?limit=1',
  '/variables?limit=1',
  '/tags',
  '/analyzer/tag/WEB',
  '/analyzer/property/rule',
  '/analyzer/property/rule/bd1c1b0b-eb8c-4740-a870-e1fac758ef2b',
  '/analyzer/port/rule',
  '/analyzer/port/rule/bd1c1b0b-eb8c-4740-a870-e1fac758ef2b',
];

const url = (route: string, token?: string) =>
  `/api/1.0${route}${token === undefined ? '' : `${route.includes('?') ? '&' : '?'}token=${token}`}`;

let c: TestCenter;
const tokens: Record<'disabled' | 'expired' | 'expiring', string> = { disabled: '', expired: '', expiring: '' };
const EXPIRY = NOW + 60 * MICROS_PER_SECOND;

beforeAll(async () => {
  c = await testCenter();
  const make = (name: string, expiresAt: number | null = null) =>
    c.store.tokens.create({ id: name, name, now: NOW, expiresAt }).token;
  tokens.disabled = make('disabled');
  c.store.tokens.setEnabled('disabled', false);
  tokens.expired = make('expired', NOW - MICROS_PER_SECOND);
  tokens.expiring = make('expiring', EXPIRY);
});
afterAll(() => c.close());

const inject = (route: string, token?: string, headers: Record<string, string> = {}) =>
  c.app.inject({ method: 'GET', url: url(route, token), headers });

describe('tokens on every /api/1.0 route (guide 4, 6.1)', () => {
  it.each(ROUTES)('%s answers 200 with the token in the query', async (route) => {
    expect((await inject(route, TOKEN)).statusCode).toBe(200);
  });

  it.each(ROUTES)('%s answers 200 with the token in the x-token-id header', async (route) => {
    expect((await inject(route, undefined, { 'x-token-id': TOKEN })).statusCode).toBe(200);
  });

  it.each(ROUTES)('%s answers 401 without a token', async (route) => {
    expectError(await inject(route), 401, /Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a malformed token', async (route) => {
    expectError(await inject(route, 'ics-1234'), 401, /Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a well-formed unknown token', async (route) => {
    expectError(await inject(route, `ics-${'a'.repeat(40)}-${'b'.repeat(40)}`), 401, /Token error/);
  });

  it.each(ROUTES)('%s answers 401 to a disabled token', async (route) => {
    expectError(await inject(route, tokens.disabled), 401, /Token error/);
  });

  it.each(ROUTES)('%s answers 401 to an expired token', async (route) => {
    expectError(await inject(route, tokens.expired), 401, /Token error/);
  });

  it('does not take Authorization: Bearer or x-api-key as a token', async () => {
    expectError(await inject('/sensor', undefined, { authorization: `Bearer ${TOKEN}` }), 401);
    expectError(await inject('/sensor', undefined, { 'x-api-key': TOKEN }), 401);
  });

  it('expires a token exactly at its expiry instant (the injected clock)', async () => {
    c.clock.advance(EXPIRY - 1 - c.clock.now());
    expect((await inject('/sensor', tokens.expiring)).statusCode).toBe(200);
    c.clock.advance(1);
    expectError(await inject('/sensor', tokens.expiring), 401);
    c.clock.advance(NOW - c.clock.now());
  });

  it('records when a token was last used', async () => {
    const before = c.store.tokens.list().find((t) => t.id === 'expiring');
    expect(before?.lastUsedAt).not.toBeNull();
  });
});

describe('the licence (guide 4: 402)', () => {
  it.each(ROUTES)('%s answers 402 to a valid token while the licence does not allow the API', async (route) => {
    c.store.settings.set('license.api', 'false');
    try {
      expectError(await inject(route, TOKEN), 402, /License/);
    } finally {
      c.store.settings.set('license.api', 'true');
    }
    expect((await inject(route, TOKEN)).statusCode).toBe(200);
  });

  it('checks the token before the licence', async () => {
    c.store.settings.set('license.api', 'false');
    try {
      expectError(await inject('/sensor'), 401);
    } finally {
      c.store.settings.set('license.api', 'true');
    }
  });
});

describe('routes outside the API', () => {
  it('answers an unknown /api/1.0 route with the 404 envelope', async () => {
    expectError(await inject('/nothing-here', TOKEN), 404, /not found/);
  });
});
