/** A preset's component-list and activity-list (API 3.0). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PresetScope, presetScope } from '../../../src/domain/preset-scope.js';
import type { Preset } from '../../../src/domain/preset.js';
import { UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { expectPaging } from './lists.js';
import { recorded, shapeGaps } from './shape.js';

interface Row {
  id: string;
  device: { id: string } | null;
  externalCommunicationsCount: number;
}
interface End {
  id: string;
  isDevice?: boolean;
  deviceType?: string;
  ip?: string | string[];
  mac: string | string[];
  group: { id: string; color: string; groupIds: null };
}
interface NodeActivity {
  id: string;
  left: End;
  right: End;
  flowCount: number;
}

let c: TestCenter;
let components: Row[];
const preset = (label: string) => c.store.presets.list().find((p) => p.label === label) as Preset;
const scopeOf = (p: Preset): PresetScope => {
  const types = new Map(c.store.tags.list().map((t) => [t.key, t.type]));
  return presetScope(p, { centerId: c.store.settings.get('center.id') ?? null, isComponentTag: (k) => types.get(k) === 'component' });
};
const componentList = (p: Preset, query = '') => c.json3<Row[]>(`/presets/${p.id}/visualisations/component-list${query}`);
const activityList = (p: Preset, query = '') => c.json3<NodeActivity[]>(`/presets/${p.id}/visualisations/activity-list${query}`);

beforeAll(async () => {
  c = await testCenter();
  components = await c.json3<Row[]>('/components');
});
afterAll(() => c.close());

describe('GET /presets/{preset_id}/visualisations/component-list', () => {
  it('answers every component for "All data", as GET /components does', async () => {
    expect(await componentList(preset('All data'))).toEqual(components);
  });

  it("answers the components in a preset's scope", async () => {
    const p = preset('All Controllers');
    const ids = (await componentList(p)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(components.length);
    expect([...ids].sort()).toEqual(c.store.scopes.componentIds(scopeOf(p)).sort());
  });

  it('applies the facts the scope repository leaves to its callers: external communications', async () => {
    const ids = (await componentList(preset('External communications'))).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(components.filter((r) => r.externalCommunicationsCount > 0).map((r) => r.id));
  });

  it('pages, keeps fields, and answers 404 for an unknown preset, 400 for a malformed id', async () => {
    const p = preset('Seen by CAT9300-CORE');
    const all = await expectPaging(c, `/presets/${p.id}/visualisations/component-list`, (await componentList(p)).length);
    expect(await componentList(p, '?fields=id&size=1')).toEqual([{ id: all[0]?.id }]);
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/component-list`), 404, /Preset not found/);
    expectError3(await c.v3('GET', '/presets/all/visualisations/component-list'), 400, /Invalid preset id/);
  });
});

describe('GET /presets/{preset_id}/visualisations/activity-list', () => {
  it('answers every activity between network nodes for "All data", in the shape the Center gave', async () => {
    const rows = await activityList(preset('All data'), '?size=100000&page=1');
    expect(rows.length).toBe(c.store.activities.nodeCount());
    expect(rows.flatMap((r) => shapeGaps(r, recorded('GET /api/3.0/presets/{id}/visualisations/activity-list')))).toEqual([]);
    expect(rows.reduce((n, r) => n + r.flowCount, 0)).toBe(c.store.db.prepare('SELECT count(*) FROM flow').pluck().get());
  });

  it('gives devices device-like ends and components without one component-like ends, ids "<left>_<right>"', async () => {
    const rows = await activityList(preset('All data'));
    const ends = rows.flatMap((r) => [r.left, r.right]);
    for (const r of rows) expect(r.id).toBe(`${r.left.id}_${r.right.id}`);
    const devices = ends.filter((e) => e.isDevice === true);
    const orphans = ends.filter((e) => e.isDevice === undefined);
    expect(devices.length).toBeGreaterThan(0);
    expect(orphans.length).toBeGreaterThan(0);
    expect(devices.every((e) => Array.isArray(e.ip) && Array.isArray(e.mac) && typeof e.deviceType === 'string')).toBe(true);
    expect(orphans.every((e) => typeof e.mac === 'string' && !('deviceType' in e) && (!('ip' in e) || typeof e.ip === 'string'))).toBe(true);
    expect(ends.filter((e) => e.group.id === '').every((e) => e.group.color === '#06a2c9' && e.group.groupIds === null)).toBe(true);
    expect(ends.some((e) => e.group.id !== '')).toBe(true);
  });

  it("keeps the activities with an end in the preset's scope", async () => {
    const p = preset('All Controllers');
    const kept = new Set(c.store.scopes.componentIds(scopeOf(p)));
    const nodes = new Set(components.filter((r) => kept.has(r.id)).map((r) => r.device?.id ?? r.id));
    const rows = await activityList(p);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(c.store.activities.nodeCount());
    expect(rows.every((r) => nodes.has(r.left.id) || nodes.has(r.right.id))).toBe(true);
  });

  it('pages, sorts, and answers 404 for an unknown preset', async () => {
    const p = preset('All data');
    await expectPaging(c, `/presets/${p.id}/visualisations/activity-list`, c.store.activities.nodeCount(), 10);
    const sorted = await activityList(p, '?sort=flowCount:desc');
    expect(sorted.map((r) => r.flowCount)).toEqual([...sorted.map((r) => r.flowCount)].sort((a, b) => b - a));
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/visualisations/activity-list`), 404, /Preset not found/);
    expectError3(await c.v3('GET', `/presets/${p.id}/visualisations/activity-list?filter=id:x`), 400, /cannot filter on "id"/);
  });
});
