/** A preset's flow-list, tag-list and dashboard-security/tagless-flows (API 3.0): each equal to the lists it summarizes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Preset } from '../../../src/domain/preset.js';
import { UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { expectPaging } from './lists.js';

interface Flow {
  id: string;
  firstActivity: number;
  lastActivity: number;
  tags: { id: string }[];
}
interface Counted {
  id: string;
  type: string;
  nbOccurences: number;
}

let c: TestCenter;
let flows: Flow[];
const preset = (label: string) => c.store.presets.list().find((p) => p.label === label) as Preset;
const view = <T>(p: Preset, path: string) => c.json3<T>(`/presets/${p.id}/visualisations/${path}`);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** The flows of a preset's activity-list, as GET /activities/{id}/flows gives them for each of its rows (ids in flow order). */
async function flowsOfActivities(p: Preset): Promise<string[]> {
  const rows = await view<{ id: string }[]>(p, 'activity-list');
  const kept = new Set<string>();
  for (const r of rows) for (const f of await c.json3<Flow[]>(`/activities/${r.id}/flows`)) kept.add(f.id);
  return ids(flows).filter((id) => kept.has(id));
}
/** How many rows carry each tag. */
function counts(rows: { tags: { id: string }[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) for (const t of r.tags) out.set(t.id, (out.get(t.id) ?? 0) + 1);
  return out;
}
const sum = (...maps: Map<string, number>[]) => {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, n] of m) out.set(k, (out.get(k) ?? 0) + n);
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
};
const asCounts = (tags: Counted[]) => Object.fromEntries(tags.map((t) => [t.id, t.nbOccurences]));

beforeAll(async () => {
  c = await testCenter();
  flows = await c.json3<Flow[]>('/flows');
});
afterAll(() => c.close());

describe('GET /presets/{preset_id}/visualisations/flow-list', () => {
  it('answers every flow for "All data", as GET /flows does', async () => {
    const p = preset('All data');
    expect(await view(p, 'flow-list')).toEqual(flows);
    expect(ids(await view<Flow[]>(p, 'flow-list'))).toEqual(await flowsOfActivities(p));
  });

  it("answers the flows of the preset's activity-list, as GET /activities/{id}/flows gives them, in flow order", async () => {
    for (const label of ['All Controllers', 'Seen by CAT9300-CORE']) {
      const p = preset(label);
      const got = ids(await view<Flow[]>(p, 'flow-list'));
      expect(got.length, label).toBeGreaterThan(0);
      expect(got.length, label).toBeLessThan(flows.length);
      expect(got, label).toEqual(await flowsOfActivities(p));
    }
  });

  it('keeps the flows active in the window, pages, sorts, and answers CSV', async () => {
    const p = preset('All Controllers');
    const all = await view<Flow[]>(p, 'flow-list');
    const mid = all[Math.floor(all.length / 2)] as Flow;
    const [from, to] = [mid.firstActivity, mid.lastActivity];
    const windowed = await view<Flow[]>(p, `flow-list?from=${from}&to=${to}`);
    expect(ids(windowed)).toEqual(ids(all.filter((f) => f.lastActivity >= from && f.firstActivity <= to)));
    expect(windowed.length).toBeLessThan(all.length);
    await expectPaging(c, `/presets/${p.id}/visualisations/flow-list`, all.length);
    const sorted = await view<Flow[]>(p, 'flow-list?sort=lastActivity:desc');
    expect(sorted.map((f) => f.lastActivity)).toEqual(all.map((f) => f.lastActivity).sort((a, b) => b - a));
    const csv = await c.v3('GET', `/presets/${p.id}/visualisations/flow-list?format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\n').length).toBe(all.length + 1);
  });

  it('answers 404 for an unknown preset, 400 for a malformed id or query', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/flow-list`), 404, /Preset not found/);
    expectError3(await c.v3('GET', '/presets/all/visualisations/flow-list'), 400, /Invalid preset id/);
    expectError3(await c.v3('GET', `/presets/${preset('All data').id}/visualisations/flow-list?from=x`), 400, /from/);
  });
});

