/**
 * /api/3.0/risk-score/activity-tags-period: the period read and set, and what it does: only the
 * tags of the activities of the period (ending at the world's newest activity) weigh in the
 * devices' risk scores, as /devices and /devices/{id}/riskScore show them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API3, TOKEN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Breakdown {
  activitiesRisk: { score: number };
}
type Scores = Map<string, { riskScore: number; activities: number }>;

let c: TestCenter;
let built: Scores;

async function scores(): Promise<Scores> {
  const out: Scores = new Map();
  for (const d of await c.json3<{ id: string; riskScore: number }[]>('/devices')) {
    out.set(d.id, { riskScore: d.riskScore, activities: (await c.json3<Breakdown>(`/devices/${d.id}/riskScore`)).activitiesRisk.score });
  }
  return out;
}
async function period(): Promise<unknown> {
  const res = await c.v3('GET', '/risk-score/activity-tags-period');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function put(seconds: number): Promise<void> {
  const res = await c.v3('PUT', '/risk-score/activity-tags-period', { period: seconds });
  expect(res.statusCode, res.body).toBe(204);
}

beforeAll(async () => {
  c = await testCenter();
  built = await scores();
});
afterAll(() => c.close());
// Each test starts from the world as built: every activity counts.
beforeEach(async () => {
  await put(0);
});

describe('GET /risk-score/activity-tags-period', () => {
  it('answers 0 (every activity counts: divergence, Cisco gives no default) until one is set', async () => {
    expect(await period()).toEqual({ period: 0 });
  });

  it('answers the period set', async () => {
    await put(86400);
    expect(await period()).toEqual({ period: 86400 });
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/risk-score/activity-tags-period?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('PUT /risk-score/activity-tags-period', () => {
  it("scores every device again with the activities of the period alone: the other parts are kept, the activities' part drops", async () => {
    const res = await c.v3('PUT', '/risk-score/activity-tags-period', { period: 1 });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    const after = await scores();
    expect([...after.keys()]).toEqual([...built.keys()]);
    let dropped = 0;
    for (const [id, before] of built) {
      const now = after.get(id) as { riskScore: number; activities: number };
      expect(now.activities, id).toBeLessThanOrEqual(before.activities);
      expect(now.riskScore - now.activities, id).toBe(before.riskScore - before.activities);
      if (now.activities < before.activities) dropped++;
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('gives back the scores as built with a period longer than the world, or 0', async () => {
    await put(1);
    await put(10 * 365 * 86400);
    expect(await scores()).toEqual(built);
    await put(1);
    await put(0);
    expect(await scores()).toEqual(built);
  });

  const BAD: [string, unknown, RegExp][] = [
    ['no period', {}, /"period"/],
    ['a string', { period: '86400' }, /"period": must be an integer of seconds/],
    ['a fraction', { period: 1.5 }, /"period": must be an integer of seconds/],
    ['a negative period', { period: -1 }, /"period": must be 0 or more/],
    ['an array', [{ period: 1 }], /Invalid body: a JSON object is required/],
  ];
  it.each(BAD)('answers 400 to %s, and keeps the period and the scores', async (_, payload, message) => {
    expectError3(await c.v3('PUT', '/risk-score/activity-tags-period', payload), 400, message);
    expect(await period()).toEqual({ period: 0 });
    expect(await scores()).toEqual(built);
  });
});
