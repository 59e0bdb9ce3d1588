/** GET /api/3.0/devices and /devices/{id}: every device in full, the types clients crash on (clients.md section 3). */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeviceSchema } from '../../../src/api/v3/schemas/devices.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, ids, testCenter, type TestCenter } from '../../helpers.js';
import { recorded, shapeGaps } from './shape.js';

type Device = z.infer<typeof DeviceSchema>;

let c: TestCenter;
let all: Device[];
beforeAll(async () => {
  c = await testCenter();
  all = await c.json3<Device[]>('/devices');
});
afterAll(() => c.close());

/** The guide's fixture components are each a device of their own, outside the plant's groups (the guide prints them so). */
const GUIDE_COMPONENTS = new Set((JSON.parse(readFileSync(new URL('../../../fixtures/components.json', import.meta.url), 'utf8')) as { id: string }[]).map((x) => x.id));
const isPlant = (d: Device) => !d.components.every((x) => GUIDE_COMPONENTS.has(x.id));

describe('GET /devices', () => {
  it('answers every device without paging (OPS expects all), in the documented shape', () => {
    expect(all).toHaveLength(c.store.devices.count());
    expect(all.length).toBeGreaterThan(40);
    expectShape(z.array(DeviceSchema), all);
    expect(new Set(ids(all)).size).toBe(all.length);
    for (const d of all) expect(d.vulnerabilities).toBeUndefined();
  });

  it('gives lists where wallix and OPS want lists, strings inside components, integers for the scores', () => {
    for (const d of all) {
      expect(Array.isArray(d.ip) && Array.isArray(d.mac)).toBe(true);
      for (const p of [...d.normalizedProperties, ...d.otherProperties]) expect(Array.isArray(p.value), `${d.id} ${p.key}`).toBe(true);
      expect(d.components.length).toBeGreaterThan(0);
      for (const x of d.components) {
        expect(typeof x.ip).toBe('string');
        expect(typeof x.mac).toBe('string');
        for (const p of [...x.normalizedProperties, ...x.otherProperties]) expect(typeof p.value).toBe('string');
        expect(x.device?.id).toBe(d.id);
      }
      expect(Number.isInteger(d.riskScore) && Number.isInteger(d.bestAchievableScore)).toBe(true);
      expect(d.bestAchievableScore).toBeLessThanOrEqual(d.riskScore);
      expect(d.isDevice).toBe(true);
    }
  });

  it('nests components with every field and type a real Center gave for /components', () => {
    const skeleton = recorded('GET /api/3.0/components');
    for (const d of all.slice(0, 20)) for (const x of d.components) expect(shapeGaps(x, skeleton)).toEqual([]);
  });

  it("gives every plant device's first component a group (OPS mccast reads components[0].group.label)", () => {
    const plant = all.filter(isPlant);
    expect(plant.length).toBeGreaterThan(25);
    for (const d of plant) {
      expect(d.components[0]?.group?.label, d.label).toEqual(expect.any(String));
      expect(d.group?.id).toBe(d.components[0]?.group?.id);
    }
  });

  it('counts what the device routes list: credentials, variables, vulnerabilities', async () => {
    const busy = all.filter((d) => d.credentialsCount + d.variablesCount + d.vulnerabilitiesCount > 0);
    expect(busy.some((d) => d.credentialsCount > 0) && busy.some((d) => d.variablesCount > 0) && busy.some((d) => d.vulnerabilitiesCount > 0)).toBe(true);
    for (const d of busy) {
      expect(await c.json3<unknown[]>(`/devices/${d.id}/credentials`)).toHaveLength(d.credentialsCount);
      expect(await c.json3<unknown[]>(`/devices/${d.id}/variables`)).toHaveLength(d.variablesCount);
      expect(await c.json3<unknown[]>(`/devices/${d.id}/vulnerabilities`)).toHaveLength(d.vulnerabilitiesCount);
      expect(d.vulnerabilitiesCount).toBe(new Set(d.components.flatMap((x) => c.store.components.get(x.id)?.vulnerabilities.map((v) => v.id) ?? [])).size);
    }
  });

  it('pages from 1: two pages are the first rows, a page past the end is []', async () => {
    const [p1, p2] = [await c.json3<Device[]>('/devices?page=1&size=7'), await c.json3<Device[]>('/devices?page=2&size=7')];
    expect(ids([...p1, ...p2])).toEqual(ids(all.slice(0, 14)));
    expect(await c.json3('/devices?page=1000&size=7')).toEqual([]);
    expect(await c.json3('/devices?page=2')).toEqual([]);
  });

  it('keeps the devices active between from and to (ms)', async () => {
    const times = all.map((d) => d.lastActivity).sort((a, b) => a - b);
    const from = times[Math.floor(times.length / 2)] as number;
    const later = await c.json3<Device[]>(`/devices?from=${from}`);
    expect(ids(later)).toEqual(ids(all.filter((d) => d.lastActivity >= from)));
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(all.length);
    const to = Math.min(...all.map((d) => d.firstActivity));
    expect(ids(await c.json3<Device[]>(`/devices?to=${to}`))).toEqual(ids(all.filter((d) => d.firstActivity <= to)));
  });

  it("adds each device's vulnerabilities with vulnerabilities=true, in the catalogue's shape", async () => {
    const withVulns = await c.json3<Device[]>('/devices?vulnerabilities=true');
    expect(ids(withVulns)).toEqual(ids(all));
    const skeleton = recorded('GET /api/3.0/vulnerabilities');
    let seen = 0;
    for (const d of withVulns) {
      expect(d.vulnerabilities).toHaveLength(d.vulnerabilitiesCount);
      for (const v of d.vulnerabilities ?? []) {
        expect(shapeGaps(v, skeleton)).toEqual([]);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('answers 400 for a bad parameter, naming it', async () => {
    expectError3(await c.v3('GET', '/devices?page=0'), 400, /page/);
    expectError3(await c.v3('GET', '/devices?size=x'), 400, /size/);
    expectError3(await c.v3('GET', '/devices?vulnerabilities=yes'), 400, /vulnerabilities/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/devices?token=${TOKEN}` }), 401, /x-token-id/);
  });
});

describe('GET /devices/{id}', () => {
  it('answers the device as the list has it', async () => {
    for (const d of all.slice(0, 5)) expect(await c.json3(`/devices/${d.id}`)).toEqual(d);
  });

  it("answers several ids joined with ';' (Cisco's parameter) as an array, in that order", async () => {
    const [a, b] = all as [Device, Device];
    expect(await c.json3(`/devices/${b.id};${a.id}`)).toEqual([b, a]);
  });

  it('answers 404 for an unknown device, 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', `/devices/${UNKNOWN}`), 404, /Device not found/);
    expectError3(await c.v3('GET', '/devices/not-a-uuid'), 400, /not a UUID/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/devices/${all[0]?.id}?token=${TOKEN}` }), 401, /x-token-id/);
  });
});
