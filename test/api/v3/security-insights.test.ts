/** GET /api/3.0/presets/{preset_id}/visualisations/dashboard-security/{type}/list and …/components. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComponentFieldsSchema } from '../../../src/api/v3/schemas/components.js';
import { SecurityInsightDashboardElementSchema } from '../../../src/api/v3/schemas/security-insights.js';
import type { Preset } from '../../../src/domain/preset.js';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, expectShape, expectSorted, testCenter, type TestCenter } from '../../helpers.js';
import { z } from 'zod';

interface Element {
  label: string;
  value: number;
  componentsCount: number;
}
interface Requester {
  id: string;
  label: string;
  ip: string;
  mac: string;
  requestsCount: number;
}

let c: TestCenter;
let presets: Preset[];
let allData: Preset;
beforeAll(async () => {
  c = await testCenter('default');
  presets = c.store.presets.list();
  allData = presets.find((p) => p.label === 'All data') as Preset;
});
afterAll(() => c.close());

const base = (p: Pick<Preset, 'id'>, type: string) => `/presets/${p.id}/visualisations/dashboard-security/${type}`;
const values = (p: Pick<Preset, 'id'>, type: string, query = '') => c.json3<Element[]>(`${base(p, type)}/list${query}`);
const requesters = (p: Pick<Preset, 'id'>, type: string, value: string, query = '') =>
  c.json3<Requester[]>(`${base(p, type)}/components?property-value=${encodeURIComponent(value)}${query}`);

describe('GET /presets/{preset_id}/visualisations/dashboard-security/{type}/list', () => {
  it.each(['dns', 'http', 'smb'] as const)('answers every %s value for "All data", the most requested first', async (type) => {
    const list = await values(allData, type);
    expect(list.length).toBeGreaterThan(0);
    expectShape(z.array(SecurityInsightDashboardElementSchema), list);
    expect(list).toEqual(c.store.securityInsights.values(type).map((v) => ({ label: v.label, value: v.requests, componentsCount: v.componentsCount })));
    expectSorted(list.map((e) => e.value), 'desc');
  });

  it("counts, for every preset, the requests of the components of its scope only, consistent with …/components", async () => {
    let restricted = 0;
    for (const p of presets) {
      const scope = new Set(c.store.scopes.ofPreset(p));
      const list = await values(p, 'dns');
      if (list.length < (await values(allData, 'dns')).length) restricted++;
      for (const e of list) {
        const who = await requesters(p, 'dns', e.label);
        expect(who.every((r) => scope.has(r.id)), p.label).toBe(true);
        expect(who, `${p.label} ${e.label}`).toHaveLength(e.componentsCount);
        expect(who.reduce((n, r) => n + r.requestsCount, 0)).toBe(e.value);
      }
    }
    expect(restricted).toBeGreaterThan(3);
  });

  it('pages: two pages are the first rows of a page twice their size; a page past the end is []', async () => {
    const [one, two, both] = await Promise.all([values(allData, 'dns', '?page=1&size=3'), values(allData, 'dns', '?page=2&size=3'), values(allData, 'dns', '?page=1&size=6')]);
    expect(one).toHaveLength(3);
    expect([...one, ...two]).toEqual(both);
    expect(await values(allData, 'dns', '?page=100&size=100')).toEqual([]);
  });

  it('sorts on label and componentsCount, filters on a label substring', async () => {
    const byLabel = (await values(allData, 'dns', '?sort=label')).map((e) => e.label);
    expect(byLabel).toEqual([...byLabel].sort());
    expectSorted((await values(allData, 'dns', '?sort=componentsCount:DESC')).map((e) => e.componentsCount), 'desc');
    const corp = await values(allData, 'dns', '?filter=label:corp');
    expect(corp.length).toBeGreaterThan(0);
    expect(corp.every((e) => e.label.includes('corp'))).toBe(true);
  });

  it('keeps the requests of the from/to window', async () => {
    expect(await values(allData, 'dns', `?from=0&to=${NOW / 1000 + 86_400_000}`)).toEqual(await values(allData, 'dns'));
    expect(await values(allData, 'dns', '?to=0')).toEqual([]);
  });

  it('answers 400 for another type or a bad parameter, 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `${base(allData, 'ftp')}/list`), 400, /type/);
    expectError3(await c.v3('GET', `${base(allData, 'dns')}/list?sort=requests`), 400, /cannot sort on "requests"/);
    expectError3(await c.v3('GET', `${base({ id: UNKNOWN }, 'dns')}/list`), 404, /Preset not found/);
    expectError3(await c.v3('GET', `${base({ id: 'nope' }, 'dns')}/list`), 400, /preset/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}${base(allData, 'dns')}/list?token=${TOKEN}` }), 401);
  });
});

describe('GET /presets/{preset_id}/visualisations/dashboard-security/{type}/counts', () => {
  const counts = (p: Pick<Preset, 'id'>, type: string, query = '') => c.json3<{ top: Element[]; bottom: Element[] }>(`${base(p, type)}/counts${query}`);

  it.each(['dns', 'http', 'smb'] as const)('answers the two ends of the %s list of every preset: its first ten values and its last ten', async (type) => {
    for (const p of presets) {
      const list = await values(p, type);
      expect(await counts(p, type), p.label).toEqual({ top: list.slice(0, 10), bottom: list.slice(-10) });
    }
  });

  it('answers two different ends of a list longer than twenty', async () => {
    const list = await values(allData, 'dns');
    expect(list.length).toBeGreaterThan(20);
    const { top, bottom } = await counts(allData, 'dns');
    expect(top).toEqual(list.slice(0, 10));
    expect(bottom).toEqual(list.slice(-10));
    expect(top.filter((e) => bottom.some((b) => b.label === e.label))).toEqual([]);
  });

  it('keeps the requests of the from/to window, as the list does', async () => {
    const window = `?from=${NOW / 1000 - 3_600_000}&to=${NOW / 1000}`;
    const list = await values(allData, 'dns', window);
    expect(await counts(allData, 'dns', window)).toEqual({ top: list.slice(0, 10), bottom: list.slice(-10) });
    expect(await counts(allData, 'dns', '?to=0')).toEqual({ top: [], bottom: [] });
  });

  it('answers 400 for another type or a bad parameter, 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `${base(allData, 'ftp')}/counts`), 400, /type/);
    expectError3(await c.v3('GET', `${base(allData, 'dns')}/counts?from=yesterday`), 400, /"from"/);
    expectError3(await c.v3('GET', `${base({ id: 'nope' }, 'dns')}/counts`), 400, /preset/);
    expectError3(await c.v3('GET', `${base({ id: UNKNOWN }, 'dns')}/counts`), 404, /Preset not found/);
  });
});

describe('GET /presets/{preset_id}/visualisations/dashboard-security/{type}/components', () => {
  it('answers the components that requested the value, with the fields OPS reads, the most requests first', async () => {
    const [top] = await values(allData, 'http');
    const who = await requesters(allData, 'http', (top as Element).label);
    expectShape(z.array(ComponentFieldsSchema), who);
    expect(who.length).toBeGreaterThan(0);
    expectSorted(who.map((r) => r.requestsCount), 'desc');
    for (const r of who) {
      const stored = c.store.components.get(r.id);
      expect(r.mac).toBe(stored?.mac);
      expect(r.ip).toBe(stored?.ip ?? '');
    }
    const stored = c.store.securityInsights.requesters('http', (top as Element).label);
    expect(who.map((r) => [r.id, r.requestsCount])).toEqual(stored.map((s) => [s.view.component.id, s.requestsCount]));
  });

  it('answers [] for a value nobody requested', async () => {
    expect(await requesters(allData, 'dns', 'nobody.example')).toEqual([]);
  });

  it('pages, sorts on label and filters on an IP', async () => {
    const [top] = await values(allData, 'dns');
    const all = await requesters(allData, 'dns', (top as Element).label);
    expect(all.length).toBeGreaterThan(2);
    const [one, two] = await Promise.all([requesters(allData, 'dns', (top as Element).label, '&page=1&size=1'), requesters(allData, 'dns', (top as Element).label, '&page=2&size=1')]);
    expect([...one, ...two]).toEqual(all.slice(0, 2));
    const labels = (await requesters(allData, 'dns', (top as Element).label, '&sort=label')).map((r) => r.label);
    expect(labels).toEqual([...labels].sort());
    const first = all[0] as Requester;
    expect((await requesters(allData, 'dns', (top as Element).label, `&filter=ip:${first.ip}`)).map((r) => r.id)).toEqual([first.id]);
  });

  it('answers 400 without property-value or for another type, 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `${base(allData, 'dns')}/components`), 400, /property-value/);
    expectError3(await c.v3('GET', `${base(allData, 'ssh')}/components?property-value=x`), 400, /type/);
    expectError3(await c.v3('GET', `${base({ id: UNKNOWN }, 'dns')}/components?property-value=x`), 404, /Preset not found/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}${base(allData, 'dns')}/components?property-value=x&token=${TOKEN}` }), 401);
  });
});