describe('GET /presets/{preset_id}/visualisations/dashboard-security/tagless-flows', () => {
  it("answers the flows of the preset's flow-list that carry no tag, in its order", async () => {
    for (const label of ['All data', 'Control room', 'All Controllers']) {
      const p = preset(label);
      const listed = await view<Flow[]>(p, 'flow-list');
      const tagless = await view<Flow[]>(p, 'dashboard-security/tagless-flows');
      expect(tagless, label).toEqual(listed.filter((f) => f.tags.length === 0));
      expect(tagless.length, label).toBeLessThan(listed.length);
      // Some tagless flows, but fewer than "All data" has; none among the controllers' flows.
      if (label === 'All Controllers') expect(tagless).toEqual([]);
      else expect(tagless.length, label).toBeGreaterThan(0);
    }
    expect((await view<Flow[]>(preset('Control room'), 'dashboard-security/tagless-flows')).length).toBeLessThan(
      (await view<Flow[]>(preset('All data'), 'dashboard-security/tagless-flows')).length,
    );
  });

  it('pages and filters as the flow-list does', async () => {
    const p = preset('All data');
    const all = await view<Flow[]>(p, 'dashboard-security/tagless-flows');
    await expectPaging(c, `/presets/${p.id}/visualisations/dashboard-security/tagless-flows`, all.length);
    const some = all[0] as Flow & { protocol: string };
    expect(ids(await view<Flow[]>(p, `dashboard-security/tagless-flows?filter=protocol:${encodeURIComponent(some.protocol)}`))).toEqual(
      ids((all as (Flow & { protocol: string })[]).filter((f) => f.protocol === some.protocol)),
    );
  });

  it('answers 404 for an unknown preset, 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/dashboard-security/tagless-flows`), 404, /Preset not found/);
    expectError3(await c.v3('GET', '/presets/x/visualisations/dashboard-security/tagless-flows'), 400, /Invalid preset id/);
  });
});

describe('GET /presets/{preset_id}/visualisations/tag-list', () => {
  it('counts its component tags over its component-list and its activity tags over its flow-list', async () => {
    for (const label of ['All data', 'All Controllers', 'Seen by CAT9300-CORE']) {
      const p = preset(label);
      const components = await view<{ tags: { id: string }[] }[]>(p, 'component-list');
      const listed = await view<Flow[]>(p, 'flow-list');
      const tags = await view<Counted[]>(p, 'tag-list');
      expect(tags.length, label).toBeGreaterThan(0);
      expect(asCounts(tags), label).toEqual(sum(counts(components), counts(listed)));
    }
  });

  it('keeps one kind with `type`: component tags over the component-list, flow tags over the flow-list', async () => {
    const p = preset('All Controllers');
    const component = await view<Counted[]>(p, 'tag-list?type=component');
    const flow = await view<Counted[]>(p, 'tag-list?type=flow');
    expect(component.length).toBeGreaterThan(0);
    expect(flow.length).toBeGreaterThan(0);
    expect(component.every((t) => t.type === 'component')).toBe(true);
    expect(flow.every((t) => t.type === 'flow')).toBe(true);
    expect(asCounts(component)).toEqual(sum(counts(await view<{ tags: { id: string }[] }[]>(p, 'component-list'))));
    expect(asCounts(flow)).toEqual(sum(counts(await view<Flow[]>(p, 'flow-list'))));
  });

  it('counts over the components and flows active in the window', async () => {
    const p = preset('All data');
    const listed = await view<Flow[]>(p, 'flow-list');
    const mid = listed[Math.floor(listed.length / 2)] as Flow;
    const q = `from=${mid.firstActivity}&to=${mid.lastActivity}`;
    const components = await view<{ tags: { id: string }[] }[]>(p, `component-list?${q}`);
    const windowed = await view<Flow[]>(p, `flow-list?${q}`);
    expect(asCounts(await view<Counted[]>(p, `tag-list?${q}`))).toEqual(sum(counts(components), counts(windowed)));
    expect(windowed.length).toBeLessThan(listed.length);
  });

  it('answers 400 for an unknown type or a malformed id, 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `/presets/${preset('All data').id}/visualisations/tag-list?type=device`), 400, /type/);
    expectError3(await c.v3('GET', '/presets/x/visualisations/tag-list'), 400, /Invalid preset id/);
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/tag-list`), 404, /Preset not found/);
  });
});
