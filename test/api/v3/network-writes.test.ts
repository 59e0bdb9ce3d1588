/**
 * POST, PUT, DELETE /api/3.0/networks/ and POST /networks/check (Cisco's "CustomNetwork";
 * clients.md 1.2 #38, #39, #44): each write is read back through GET /networks/; a wrong item
 * writes nothing. Each test gets its own Center, so writes do not leak.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Net {
  id: string;
  name: string;
  type: string;
  ipRange: string;
  vlanId: number | null;
  duplicated: boolean;
  splitDevicesPerSensor: boolean;
}

let c: TestCenter;
let before: Net[];

beforeEach(async () => {
  c = await testCenter();
  before = await list();
});
afterEach(() => c.close());

const list = () => c.json3<Net[]>('/networks/');
const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body).toBe(''); // Cisco: "success response (empty response)"
};
const NEW = { name: 'Lab', type: 'IT Internal', ipRange: '192.0.2.0/24', vlanId: null, duplicated: false, splitDevicesPerSensor: true };
const unchanged = async () => expect(await list()).toEqual(before);

describe('POST /networks/', () => {
  it('creates the networks given, listed last in order, with defaults for absent fields', async () => {
    ok(await c.v3('POST', '/networks/', [NEW, { name: 'Remote', type: 'External', ipRange: '203.0.113.0/25' }]));
    const after = await list();
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map(({ id: _, ...n }) => n)).toEqual([
      NEW,
      { name: 'Remote', type: 'External', ipRange: '203.0.113.0/25', vlanId: null, duplicated: false, splitDevicesPerSensor: false },
    ]);
    expect(new Set(added.map((n) => n.id)).size).toBe(2);
  });

  it('400 naming the field and item for a wrong one; none of the others is written', async () => {
    const cases: [unknown, RegExp][] = [
      [[NEW, { ...NEW, ipRange: '192.0.3.1/24' }], /"1\.ipRange".*CIDR/],
      [[{ ...NEW, type: 'Internal' }], /"0\.type".*OT Internal/],
      [[{ ...NEW, name: undefined }], /"0\.name".*mandatory/],
      [[{ ...NEW, vlanId: 5000 }], /"0\.vlanId"/],
      [[{ ...NEW, duplicated: 'yes' }], /"0\.duplicated"/],
      [NEW, /array/],
    ];
    for (const [body, message] of cases) expectError3(await c.v3('POST', '/networks/', body), 400, message);
    await unchanged();
  });

  it('400 for a range that overlaps another on the same VLAN, in the body or stored; allowed on another VLAN or when both are duplicated', async () => {
    expectError3(await c.v3('POST', '/networks/', [NEW, { ...NEW, name: 'Lab 2', ipRange: '192.0.2.128/25' }]), 400, /"1\.ipRange".*overlaps custom network "Lab"/);
    await unchanged();
    ok(await c.v3('POST', '/networks/', [NEW]));
    expectError3(await c.v3('POST', '/networks/', [{ ...NEW, name: 'Lab 2' }]), 400, /"0\.ipRange".*overlaps/);
    ok(await c.v3('POST', '/networks/', [{ ...NEW, name: 'Lab VLAN 7', vlanId: 7 }]));
    expect((await list()).length).toBe(before.length + 2);
  });

  it('401 for ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/networks/?token=${TOKEN}`, payload: [NEW] }), 401);
    await unchanged();
  });
});

describe('PUT /networks/', () => {
  it('updates networks by id: given fields replace, absent ones stay', async () => {
    ok(await c.v3('POST', '/networks/', [NEW]));
    const lab = (await list()).at(-1) as Net;
    ok(await c.v3('PUT', '/networks/', [{ id: lab.id.toUpperCase(), name: 'Lab B', vlanId: 12 }]));
    expect((await list()).at(-1)).toEqual({ ...lab, name: 'Lab B', vlanId: 12 });
  });

  it('404 for an unknown id; nothing changes', async () => {
    ok(await c.v3('POST', '/networks/', [NEW]));
    const now = await list();
    const lab = now.at(-1) as Net;
    expectError3(await c.v3('PUT', '/networks/', [{ id: lab.id, name: 'Renamed' }, { id: UNKNOWN, name: 'x' }]), 404, /Custom network not found/);
    expect(await list()).toEqual(now);
  });

  it('400 naming the field for a missing id or a wrong range', async () => {
    expectError3(await c.v3('PUT', '/networks/', [{ name: 'x' }]), 400, /"0\.id".*mandatory/);
    expectError3(await c.v3('PUT', '/networks/', [{ id: 'nope' }]), 400, /"0\.id".*UUID/);
    expectError3(await c.v3('PUT', '/networks/', [{ id: UNKNOWN, ipRange: '10.0.0.0' }]), 400, /"0\.ipRange"/);
    await unchanged();
  });

  it('401 for ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'PUT', url: `${API3}/networks/?token=${TOKEN}`, payload: [] }), 401);
  });
});

describe('DELETE /networks/', () => {
  it('deletes the networks the body lists, on /networks and /networks/', async () => {
    ok(await c.v3('POST', '/networks/', [NEW, { ...NEW, name: 'Lab 2', ipRange: '192.0.3.0/24' }]));
    const [a, b] = (await list()).slice(before.length) as [Net, Net];
    ok(await c.v3('DELETE', '/networks', [a.id]));
    expect((await list()).map((n) => n.id)).toEqual([...before.map((n) => n.id), b.id]);
    ok(await c.v3('DELETE', '/networks/', [b.id.toUpperCase()]));
    await unchanged();
  });

  it('drops the deleted networks from the filters of every preset naming them; a preset left with none keeps every address', async () => {
    ok(await c.v3('POST', '/networks/', [NEW, { ...NEW, name: 'Lab 2', ipRange: '192.0.3.0/24' }]));
    const [a, b] = (await list()).slice(before.length) as [Net, Net];
    const filter = (n: Net, operator = 'include') => ({ operator, value: { id: n.id, subnet: n.ipRange, vlan: n.vlanId } });
    let n = 0;
    const preset = async (networks: unknown[]) => {
      const res = await c.v3('POST', '/presets', { label: `Naming networks ${++n}`, filters: { networks } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: string; filters: Record<string, unknown[]> }>();
    };
    const both = await preset([filter(a), filter(b, 'exclude')]);
    const onlyA = await preset([filter(a)]);
    const onlyB = await preset([filter(b)]);
    const read = (id: string) => c.json3<{ id: string; filters: Record<string, unknown[]> }>(`/presets/${id}`);
    const nodes = async (id: string) => (await c.json3<{ id: string }[]>(`/presets/${id}/visualisations/networknode-list`)).map((x) => x.id);
    // 192.0.2.0/24 holds no address of the world: the preset keeps nothing while it names it.
    expect(await nodes(onlyA.id)).toEqual([]);
    ok(await c.v3('DELETE', '/networks/', [a.id.toUpperCase()]));
    expect(await read(both.id)).toEqual({ ...both, filters: { ...both.filters, networks: [filter(b, 'exclude')] } });
    expect((await read(onlyA.id)).filters.networks).toEqual([]);
    expect(await read(onlyB.id)).toEqual(onlyB);
    const all = (await c.json3<{ id: string; label: string }[]>('/presets')).find((p) => p.label === 'All data') as { id: string };
    expect(await nodes(onlyA.id)).toEqual(await nodes(all.id));
    // A failed delete (an unknown id among them) drops nothing.
    expectError3(await c.v3('DELETE', '/networks', [b.id, UNKNOWN]), 404);
    expect(await read(onlyB.id)).toEqual(onlyB);
  });

  it('404 for an unknown id; none is deleted', async () => {
    ok(await c.v3('POST', '/networks/', [NEW]));
    const now = await list();
    expectError3(await c.v3('DELETE', '/networks', [(now.at(-1) as Net).id, UNKNOWN]), 404, new RegExp(`Custom network not found: ${UNKNOWN}`));
    expect(await list()).toEqual(now);
  });

  it('400 for a body that is not an array of ids', async () => {
    expectError3(await c.v3('DELETE', '/networks', ['nope']), 400, /UUID/);
    expectError3(await c.v3('DELETE', '/networks', { id: UNKNOWN }), 400, /array/);
    await unchanged();
  });

  it('401 for ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'DELETE', url: `${API3}/networks?token=${TOKEN}`, payload: [] }), 401);
  });
});

describe('POST /networks/check', () => {
  it('answers the counts and writes nothing', async () => {
    const res = await c.v3('POST', '/networks/check?isCreate=true', [{ ...NEW, type: 'External', ipRange: '0.0.0.0/0', vlanId: 4094 }]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { nbCmpToRemove: number; nbExternalCommToRemove: number };
    expect(body.nbCmpToRemove).toBeGreaterThan(0);
    expect(body.nbExternalCommToRemove).toBe(0);
    expect(c.store.externalCommunications.count()).toBeGreaterThan(0);
    const internal = await c.v3('POST', '/networks/check', [{ ...NEW, ipRange: '0.0.0.0/0', vlanId: 4095 }]);
    expect(internal.json()).toEqual({ nbCmpToRemove: 0, nbExternalCommToRemove: c.store.externalCommunications.count() });
    await unchanged();
  });

  it('checks as PUT with isCreate=false: 404 for an unknown id, 400 for a missing one', async () => {
    expectError3(await c.v3('POST', '/networks/check?isCreate=false', [{ id: UNKNOWN, name: 'x' }]), 404, /Custom network not found/);
    expectError3(await c.v3('POST', '/networks/check?isCreate=false', [{ name: 'x' }]), 400, /"0\.id".*mandatory/);
  });

  it('400 as POST /networks/ would answer it, and for a wrong isCreate', async () => {
    expectError3(await c.v3('POST', '/networks/check', [{ ...NEW, ipRange: '1.2.3.4/33' }]), 400, /"0\.ipRange"/);
    expectError3(await c.v3('POST', '/networks/check', [{ type: 'External' }]), 400, /"0\.name".*mandatory/);
    expectError3(await c.v3('POST', '/networks/check?isCreate=maybe', [NEW]), 400, /isCreate/);
  });

  it('401 for ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/networks/check?token=${TOKEN}`, payload: [] }), 401);
  });
});
