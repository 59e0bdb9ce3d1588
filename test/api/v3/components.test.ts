/** GET /components and GET /components/{id} (API 3.0). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { expectOrder, expectPaging } from './lists.js';
import { recorded, shapeGaps } from './shape.js';

interface Row {
  id: string;
  label: string;
  ip: string;
  mac: string;
  group: { id: string; label: string } | null;
  device: { id: string; ip: string[] } | null;
  deviceUserProperties?: unknown[];
  userProperties: unknown[];
  normalizedProperties: { key: string; value: unknown }[];
  firstActivity: number;
  lastActivity: number;
  ancestors: { id: string; depth: number }[] | null;
  flowsCount: number;
  eventsCount: number;
  variablesCount: number;
  credentialsCount: number;
  externalCommunicationsCount: number;
  vulnerabilitiesCount: number;
  requestsCount: number;
  flowsTags: { id: string }[];
}

let c: TestCenter;
let all: Row[];
beforeAll(async () => {
  c = await testCenter();
  all = await c.json3<Row[]>('/components');
});
afterAll(() => c.close());

const count = (sql: string) => c.store.db.prepare(sql).pluck().get() as number;

describe('GET /components', () => {
  it('answers every component without paging parameters, in the shape the Center gave', () => {
    expect(all.length).toBe(count('SELECT count(*) FROM component'));
    const gaps = all.flatMap((row) => shapeGaps(row, recorded('GET /api/3.0/components')));
    expect(gaps).toEqual([]);
  });

  it('gives `ip` "" and `device`, `group` null when unset, and string property values (GVE2, SFE, CDN)', () => {
    const noIp = all.find((r) => r.normalizedProperties.find((p) => p.key === 'ip')?.value === '');
    expect(noIp?.ip).toBe('');
    expect(all.some((r) => r.device === null)).toBe(true);
    expect(all.some((r) => r.group === null)).toBe(true);
    expect(all.every((r) => r.normalizedProperties.every((p) => typeof p.value === 'string'))).toBe(true);
    expect(all.every((r) => typeof r.mac === 'string')).toBe(true);
  });

  it("nests the device with its addresses and user properties, and the group with its ancestors", () => {
    const withDevice = all.find((r) => r.device !== null) as Row;
    expect(withDevice.device?.ip).toContain(withDevice.ip);
    expect(withDevice.deviceUserProperties).toEqual(c.store.userProperties.list('device', withDevice.device?.id as string));
    expect(all.filter((r) => r.device === null).every((r) => !('deviceUserProperties' in r))).toBe(true);
    const grouped = all.find((r) => r.group !== null) as Row;
    expect(grouped.ancestors?.[0]).toMatchObject({ id: grouped.group?.id, depth: 1 });
    expect(all.filter((r) => r.group === null).every((r) => r.ancestors === null)).toBe(true);
    const owner = c.store.db.prepare("SELECT owner_id FROM user_property WHERE owner_kind = 'component'").pluck().get() as string;
    expect(all.find((r) => r.id === owner)?.userProperties).toEqual(c.store.userProperties.list('component', owner));
  });

  it('counts what the world holds for each component', () => {
    const total = (k: keyof Row) => all.reduce((n, r) => n + (r[k] as number), 0);
    expect(total('vulnerabilitiesCount')).toBe(count('SELECT count(*) FROM vulnerability_match'));
    expect(total('credentialsCount')).toBe(count('SELECT count(*) FROM credential'));
    expect(total('variablesCount')).toBe(count('SELECT count(*) FROM variable'));
    // A flow or an external communication counts at both of its ends.
    expect(total('flowsCount')).toBe(2 * count('SELECT count(*) FROM flow WHERE src_component <> dst_component') + count('SELECT count(*) FROM flow WHERE src_component = dst_component'));
    expect(total('externalCommunicationsCount')).toBe(2 * count('SELECT count(*) FROM external_communication'));
    expect(total('requestsCount')).toBe(count("SELECT count(*) FROM flow_prop WHERE name IN ('dns-query-name', 'http-host', 'smb-share')"));
    expect(total('requestsCount')).toBeGreaterThan(0);
    expect(all.some((r) => r.flowsTags.length > 0)).toBe(true);
  });

  it('pages from 1, and a page past the end is []', async () => {
    await expectPaging(c, '/components', all.length);
  });

  it('sorts on lastActivity:desc as SPL asks, with from and to in ms', async () => {
    const rows = await c.json3<Row[]>(`/components?from=946681200000&to=${Date.now()}&sort=lastActivity:desc&page=1&size=10`);
    expect(rows.length).toBe(10);
    expectOrder(rows.map((r) => r.lastActivity), true);
    expectOrder((await c.json3<Row[]>('/components?sort=firstActivity')).map((r) => r.firstActivity), false);
  });

  it('keeps the components active in the window from–to', async () => {
    const sorted = [...all].sort((a, b) => a.lastActivity - b.lastActivity);
    const from = (sorted[Math.floor(sorted.length / 2)] as Row).lastActivity;
    const rows = await c.json3<Row[]>(`/components?from=${from}`);
    expect(rows.map((r) => r.id).sort()).toEqual(all.filter((r) => r.lastActivity >= from).map((r) => r.id).sort());
    expect(rows.length).toBeLessThan(all.length);
    const to = Math.min(...all.map((r) => r.firstActivity));
    expect((await c.json3<Row[]>(`/components?to=${to}`)).every((r) => r.firstActivity <= to)).toBe(true);
  });

  it('filters on label, mac and ip', async () => {
    const one = all.find((r) => r.ip !== '') as Row;
    expect((await c.json3<Row[]>(`/components?filter=mac:${one.mac}`)).map((r) => r.id)).toEqual(all.filter((r) => r.mac === one.mac).map((r) => r.id));
    expect((await c.json3<Row[]>(`/components?filter=ip:${one.ip}`)).every((r) => r.ip.includes(one.ip))).toBe(true);
    const plc = await c.json3<Row[]>('/components?filter=label:plc');
    expect(plc.length).toBeGreaterThan(0);
    expect(plc.map((r) => r.id)).toEqual(all.filter((r) => r.label.toLowerCase().includes('plc')).map((r) => r.id));
  });

  it('filters on a time as the answer prints it, in ms', async () => {
    const one = all[all.length - 1] as Row & { firstActivity: number; lastActivity: number };
    for (const field of ['firstActivity', 'lastActivity'] as const) {
      const rows = await c.json3<(Row & Record<typeof field, number>)[]>(`/components?filter=${field}:${one[field]}`);
      expect(rows.map((r) => r.id)).toContain(one.id);
      expect(rows.map((r) => r.id)).toEqual(all.filter((r) => (r as unknown as Record<typeof field, number>)[field] === one[field]).map((r) => r.id));
    }
  });

  it('keeps only the fields named in `fields`', async () => {
    const rows = await c.json3<Record<string, unknown>[]>('/components?fields=id,label&size=2');
    expect(rows).toEqual(all.slice(0, 2).map((r) => ({ id: r.id, label: r.label })));
  });

  it('answers CSV with format=csv', async () => {
    const res = await c.v3('GET', '/components?format=csv&fields=id,label,ip');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.trim().split('\r\n')).toHaveLength(all.length + 1);
  });

  it.each([
    ['fields=id,nope', /Invalid query parameter "fields": unknown field "nope"/],
    ['sort=password', /Invalid query parameter "sort": cannot sort on "password"/],
    ['filter=color:red', /Invalid query parameter "filter": cannot filter on "color"/],
    ['size=0', /Invalid query parameter "size": must be >= 1/],
    ['aggregated=maybe', /Invalid query parameter "aggregated"/],
  ])('answers 400 naming the parameter: %s', async (query, message) => {
    expectError3(await c.v3('GET', `/components?${query}`), 400, message);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/components?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('GET /components/{id}', () => {
  it('answers an array of one Component: the list row, its sensors and reasons', async () => {
    const row = all.find((r) => r.flowsCount > 0) as Row;
    const [one, ...rest] = await c.json3<(Row & { sensorNames: string[]; reasons: string[] })[]>(`/components/${row.id}`);
    expect(rest).toEqual([]);
    expect(one).toEqual({ ...row, sensorNames: expect.any(Array), reasons: [] });
    expect(one?.sensorNames.length).toBeGreaterThan(0);
  });

  it("answers each component when ids are joined with ';'", async () => {
    const [a, b] = all as [Row, Row];
    expect((await c.json3<Row[]>(`/components/${a.id};${b.id}`)).map((r) => r.id)).toEqual([a.id, b.id]);
  });

  it('answers 404 for an unknown id, 400 for a malformed one', async () => {
    expectError3(await c.v3('GET', `/components/${UNKNOWN}`), 404, /Component not found/);
    expectError3(await c.v3('GET', '/components/nope'), 400, /Invalid component id: "nope" is not a UUID/);
  });
});
