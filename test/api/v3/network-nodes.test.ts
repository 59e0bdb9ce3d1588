/** GET /api/3.0/presets/{preset_id}/visualisations/networknode-list: devices and the components of none, in a preset's scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NetworkNodeSchema } from '../../../src/api/v3/schemas/devices.js';
import { presetScope } from '../../../src/domain/preset-scope.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, ids, testCenter, type TestCenter } from '../../helpers.js';

type Node = Required<z.infer<typeof NetworkNodeSchema>>;
type Scored = { id: string; riskScore: number; bestAchievableScore: number; vulnerabilitiesCount: number; group: { id: string } | null };

let c: TestCenter;
let allData: string;
let nodes: Node[];
let devices: Scored[];
const list = (preset: string, query = '') => `/presets/${preset}/visualisations/networknode-list${query}`;

beforeAll(async () => {
  c = await testCenter();
  allData = c.store.presets.list().find((p) => p.label === 'All data')?.id ?? '';
  nodes = await c.json3<Node[]>(list(allData));
  devices = await c.json3<Scored[]>('/devices');
});
afterAll(() => c.close());

describe('GET /presets/{preset_id}/visualisations/networknode-list', () => {
  it('answers every device and every component of none for "All data", without paging', () => {
    expect(nodes).toHaveLength(c.store.networkNodes.count());
    expect(ids(nodes.filter((n) => n.isDevice)).sort()).toEqual(ids(devices).sort());
    const orphans = nodes.filter((n) => !n.isDevice);
    expect(orphans.length).toBeGreaterThan(0);
    for (const n of orphans) expect(c.store.devices.ofComponent(n.id)).toBeUndefined();
    expectShape(z.array(NetworkNodeSchema), nodes);
  });

  it('gives the types wallix validates: lists of addresses and values, device a string or null, integer scores', () => {
    for (const n of nodes) {
      expect(Array.isArray(n.ip) && Array.isArray(n.mac)).toBe(true);
      for (const p of [...n.normalizedProperties, ...n.otherProperties]) expect(Array.isArray(p.value)).toBe(true);
      expect(n.device === null || typeof n.device === 'string').toBe(true);
      expect(Number.isInteger(n.riskScore) && Number.isInteger(n.bestAchievableScore)).toBe(true);
      expect(typeof n.situation).toBe('string');
      expect(typeof n.hasExternalCommunication).toBe('boolean');
    }
  });

  it("gives a device node the device's scores, counters and group", () => {
    const byId = new Map(devices.map((d) => [d.id, d]));
    for (const n of nodes.filter((x) => x.isDevice)) {
      const d = byId.get(n.id) as Scored;
      expect([n.riskScore, n.bestAchievableScore, n.vulnerabilitiesCount, n.group?.id]).toEqual([d.riskScore, d.bestAchievableScore, d.vulnerabilitiesCount, d.group?.id]);
    }
    expect(nodes.some((n) => n.hasExternalCommunication)).toBe(true);
    expect(nodes.filter((n) => !n.isDevice).some((n) => n.situation === 'External')).toBe(true);
  });

  it('keeps only the fields asked (wallix: fields=id,isDevice,originalLabel), paging by 100 until a short page', async () => {
    const page = await c.json3<Record<string, unknown>[]>(list(allData, '?page=1&size=100&fields=id,isDevice,originalLabel'));
    expect(page).toHaveLength(nodes.length);
    expect(page).toEqual(nodes.map((n) => ({ id: n.id, isDevice: n.isDevice, originalLabel: n.originalLabel })));
  });

  it('pages from 1: two pages are the first rows, a page past the end is []', async () => {
    const [p1, p2] = [await c.json3<Node[]>(list(allData, '?page=1&size=9')), await c.json3<Node[]>(list(allData, '?page=2&size=9'))];
    expect(ids([...p1, ...p2])).toEqual(ids(nodes.slice(0, 18)));
    expect(await c.json3(list(allData, '?page=99&size=9'))).toEqual([]);
  });

  it('sorts and filters on the fields it names', async () => {
    const riskiest = await c.json3<Node[]>(list(allData, '?sort=riskScore:DESC,label&fields=id,riskScore'));
    expect(riskiest.map((n) => n.riskScore)).toEqual(nodes.map((n) => n.riskScore).sort((a, b) => b - a));
    const orphans = await c.json3<Node[]>(list(allData, '?filter=isDevice:false'));
    expect(ids(orphans)).toEqual(ids(nodes.filter((n) => !n.isDevice)));
    const plcs = await c.json3<Node[]>(list(allData, '?filter=deviceType:plc'));
    expect(plcs.length).toBeGreaterThan(0);
    expect(ids(plcs)).toEqual(ids(nodes.filter((n) => n.deviceType === 'PLC')));
  });

  it('keeps the nodes active between from and to (ms)', async () => {
    const from = [...nodes.map((n) => n.lastActivity)].sort((a, b) => a - b)[Math.floor(nodes.length / 2)] as number;
    const later = await c.json3<Node[]>(list(allData, `?from=${from}`));
    expect(ids(later)).toEqual(ids(nodes.filter((n) => n.lastActivity >= from)));
    expect(later.length).toBeLessThan(nodes.length);
  });

  it("keeps each preset's scope: a device is in it when one of its components is, the risk ranges and external communications of the node", async () => {
    const context = { centerId: c.store.settings.get('center.id') ?? null, isComponentTag: (k: string) => c.store.tags.get(k)?.type === 'component' };
    const sizes = new Set<number>();
    for (const p of c.store.presets.list()) {
      const scope = presetScope(p, context);
      const scoped = await c.json3<Node[]>(list(p.id));
      sizes.add(scoped.length);
      if (scope.riskScores.include.length > 0 || scope.hasExternalCommunications !== null) {
        for (const n of scoped) {
          if (scope.hasExternalCommunications !== null) expect(n.hasExternalCommunication, p.label).toBe(scope.hasExternalCommunications);
          if (scope.riskScores.include.length > 0) expect(scope.riskScores.include.some((r) => n.riskScore >= r.first && n.riskScore <= r.last), `${p.label} ${n.riskScore}`).toBe(true);
        }
        const want = nodes.filter((n) => (scope.hasExternalCommunications === null || n.hasExternalCommunication === scope.hasExternalCommunications) && (scope.riskScores.include.length === 0 || (n.isDevice && scope.riskScores.include.some((r) => n.riskScore >= r.first && n.riskScore <= r.last))));
        expect(ids(scoped), p.label).toEqual(ids(want));
        continue;
      }
      const nodeOf = (id: string) => c.store.devices.ofComponent(id)?.id ?? id;
      const want = [...new Set(c.store.scopes.componentIds(scope).map(nodeOf))].sort();
      expect(ids(scoped), p.label).toEqual(want);
    }
    // The presets keep different parts of the world.
    expect(sizes.size).toBeGreaterThan(5);
  });

  it('answers CSV with format=csv', async () => {
    const res = await c.v3('GET', list(allData, '?format=csv&size=3&fields=id,isDevice'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\r\n').slice(0, 4)).toEqual(['id,isDevice', ...nodes.slice(0, 3).map((n) => `${n.id},${n.isDevice}`)]);
  });

  it('answers 404 for an unknown preset, 400 for a bad id, field, sort or filter', async () => {
    expectError3(await c.v3('GET', list(UNKNOWN)), 404, /Preset not found/);
    expectError3(await c.v3('GET', list('nope')), 400, /not a UUID/);
    expectError3(await c.v3('GET', list(allData, '?fields=id,nope')), 400, /fields.*"nope"/);
    expectError3(await c.v3('GET', list(allData, '?sort=nope')), 400, /sort/);
    expectError3(await c.v3('GET', list(allData, '?filter=riskScore:high')), 400, /filter/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}${list(allData)}?token=${TOKEN}` }), 401, /x-token-id/);
  });
});
