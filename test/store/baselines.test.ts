/**
 * The baselines' store (src/store/baselines.ts): what a baseline records of its preset's scope
 * (the components and activities active in its period, as they were), the record read back beside
 * the world, its changes (put, forget), the reviews, and what deleting a baseline takes with it.
 * Over a small plant made by ingest.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityId } from '../../src/domain/activities.js';
import type { Baseline } from '../../src/domain/baseline.js';
import { type Preset, UNFILTERED, categoryId } from '../../src/domain/preset.js';
import { type PresetScope, presetScope } from '../../src/domain/preset-scope.js';
import type { Store } from '../../src/store/store.js';
import { DC, FS, PC1, PC2, T0, id, seen, trafficStore } from './traffic-helpers.js';

const SECOND = 1_000_000;
const PRESET: Preset = {
  id: 'p1',
  label: 'All data',
  description: '',
  category: { id: categoryId('Basics'), label: 'Basics', priorityOrder: 1 },
  custom: false,
  imported: false,
  creatorEmail: '',
  lastUpdate: T0,
  priorityOrder: 0,
  badges: [],
  ...UNFILTERED,
};
const ALL: PresetScope = presetScope(PRESET, { centerId: null, isComponentTag: () => false });
const baseline = (over: Partial<Baseline> = {}): Baseline => ({
  id: 'b1',
  presetId: PRESET.id,
  label: 'Commissioning',
  description: '',
  creatorEmail: '',
  creationTime: T0 + 20 * SECOND,
  periodStart: 0,
  periodEnd: T0 + 5 * SECOND,
  lastEditTime: T0 + 20 * SECOND,
  ...over,
});

let store: Store;
let rowid: number;
beforeEach(() => {
  // PC1 talks to the DC before the period's end, PC2 to the file server after it.
  store = trafficStore([seen(T0, PC1, { ...DC, port: 445 }), seen(T0 + 10 * SECOND, PC2, { ...FS, port: 445 })]);
  store.presets.insert(PRESET);
  store.baselines.insert(baseline(), ALL);
  rowid = store.baselines.rowid('b1') as number;
});
afterEach(() => store.close());

/** Every component and activity of the scope with what the baseline recorded of it (undefined: nothing). */
function compared() {
  const { components, activities } = store.baselines.scopeTargets(ALL);
  return {
    components: new Map(store.baselines.componentsByRowids(rowid, components).map((r) => [r.now.id, r.then])),
    activities: new Map(store.baselines.activitiesByRowids(rowid, activities).map((r) => [r.now.id, r.then])),
  };
}

describe('insert', () => {
  it('records the components and activities active in the period, as they were; not the others', () => {
    const { components, activities } = compared();
    expect([...components].filter(([, then]) => then !== undefined).map(([c]) => c).sort()).toEqual([id(PC1), id(DC)].sort());
    expect(components.size).toBe(4);
    // As they were: nothing changed since, so the record is what the world holds.
    const { components: rowids, activities: activityRowids } = store.baselines.scopeTargets(ALL);
    for (const r of store.baselines.componentsByRowids(rowid, rowids)) if (r.then) expect(r.then).toEqual({ tags: r.now.tags, props: r.now.props });
    const dc = store.baselines.componentsIn(rowid, undefined, [id(DC)])[0];
    expect(dc?.then?.tags.length).toBeGreaterThan(0);
    const smb = store.baselines.activitiesByRowids(rowid, activityRowids).find((r) => r.now.id === activityId(id(PC1), id(DC)));
    expect(smb?.then).toEqual({ tags: smb?.now.tags, variables: [] });
    expect(smb?.now.tags.length).toBeGreaterThan(0);
    expect(activities.get(activityId(id(PC2), id(FS)))).toBeUndefined();
  });

  it('reads back the baseline, its label without case, and the baselines of its preset', () => {
    expect(store.baselines.get('b1')).toEqual(baseline());
    expect(store.baselines.labelled('COMMISSIONING')).toBe('b1');
    expect(store.baselines.labelled('other')).toBeUndefined();
    expect(store.baselines.ofPreset(PRESET.id).map((b) => b.id)).toEqual(['b1']);
    expect(store.baselines.ofPreset('nope')).toEqual([]);
  });

  it('keeps an activity by its two components: the record outlives a rebuild of the activities', () => {
    const pair = activityId(id(PC1), id(DC));
    store.activities.rebuild();
    expect(compared().activities.get(pair)).toBeDefined();
    expect(store.baselines.activitiesIn(rowid, ALL, [pair]).map((r) => r.now.id)).toEqual([pair]);
  });
});

