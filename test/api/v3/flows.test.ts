/** GET /flows and GET /flows/{id} (API 3.0). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { expectOrder, expectPaging } from './lists.js';

interface Flow {
  id: string;
  left: { id: string; label: string };
  right: { id: string; label: string };
  srcPort: number;
  dstPort: number;
  protocol: string;
  direction: string;
  firstActivity: number;
  lastActivity: number;
  packetsCount: number;
  bytesCount: number;
  tags: { id: string; label: string }[];
}

let c: TestCenter;
let all: Flow[];
beforeAll(async () => {
  c = await testCenter();
  all = await c.json3<Flow[]>('/flows');
});
afterAll(() => c.close());

describe('GET /flows', () => {
  it('answers every flow without paging parameters, with what SFE reads', () => {
    expect(all.length).toBe(c.store.db.prepare('SELECT count(*) FROM flow').pluck().get());
    for (const f of all) {
      expect(f).toEqual({
        id: expect.any(String),
        left: expect.objectContaining({ label: expect.any(String) }),
        right: expect.objectContaining({ label: expect.any(String) }),
        srcPort: expect.any(Number),
        dstPort: expect.any(Number),
        protocol: expect.any(String),
        direction: 'undetermined',
        firstActivity: expect.any(Number),
        lastActivity: expect.any(Number),
        packetsCount: expect.any(Number),
        bytesCount: expect.any(Number),
        tags: expect.any(Array),
      });
      expect(f.firstActivity).toBeLessThanOrEqual(f.lastActivity);
    }
  });

  it("sums each flow's stats: packets and layer 2 bytes", () => {
    const stats = c.store.db.prepare('SELECT sum(nb_packets) AS p, sum(l2_bytes) AS b FROM flow_stats').get() as { p: number; b: number };
    expect(all.reduce((n, f) => n + f.packetsCount, 0)).toBe(stats.p);
    expect(all.reduce((n, f) => n + f.bytesCount, 0)).toBe(stats.b);
  });

  it('pages from 1, and a page past the end is []', async () => {
    await expectPaging(c, '/flows', all.length, 10);
  });

  it('keeps the flows whose activity overlaps from–to (ms), as SFE and GVE1 ask', async () => {
    const sorted = all.map((f) => f.firstActivity).sort((a, b) => a - b);
    const [from, to] = [sorted[Math.floor(sorted.length / 3)] as number, sorted[Math.floor((2 * sorted.length) / 3)] as number];
    const rows = await c.json3<Flow[]>(`/flows?from=${from}&to=${to}`);
    expect(rows.map((f) => f.id).sort()).toEqual(all.filter((f) => f.lastActivity >= from && f.firstActivity <= to).map((f) => f.id).sort());
    expect(rows.length).toBeLessThan(all.length);
  });

  it('sorts and filters', async () => {
    expectOrder((await c.json3<Flow[]>('/flows?sort=lastActivity:DESC')).map((f) => f.lastActivity), true);
    const port = (all.find((f) => f.dstPort === 502) ?? all.find((f) => f.dstPort > 0)) as Flow;
    const byPort = await c.json3<Flow[]>(`/flows?filter=dstPort:${port.dstPort}`);
    expect(byPort.map((f) => f.id)).toEqual(all.filter((f) => f.dstPort === port.dstPort).map((f) => f.id));
    const tag = (all.find((f) => f.tags.length > 0) as Flow).tags[0]?.id as string;
    expect((await c.json3<Flow[]>(`/flows?filter=tags:${tag}`)).map((f) => f.id)).toEqual(all.filter((f) => f.tags.some((t) => t.id === tag)).map((f) => f.id));
    expect((await c.json3<Flow[]>(`/flows?filter=tags:${tag.toLowerCase()}`)).map((f) => f.id)).toEqual(all.filter((f) => f.tags.some((t) => t.id === tag)).map((f) => f.id));
  });

  it('answers 400 naming a bad parameter, 401 to ?token= alone', async () => {
    expectError3(await c.v3('GET', '/flows?from=yesterday'), 400, /Invalid query parameter "from": must be an integer/);
    expectError3(await c.v3('GET', '/flows?sort=label'), 400, /cannot sort on "label"/);
    expectError3(await c.app.inject({ url: `${API3}/flows?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('GET /flows/{id}', () => {
  it('answers the flow with addressed ends, its properties, sensor and events count', async () => {
    const row = all.find((f) => f.protocol === 'TCP') as Flow;
    const f = await c.json3<Record<string, unknown> & { left: Record<string, unknown>; properties: { key: string; value: string }[] }>(`/flows/${row.id}`);
    const { left, right, ...rest } = row;
    expect(f).toMatchObject({ ...rest, eventsCount: expect.any(Number), sensor: { id: expect.any(String), label: expect.any(String), centerId: expect.any(String) } });
    expect(f.left).toMatchObject({ id: left.id, mac: expect.any(String), ip: expect.any(String) });
    expect(f.right).toMatchObject({ id: right.id });
    const stored = c.store.flows.get(row.id);
    expect(Object.fromEntries(f.properties.map((p) => [p.key, p.value]))).toEqual(stored?.properties);
  });

  it('counts the events about the flow', async () => {
    const flowId = c.store.db.prepare('SELECT f.id FROM event e JOIN flow f ON f.rowid = e.flow_rowid GROUP BY f.id ORDER BY count(*) DESC').pluck().get() as string | undefined;
    expect(flowId).toBeDefined();
    const n = c.store.db.prepare('SELECT count(*) FROM event WHERE flow_rowid = (SELECT rowid FROM flow WHERE id = ?)').pluck().get(flowId);
    expect(n).toBeGreaterThan(0);
    expect((await c.json3<{ eventsCount: number }>(`/flows/${flowId}`)).eventsCount).toBe(n);
  });

  it('answers 404 for an unknown id, 400 for a malformed one', async () => {
    expectError3(await c.v3('GET', `/flows/${UNKNOWN}`), 404, /Flow not found/);
    expectError3(await c.v3('GET', '/flows/42'), 400, /Invalid flow id/);
  });
});
