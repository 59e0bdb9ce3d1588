/**
 * GET /api/3.0/sensors/{id}/stats: a sensor's packets over the period are those of the flows it
 * captured that were active then, as GET /flows lists them (packetsCount) with the same window,
 * their sensor read through API 1.0 (`sensor_id`); a declared sensor answers zeros.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

interface Stats {
  name: string;
  serial: string;
  status: string;
  start: number;
  end: number;
  pkt_count: number;
  pkt_rate: number;
  pkt: { processed: number[]; timestamp: number[] };
}

/** Every 1.0 flow's sensor, by flow id. */
async function sensorOfFlows(): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let offset = 0; ; offset += 2000) {
    const page = (await c.app.inject({ method: 'GET', url: `/api/1.0/flows?limit=2000&offset=${offset}&token=${TOKEN}` })).json<{ id: string; sensor_id: string | null }[]>();
    for (const f of page) out.set(f.id, f.sensor_id);
    if (page.length < 2000) return out;
  }
}

describe('GET /sensors/{id}/stats', () => {
  it('counts the packets of the flows the sensor captured that were active in the period, as GET /flows gives them', async () => {
    const sensors = await c.json3<{ id: string; name: string; serialNumber: string }[]>('/sensors');
    const owner = await sensorOfFlows();
    let checked = 0;
    for (const p of ['24h', '360d']) {
      for (const s of sensors) {
        const st = await c.json3<Stats>(`/sensors/${s.id}/stats?p=${p}`);
        expect(st.name).toBe(s.name);
        expect(st.serial).toBe(s.serialNumber);
        expect(st.end).toBe(Math.floor(NOW / 1000));
        expect(st.end - st.start).toBe(p === '24h' ? 86_400_000 : 360 * 86_400_000);
        const flows = await c.json3<{ id: string; packetsCount: number }[]>(`/flows?from=${st.start}&to=${st.end}`);
        const packets = flows.filter((f) => owner.get(f.id) === s.id).reduce((n, f) => n + f.packetsCount, 0);
        expect(st.pkt_count, `${s.name} ${p}`).toBe(packets);
        expect(st.pkt).toEqual({ processed: [packets], dropped: [0], timestamp: [st.end] });
        expect(st.pkt_rate).toBe(Math.round(packets / ((st.end - st.start) / 1000)));
        if (packets > 0) checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('answers zeros for a declared sensor (it never enrolled, it captured nothing)', async () => {
    const res = await c.v3('POST', '/sensors', { serial: 'FCW-STATS-1' });
    expect(res.statusCode, res.body).toBe(200);
    const st = await c.json3<Stats>(`/sensors/${res.json<{ id: string }>().id}/stats?p=360d`);
    expect(st).toMatchObject({ serial: 'FCW-STATS-1', status: 'UNKNOWN', pkt_count: 0, pkt_rate: 0 });
  });

  it('answers 400 for a missing or unknown period, or a malformed id', async () => {
    const [s] = await c.json3<{ id: string }[]>('/sensors');
    expectError3(await c.v3('GET', `/sensors/${s?.id}/stats`), 400, /"p"/);
    expectError3(await c.v3('GET', `/sensors/${s?.id}/stats?p=1h`), 400, /"p": must be one of '2h'/);
    expectError3(await c.v3('GET', '/sensors/x/stats?p=2h'), 400, /sensor id/);
  });

  it('answers 404 for an unknown sensor', async () => {
    expectError3(await c.v3('GET', `/sensors/${UNKNOWN}/stats?p=2h`), 404, /Sensor not found/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/sensors/${UNKNOWN}/stats?p=2h&token=${TOKEN}` }), 401);
  });
});