describe('a scope that keeps some components', () => {
  it('records and compares the activities with an end among them', () => {
    // The file server's subnet alone: its component, and the activity it is an end of.
    const fs: Preset = { ...PRESET, id: 'p2', label: 'File server', filters: { ...PRESET.filters, networks: [{ operator: 'include', value: { id: 'n', subnet: `${FS.ip}/32` } }] } };
    const scope = presetScope(fs, { centerId: null, isComponentTag: () => false });
    expect(scope.all).toBe(false);
    store.presets.insert(fs);
    store.baselines.insert(baseline({ id: 'b2', label: 'File server', presetId: fs.id, periodEnd: T0 + 20 * SECOND }), scope);
    const b2 = store.baselines.rowid('b2') as number;
    const { components, activities } = store.baselines.scopeTargets(scope);
    expect(store.baselines.componentsByRowids(b2, components).map((r) => [r.now.id, r.then !== undefined])).toEqual([[id(FS), true]]);
    expect(store.baselines.activitiesByRowids(b2, activities).map((r) => [r.now.id, r.then !== undefined])).toEqual([[activityId(id(PC2), id(FS)), true]]);
    const pair = activityId(id(PC1), id(DC));
    expect(store.baselines.activitiesIn(b2, scope, [pair, activityId(id(PC2), id(FS))]).map((r) => r.now.id)).toEqual([activityId(id(PC2), id(FS))]);
    expect(store.baselines.activitiesIn(b2, undefined, [pair]).map((r) => [r.now.id, r.then])).toEqual([[pair, undefined]]);
  });
});

describe('the record changed', () => {
  it('puts a component as given, and forgets it', () => {
    const pc1 = store.baselines.componentRowid(id(PC1)) as number;
    store.baselines.putComponent(rowid, pc1, { tags: ['PLC'], props: { vendor: 'Acme' } });
    expect(compared().components.get(id(PC1))).toEqual({ tags: ['PLC'], props: { vendor: 'Acme' } });
    expect(store.baselines.componentRecorded(rowid, pc1)).toBe(true);
    store.baselines.putComponent(rowid, pc1, undefined);
    expect(compared().components.get(id(PC1))).toBeUndefined();
    expect(store.baselines.componentRecorded(rowid, pc1)).toBe(false);
  });

  it('puts an activity as given, also one it did not hold, and forgets it', () => {
    const fresh = activityId(id(PC2), id(FS));
    const a = store.baselines.activityRowid(fresh) as number;
    expect(store.baselines.activityRecorded(rowid, a)).toBe(false);
    store.baselines.putActivity(rowid, a, { tags: ['SMB'], variables: ['v/a/read'] });
    expect(compared().activities.get(fresh)).toEqual({ tags: ['SMB'], variables: ['v/a/read'] });
    store.baselines.putActivity(rowid, a, undefined);
    expect(store.baselines.activityRecorded(rowid, a)).toBe(false);
  });

  it('finds the activities of components, by their ids', () => {
    expect(store.baselines.activitiesOf([id(DC)])).toEqual([activityId(id(PC1), id(DC))]);
    expect(store.baselines.activitiesOf([id(PC1), id(FS)]).sort()).toEqual([activityId(id(PC1), id(DC)), activityId(id(PC2), id(FS))].sort());
    expect(store.baselines.activitiesOf([])).toEqual([]);
  });
});

describe('reviews', () => {
  it('keeps one per difference, replaced by the next, dropped on demand', () => {
    store.baselines.putReview(rowid, { id: 'd1', value: 'Acme', status: 'abnormal', comment: 'who?', time: T0 });
    store.baselines.putReview(rowid, { id: 'd2', value: 'PLC', status: 'ignored', comment: '', time: T0 });
    store.baselines.putReview(rowid, { id: 'd1', value: 'Acme 2', status: 'ignored', comment: '', time: T0 + SECOND });
    expect([...store.baselines.reviews(rowid)]).toEqual([
      ['d1', { status: 'ignored', value: 'Acme 2' }],
      ['d2', { status: 'ignored', value: 'PLC' }],
    ]);
    store.baselines.dropReview(rowid, 'd2');
    expect([...store.baselines.reviews(rowid).keys()]).toEqual(['d1']);
  });
});

describe('delete', () => {
  it('takes the record and the reviews with the baseline; another baseline keeps its own', () => {
    store.baselines.insert(baseline({ id: 'b2', label: 'Other' }), ALL);
    const other = store.baselines.rowid('b2') as number;
    store.baselines.putReview(rowid, { id: 'd1', value: 'x', status: 'abnormal', comment: '', time: T0 });
    store.baselines.putReview(other, { id: 'd1', value: 'x', status: 'abnormal', comment: '', time: T0 });
    const pc1 = store.baselines.componentRowid(id(PC1)) as number;
    expect(store.baselines.delete('b1')).toBe(true);
    expect(store.baselines.delete('b1')).toBe(false);
    expect(store.baselines.get('b1')).toBeUndefined();
    expect(store.baselines.componentRecorded(rowid, pc1)).toBe(false);
    expect(store.baselines.reviews(rowid).size).toBe(0);
    expect(store.baselines.componentRecorded(other, pc1)).toBe(true);
    expect(store.baselines.reviews(other).size).toBe(1);
  });
});
