/** GET /api/3.0/presets/{preset_id}/visualisations/vulnerability-list, …/{vuln_id}/devices-ids and …/{vuln_id}/orphans-ids. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VulnerabilityListSchema } from '../../../src/api/v3/schemas/vulnerability-list.js';
import type { Preset } from '../../../src/domain/preset.js';
import { formatTimestamp } from '../../../src/domain/time.js';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, expectShape, expectSorted, testCenter, type TestCenter } from '../../helpers.js';

interface Row {
  id: string;
  cve: string;
  CVSS: number;
  publishTime: string;
  device?: { id: string; label: string; mac: string[] };
  component?: { id: string; mac: string };
  countDeviceAffected: number;
  countOrphanAffected: number;
  [field: string]: unknown;
}

let c: TestCenter;
let presets: Preset[];
let allData: Preset;
/** A component without a device, made vulnerable here: the seeded plants match none. */
let orphan: string;
/** Entries the orphan matches: one devices match too, and one nothing else matches. */
let shared: string;
let own: string;

beforeAll(async () => {
  c = await testCenter();
  presets = c.store.presets.list();
  allData = presets.find((p) => p.label === 'All data') as Preset;
  orphan = (c.store.devices.orphans()[0] as { id: string }).id;
  shared = (c.store.vulnerabilities.matchesOf(c.store.scopes.ofPreset(allData))[0] as { vulnerability: { id: string } }).vulnerability.id;
  const matched = new Set(c.store.vulnerabilities.matchesOf(c.store.scopes.ofPreset(allData)).map((m) => m.vulnerability.id));
  own = ([...c.store.vulnerabilities.catalogue({ sort: [], filters: [] })].find((v) => !matched.has(v.id)) as { id: string }).id;
  expect(c.store.vulnerabilities.match(orphan, shared, NOW, ['model-ref'])).toBe(true);
  expect(c.store.vulnerabilities.match(orphan, own, NOW, ['model-ref'])).toBe(true);
});
afterAll(() => c.close());

const path = (p: Pick<Preset, 'id'>, query = '') => `/presets/${p.id}/visualisations/vulnerability-list${query}`;
const rows = (p: Pick<Preset, 'id'>, query = '') => c.json3<Row[]>(path(p, query));
const keyOf = (r: Row) => `${r.id}|${r.device ? `d:${r.device.id}` : `c:${r.component?.id}`}`;

/** The rows a preset should hold, from the store's matches of its components: one per entry and device, or entry and device-less component. */
function expected(p: Preset): Map<string, { devices: Set<string>; orphans: Set<string> }> {
  const byEntry = new Map<string, { devices: Set<string>; orphans: Set<string> }>();
  for (const m of c.store.vulnerabilities.matchesOf(c.store.scopes.ofPreset(p))) {
    const e = byEntry.get(m.vulnerability.id) ?? { devices: new Set<string>(), orphans: new Set<string>() };
    const device = c.store.devices.ofComponent(m.componentId);
    if (device) e.devices.add(device.id);
    else e.orphans.add(m.componentId);
    byEntry.set(m.vulnerability.id, e);
  }
  return byEntry;
}
const expectedKeys = (p: Preset) =>
  [...expected(p)].flatMap(([id, e]) => [...[...e.devices].map((d) => `${id}|d:${d}`), ...[...e.orphans].map((o) => `${id}|c:${o}`)]).sort();

