/**
 * Deployments of API 3.0 (Cisco's "Deployments"; clients.md 1.2 #43: Ansible creates one, then
 * has a JWT signed per sensor serial). Each write is read back through GET /deployments; the
 * JWTs are decoded and verified with the Center's key. Each test gets its own Center.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyJwt } from '../../../src/domain/jwt.js';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Deployment {
  id: string;
  name: string;
  enable: boolean;
  creationDate: string;
  expirationDate: string;
  maxUsageCount: number;
  usageCount: number;
  lastDeploymentStatus: { success: boolean; error: string; lastUpdateTime: number };
  deploymentTokens: unknown[];
}

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(() => c.close());

const list = () => c.json3<Deployment[]>('/deployments');
const NOW_S = NOW / 1_000_000;
const DAY = 86_400;
const NEW = { name: 'Plant rollout', enable: true, expirationDate: '2026-12-31T23:59:59Z', maxUsageCount: 3 };

async function create(body: Record<string, unknown> = NEW): Promise<Deployment> {
  const res = await c.v3('POST', '/deployments', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Deployment>();
}
const emptyOk = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body).toBe('');
};
const secret = () => c.store.settings.get('deployment.jwt_secret') as string;
const jwts = (deploymentName: string, sensorSerials: unknown) => c.v3('POST', '/deployments/jwt', { deploymentName, sensorSerials });

describe('GET /deployments', () => {
  it('lists every deployment, oldest first ([] at first)', async () => {
    expect(await list()).toEqual([]);
    const a = await create();
    const b = await create({ name: 'Second site' });
    expect(await list()).toEqual([a, b]);
  });

  it('401 for ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/deployments?token=${TOKEN}` }), 401);
  });
});

describe('POST /deployments', () => {
  it("answers Cisco's DeploymentKeyResponse: ISO 8601 dates, no use yet", async () => {
    const d = await create();
    expect(d).toEqual({
      id: d.id,
      name: 'Plant rollout',
      enable: true,
      creationDate: '2026-11-01T12:00:00Z',
      expirationDate: '2026-12-31T23:59:59Z',
      maxUsageCount: 3,
      usageCount: 0,
      lastDeploymentStatus: { success: false, error: '', lastUpdateTime: 0 },
      deploymentTokens: [],
    });
    expect(d.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('defaults: enabled, no expiry, no usage limit; a date alone runs to the end of that day; an offset is read', async () => {
    expect(await create({ name: 'Bare' })).toMatchObject({ enable: true, expirationDate: '', maxUsageCount: 0 });
    expect((await create({ name: 'Day', expirationDate: '2027-01-15' })).expirationDate).toBe('2027-01-15T23:59:59Z');
    expect((await create({ name: 'Offset', expirationDate: '2027-01-15T10:00:00+02:00' })).expirationDate).toBe('2027-01-15T08:00:00Z');
    expect((await create({ name: 'Empty', expirationDate: '' })).expirationDate).toBe('');
  });

  it('409 for a name another deployment has, without regard to case; nothing is written', async () => {
    await create();
    expectError3(await c.v3('POST', '/deployments', { name: 'PLANT ROLLOUT' }), 409, /name "PLANT ROLLOUT" already exists/);
    expect((await list()).length).toBe(1);
  });

  it('400 naming the field; nothing is written', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /"name": is mandatory/],
      [{ name: ' ' }, /"name": must not be empty/],
      [{ name: 7 }, /"name": must be a string/],
      [{ name: 'x', enable: 'yes' }, /"enable": must be true or false/],
      [{ name: 'x', maxUsageCount: -1 }, /"maxUsageCount": must be 0 or more/],
      [{ name: 'x', maxUsageCount: 1.5 }, /"maxUsageCount": must be an integer/],
      [{ name: 'x', expirationDate: 'next week' }, /"expirationDate": must be an ISO 8601 date/],
      [{ name: 'x', expirationDate: '2026-10-31T00:00:00Z' }, /"expirationDate": must be later than now/],
      [[NEW], /JSON object/],
    ];
    for (const [body, message] of cases) expectError3(await c.v3('POST', '/deployments', body), 400, message);
    expect(await list()).toEqual([]);
  });
});

describe('PUT /deployments/{key_id}', () => {
  it('200 "": the fields given replace, the others stay', async () => {
    const d = await create();
    emptyOk(await c.v3('PUT', `/deployments/${d.id}`, { name: 'Renamed', maxUsageCount: 10 }));
    expect(await list()).toEqual([{ ...d, name: 'Renamed', maxUsageCount: 10 }]);
    emptyOk(await c.v3('PUT', `/deployments/${d.id}`, { enable: false, expirationDate: '' }));
    expect(await list()).toEqual([{ ...d, name: 'Renamed', maxUsageCount: 10, enable: false, expirationDate: '' }]);
    emptyOk(await c.v3('PUT', `/deployments/${d.id}`, { name: 'renamed' }));
    expect((await list())[0]?.name).toBe('renamed');
  });

  it('404 for an unknown deployment', async () => {
    expectError3(await c.v3('PUT', `/deployments/${UNKNOWN}`, { name: 'x' }), 404, /Deployment not found/);
  });

  it('409 for the name of another deployment; nothing is written', async () => {
    const d = await create();
    await create({ name: 'Other' });
    expectError3(await c.v3('PUT', `/deployments/${d.id}`, { name: 'other', maxUsageCount: 9 }), 409, /already exists/);
    expect((await list())[0]).toEqual(d);
  });

  it('400 naming the field, or for a malformed id', async () => {
    const d = await create();
    expectError3(await c.v3('PUT', `/deployments/${d.id}`, { maxUsageCount: 'many' }), 400, /"maxUsageCount"/);
    expectError3(await c.v3('PUT', `/deployments/${d.id}`, { name: '' }), 400, /"name": must not be empty/);
    expectError3(await c.v3('PUT', '/deployments/rollout', { name: 'x' }), 400, /Invalid deployment id/);
    expect((await list())[0]).toEqual(d);
  });
});

describe('DELETE /deployments/{key_id}', () => {
  it('200 "": it leaves the list, and its name generates no JWT', async () => {
    const d = await create();
    emptyOk(await c.v3('DELETE', `/deployments/${d.id}`));
    expect(await list()).toEqual([]);
    expectError3(await jwts('Plant rollout', ['FOC1']), 404);
  });

  it('404 for an unknown deployment', async () => {
    expectError3(await c.v3('DELETE', `/deployments/${UNKNOWN}`), 404, /Deployment not found/);
  });

  it('400 for a malformed id', async () => {
    expectError3(await c.v3('DELETE', '/deployments/rollout'), 400, /Invalid deployment id/);
  });
});

describe('POST /deployments/jwt', () => {
  it('signs an HS256 JWT per serial with the Center key, naming the deployment, the serial and an expiry; each counts one use', async () => {
    const d = await create();
    const res = await jwts('plant ROLLOUT', ['FOC1234ABC', 'FOC1234DEF', 'FOC1234ABC']);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<Record<string, string>>();
    expect(Object.keys(answer)).toEqual(['FOC1234ABC', 'FOC1234DEF']);
    expect(secret()).toMatch(/^[0-9a-f]{64}$/);
    for (const [serial, token] of Object.entries(answer)) {
      expect(JSON.parse(Buffer.from(token.split('.')[0] as string, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
      const claims = verifyJwt(token, secret());
      expect(claims).toMatchObject({ iss: c.store.settings.get('center.id'), sub: serial, deployment: 'Plant rollout', deploymentId: d.id, iat: NOW_S, exp: NOW_S + DAY });
      expect(verifyJwt(token, 'another key')).toBeUndefined();
    }
    expect(answer.FOC1234ABC).not.toBe(answer.FOC1234DEF);
    expect((await list())[0]).toMatchObject({ usageCount: 2, lastDeploymentStatus: { success: true, error: '', lastUpdateTime: NOW / 1000 } });
  });

  it('a JWT expires with its deployment when that comes first; the key stays the same', async () => {
    await create({ name: 'Short', expirationDate: '2026-11-01T18:00:00Z' });
    const first = (await jwts('Short', ['A'])).json<Record<string, string>>();
    const key = secret();
    expect(verifyJwt(first.A as string, key)?.exp).toBe(Date.parse('2026-11-01T18:00:00Z') / 1000);
    const second = (await jwts('Short', ['B'])).json<Record<string, string>>();
    expect(secret()).toBe(key);
    expect(verifyJwt(second.B as string, key)?.sub).toBe('B');
  });

  it('404 for an unknown deployment name', async () => {
    expectError3(await jwts('Nowhere', ['FOC1']), 404, /no deployment is named "Nowhere"/);
  });

  it('400 saying why for a disabled, expired or used-up deployment; nothing is counted', async () => {
    const d = await create({ ...NEW, maxUsageCount: 2 });
    expectError3(await jwts('Plant rollout', ['A', 'B', 'C']), 400, /has 2 uses left, not 3/);
    expect((await jwts('Plant rollout', ['A', 'B'])).statusCode).toBe(200);
    expectError3(await jwts('Plant rollout', ['C']), 400, /is used up \(2 of 2 uses\)/);
    expect((await list())[0]).toMatchObject({ usageCount: 2 });

    emptyOk(await c.v3('PUT', `/deployments/${d.id}`, { maxUsageCount: 0, enable: false }));
    expectError3(await jwts('Plant rollout', ['C']), 400, /is disabled/);
    emptyOk(await c.v3('PUT', `/deployments/${d.id}`, { enable: true }));
    expect((await jwts('Plant rollout', ['C'])).statusCode).toBe(200);

    c.clock.set({ frozenAt: Date.parse('2027-01-01T00:00:00Z') * 1000 });
    expectError3(await jwts('Plant rollout', ['D']), 400, /has expired/);
    expect((await list())[0]).toMatchObject({ usageCount: 3 });
  });

  it('400 naming the field', async () => {
    await create();
    expectError3(await jwts('Plant rollout', []), 400, /"sensorSerials": must hold at least one/);
    expectError3(await jwts('Plant rollout', 'FOC1'), 400, /"sensorSerials": must be an array/);
    expectError3(await jwts('Plant rollout', ['FOC1', ' ']), 400, /"sensorSerials": must not be empty/);
    expectError3(await c.v3('POST', '/deployments/jwt', { sensorSerials: ['FOC1'] }), 400, /"deploymentName": is mandatory/);
    expect((await list())[0]?.usageCount).toBe(0);
  });
});

describe('POST /deployments/jwt/detailed', () => {
  it('signs one JWT carrying the settings given (the proxy without its password); it counts one use', async () => {
    await create();
    const res = await c.v3('POST', '/deployments/jwt/detailed', {
      deploymentName: 'Plant rollout',
      sensorSerial: 'FOC1234ABC',
      captureMode: 'custom',
      customCaptureMode: 'not arp',
      activeDiscoveryInterfaces: [{ ip: '192.168.69.42', netmask: '24', vlan: 0 }],
      formatForIOX: true,
      seaEnabled: true,
      seaProxyConfig: { server: 'proxy.example', port: 3128, scheme: 'http', username: 'u', password: 'p' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const tokens = res.json<string[]>();
    expect(tokens).toHaveLength(1);
    const claims = verifyJwt(tokens[0] as string, secret());
    expect(claims).toMatchObject({
      sub: 'FOC1234ABC',
      deployment: 'Plant rollout',
      captureMode: 'custom',
      customCaptureMode: 'not arp',
      activeDiscoveryInterfaces: [{ ip: '192.168.69.42', netmask: '24', vlan: 0 }],
      seaEnabled: true,
      seaProxyConfig: { server: 'proxy.example', port: 3128, scheme: 'http', username: 'u' },
      exp: NOW_S + DAY,
    });
    expect(JSON.stringify(claims)).not.toContain('"password"');
    expect((await list())[0]?.usageCount).toBe(1);
  });

  it('404 for an unknown deployment name', async () => {
    expectError3(await c.v3('POST', '/deployments/jwt/detailed', { deploymentName: 'Nowhere', sensorSerial: 'A' }), 404, /no deployment is named/);
  });

  it('400 naming the field, or saying why the deployment generates none', async () => {
    await create({ name: 'Off', enable: false });
    expectError3(await c.v3('POST', '/deployments/jwt/detailed', { deploymentName: 'Off' }), 400, /"sensorSerial": is mandatory/);
    expectError3(await c.v3('POST', '/deployments/jwt/detailed', { deploymentName: 'Off', sensorSerial: 'A', seaEnabled: 'yes' }), 400, /"seaEnabled"/);
    expectError3(await c.v3('POST', '/deployments/jwt/detailed', { deploymentName: 'Off', sensorSerial: 'A' }), 400, /"Off" is disabled/);
  });
});
