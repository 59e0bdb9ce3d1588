/**
 * POST /api/3.0/dashboard/ping and POST /api/3.0/dashboard/{widget_id}/refresh: an empty 200 for
 * each of Cisco's widget ids; the widgets read the same before and after (the emulator caches none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { WIDGET_IDS } from '../../../src/api/v3/routes/dashboard-refresh.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const WIDGETS = ['/dashboard/events/severities', '/dashboard/events/categories', '/dashboard/vulnerabilities/counts', '/dashboard/protocols/counts', '/dashboard/risk-score/devices/counts'];
const widgets = async () => Promise.all(WIDGETS.map(async (w) => (await c.v3('GET', w)).body));

describe('POST /dashboard/ping', () => {
  it('answers an empty 200, and the widgets read the same', async () => {
    const before = await widgets();
    const res = await c.v3('POST', '/dashboard/ping');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect(await widgets()).toEqual(before);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/dashboard/ping?token=${TOKEN}` }), 401);
  });
});

describe('POST /dashboard/{widget_id}/refresh', () => {
  it('answers an empty 200 for each of Cisco\'s six widget ids, and the widgets read the same', async () => {
    expect(WIDGET_IDS).toHaveLength(6);
    const before = await widgets();
    for (const id of WIDGET_IDS) {
      const res = await c.v3('POST', `/dashboard/${id}/refresh`);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(200);
      expect(res.body).toBe('');
    }
    expect(await widgets()).toEqual(before);
  });

  it('answers 400 naming widget_id for an id Cisco does not list (case counts)', async () => {
    for (const id of ['bogus', 'RISKSCORE']) {
      expectError3(await c.v3('POST', `/dashboard/${id}/refresh`), 400, /"widget_id": must be one of 'latestEventsBySeverities'/);
    }
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/dashboard/riskScore/refresh?token=${TOKEN}` }), 401);
  });
});