describe('GET /presets/{preset_id}/visualisations/vulnerability-list', () => {
  it('answers "All data": a row per vulnerability and device, and per vulnerability and device-less component', async () => {
    const all = await rows(allData);
    expect(all.map(keyOf).sort()).toEqual(expectedKeys(allData));
    expect(all.some((r) => r.component?.id === orphan && r.device === undefined)).toBe(true);
    expect(all.filter((r) => r.device).length).toBeGreaterThan(10);
  });

  it('keeps, for every preset, the rows of the components its scope keeps', async () => {
    let restricted = 0;
    for (const p of presets) {
      const keys = (await rows(p)).map(keyOf).sort();
      expect(keys, p.label).toEqual(expectedKeys(p));
      if (keys.length > 0 && keys.length < expectedKeys(allData).length) restricted++;
    }
    expect(restricted).toBeGreaterThan(3);
  });

  it('counts the devices and device-less components each vulnerability affects within the preset', async () => {
    for (const p of [allData, ...presets.filter((x) => x.custom)]) {
      const want = expected(p);
      for (const r of await rows(p)) {
        expect(r.countDeviceAffected, `${p.label} ${r.cve}`).toBe(want.get(r.id)?.devices.size);
        expect(r.countOrphanAffected, `${p.label} ${r.cve}`).toBe(want.get(r.id)?.orphans.size);
      }
    }
    const sharedRows = (await rows(allData)).filter((r) => r.id === shared);
    expect(sharedRows[0]?.countOrphanAffected).toBe(1);
    expect(sharedRows).toHaveLength((sharedRows[0]?.countDeviceAffected ?? 0) + 1);
  });

  it('answers the documented shape: publishTime a "YYYY-MM-DDTHH:MM:SSZ" text (FAR), CVSS upper case, device or component', async () => {
    const all = await rows(allData);
    expectShape(VulnerabilityListSchema, all);
    for (const r of all) {
      expect(r.publishTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const stored = c.store.vulnerabilities.get(r.id);
      expect(r.publishTime).toBe(formatTimestamp(Math.floor((stored?.publishTime ?? 0) / 1_000_000) * 1_000_000));
      expect(r.CVSS).toBe(stored?.cvss);
      expect(r.cve).toBe(stored?.cve);
      expect(Boolean(r.device) !== Boolean(r.component)).toBe(true);
      if (r.device) expect(Array.isArray(r.device.mac)).toBe(true);
      if (r.component) expect(typeof r.component.mac).toBe('string');
    }
  });

  it('answers the most severe first by default', async () => {
    expectSorted((await rows(allData)).map((r) => r.CVSS), 'desc');
  });

  it('pages: two pages are the first rows of a page twice their size; a page past the end is []', async () => {
    const [one, two, both] = await Promise.all([rows(allData, '?page=1&size=4'), rows(allData, '?page=2&size=4'), rows(allData, '?page=1&size=8')]);
    expect(one).toHaveLength(4);
    expect([...one, ...two]).toEqual(both);
    expect(await rows(allData, '?page=1000&size=100')).toEqual([]);
  });

  it('ends FAR\'s loop (page=N&size=100 until an empty page) for every preset, with every row', async () => {
    for (const p of presets) {
      const seen: Row[] = [];
      for (let n = 1; n < 50; n++) {
        const res = await c.v3('GET', path(p, `?page=${n}&size=100`));
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain('Service unavailable');
        const page = res.json() as Row[];
        if (page.length === 0) break;
        seen.push(...page);
      }
      expect(seen.map(keyOf).sort(), p.label).toEqual(expectedKeys(p));
    }
  });

  it('filters on a CVE (exact, without case) and on a score', async () => {
    const all = await rows(allData);
    const cve = (all[0] as Row).cve;
    const one = await rows(allData, `?filter=cve:${cve.toLowerCase()}`);
    expect(one.map(keyOf)).toEqual(all.filter((r) => r.cve === cve).map(keyOf));
    const score = (all[all.length - 1] as Row).CVSS;
    const scored = await rows(allData, `?filter=CVSS:${score}`);
    expect(scored.length).toBeGreaterThan(0);
    expect(scored.every((r) => r.CVSS === score)).toBe(true);
  });

  it('sorts on publishTime and on countDeviceAffected', async () => {
    const byTime = await rows(allData, '?sort=publishTime');
    expectSorted(byTime.map((r) => Date.parse(r.publishTime)), 'asc');
    expectSorted((await rows(allData, '?sort=countDeviceAffected:DESC')).map((r) => r.countDeviceAffected), 'desc');
  });

  it('keeps the components active in the from/to window', async () => {
    const all = await rows(allData);
    expect(await rows(allData, `?from=0&to=${NOW / 1000 + 86_400_000}`)).toEqual(all);
    expect(await rows(allData, '?to=0')).toEqual([]);
    expect(await rows(allData, `?from=${NOW / 1000 + 86_400_000}`)).toEqual([]);
  });

  it('answers CSV with format=csv', async () => {
    const res = await c.v3('GET', path(allData, '?format=csv'));
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toContain('cve');
    expect(lines).toHaveLength((await rows(allData)).length + 1);
  });

  it('answers 404 for an unknown preset, 400 for a malformed id or parameter', async () => {
    expectError3(await c.v3('GET', path({ id: UNKNOWN })), 404, /Preset not found/);
    expectError3(await c.v3('GET', path({ id: 'x' })), 400, /preset/);
    expectError3(await c.v3('GET', path(allData, '?sort=summary')), 400, /cannot sort on "summary"/);
    expectError3(await c.v3('GET', path(allData, '?format=xml')), 400, /format/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}${path(allData)}?token=${TOKEN}` }), 401);
  });
});

describe('GET /presets/{preset_id}/visualisations/vulnerability-list/{vuln_id}/devices-ids', () => {
  const ids = (p: Pick<Preset, 'id'>, vuln: string, query = '') => c.json3<string[]>(`/presets/${p.id}/visualisations/vulnerability-list/${vuln}/devices-ids${query}`);

  it("answers the devices of the preset's rows for the vulnerability, in id order", async () => {
    for (const p of [allData, ...presets.filter((x) => x.custom)]) {
      const byEntry = new Map<string, string[]>();
      for (const r of await rows(p)) if (r.device) byEntry.set(r.id, [...(byEntry.get(r.id) ?? []), r.device.id]);
      for (const [id, devices] of byEntry) expect(await ids(p, id), `${p.label} ${id}`).toEqual([...devices].sort());
    }
  });

  it('answers [] for an entry only a device-less component matches, and for one nothing matches', async () => {
    expect(await ids(allData, own)).toEqual([]);
    const matched = new Set(c.store.vulnerabilities.matchesOf(c.store.scopes.ofPreset(allData)).map((m) => m.vulnerability.id));
    const nothing = [...c.store.vulnerabilities.catalogue({ sort: [], filters: [] })].find((v) => !matched.has(v.id)) as { id: string };
    expect(await ids(allData, nothing.id)).toEqual([]);
  });

  it('keeps the devices active in the from/to window', async () => {
    expect(await ids(allData, shared, '?to=0')).toEqual([]);
    expect((await ids(allData, shared, '?from=0')).length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown preset or vulnerability, 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/vulnerability-list/${shared}/devices-ids`), 404, /Preset not found/);
    expectError3(await c.v3('GET', `/presets/${allData.id}/visualisations/vulnerability-list/${UNKNOWN}/devices-ids`), 404, /Vulnerability not found/);
    expectError3(await c.v3('GET', `/presets/${allData.id}/visualisations/vulnerability-list/CVE-2021-22681/devices-ids`), 400, /vulnerability/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/presets/${allData.id}/visualisations/vulnerability-list/${shared}/devices-ids?token=${TOKEN}` }), 401);
  });
});

describe('GET /presets/{preset_id}/visualisations/vulnerability-list/{vuln_id}/orphans-ids', () => {
  const ids = (p: Pick<Preset, 'id'>, vuln: string, query = '') => c.json3<string[]>(`/presets/${p.id}/visualisations/vulnerability-list/${vuln}/orphans-ids${query}`);

  it("answers the components without a device of the preset's rows for the vulnerability, as many as countOrphanAffected, in id order", async () => {
    let found = 0;
    for (const p of [allData, ...presets.filter((x) => x.custom)]) {
      const byEntry = new Map<string, { orphans: string[]; count: number }>();
      for (const r of await rows(p)) {
        const entry = byEntry.get(r.id) ?? { orphans: [], count: r.countOrphanAffected };
        if (r.component) entry.orphans.push(r.component.id);
        byEntry.set(r.id, entry);
      }
      for (const [id, { orphans, count }] of byEntry) {
        const got = await ids(p, id);
        expect(got, `${p.label} ${id}`).toEqual([...orphans].sort());
        expect(got.length, `${p.label} ${id}`).toBe(count);
        found += got.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('answers the orphan for both entries it matches, and [] for one only devices match or nothing matches', async () => {
    expect(await ids(allData, shared)).toEqual([orphan]);
    expect(await ids(allData, own)).toEqual([orphan]);
    const devicesOnly = (await rows(allData)).find((r) => r.countOrphanAffected === 0) as Row;
    expect(await ids(allData, devicesOnly.id)).toEqual([]);
    const matched = new Set(c.store.vulnerabilities.matchesOf(c.store.scopes.ofPreset(allData)).map((m) => m.vulnerability.id));
    const nothing = [...c.store.vulnerabilities.catalogue({ sort: [], filters: [] })].find((v) => !matched.has(v.id)) as { id: string };
    expect(await ids(allData, nothing.id)).toEqual([]);
  });

  it('keeps the components active in the from/to window', async () => {
    expect(await ids(allData, own, '?to=0')).toEqual([]);
    expect(await ids(allData, own, '?from=0')).toEqual([orphan]);
  });

  it('answers 404 for an unknown preset or vulnerability, 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/vulnerability-list/${own}/orphans-ids`), 404, /Preset not found/);
    expectError3(await c.v3('GET', `/presets/${allData.id}/visualisations/vulnerability-list/${UNKNOWN}/orphans-ids`), 404, /Vulnerability not found/);
    expectError3(await c.v3('GET', `/presets/${allData.id}/visualisations/vulnerability-list/CVE-2021-22681/orphans-ids`), 400, /vulnerability/);
  });
});
