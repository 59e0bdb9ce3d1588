/** GET /api/3.0/presets, /presets/{preset_id} and /presets/{preset_id}/dataInfo. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresetDataInfoSchema, PresetSchema } from '../../../src/api/v3/schemas/presets.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { recorded, shapeGaps } from './shape.js';

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

interface WirePreset {
  id: string;
  label: string;
  custom: boolean;
  category: { id: string; label: string; priority_order: number };
  lastUpdate: number;
  priority_order: number;
  filters: Record<string, { operator: string; value: Record<string, unknown> }[]>;
  [field: string]: unknown;
}

const ALL_DATA_ID = () => (c.store.presets.list().find((p) => p.label === 'All data') as { id: string }).id;

describe('GET /presets', () => {
  it('answers every preset of the store, without paging, in its order', async () => {
    const list = await c.json3<WirePreset[]>('/presets');
    expect(list.map((p) => p.id)).toEqual(c.store.presets.list().map((p) => p.id));
    expect(list.length).toBeGreaterThan(10);
  });

  it('answers the shape of a real Center, and the documented types (integers, booleans)', async () => {
    const list = await c.json3<WirePreset[]>('/presets');
    const sk = recorded('GET /api/3.0/presets');
    for (const p of list) {
      expect(shapeGaps(p, sk), p.label).toEqual([]);
      expectShape(PresetSchema, p);
      for (const n of [p.lastUpdate, p.priority_order, p.category.priority_order]) expect(Number.isInteger(n)).toBe(true);
    }
  });

  it('holds "All data": shipped (custom false), in category Basics, with no filter', async () => {
    const all = (await c.json3<WirePreset[]>('/presets')).find((p) => p.label === 'All data');
    expect(all).toMatchObject({ custom: false, category: { label: 'Basics' }, search: '', baselines: [] });
    expect(Object.values(all?.filters ?? {}).every((f) => f.length === 0)).toBe(true);
    expect(Object.keys(all?.filters ?? {}).sort()).toEqual(['centers', 'groups', 'networks', 'riskScores', 'sensors', 'tags']);
  });

  it('holds users\' presets (custom, "My preset") whose filters keep their objects, a sensor\'s centerId null', async () => {
    const list = await c.json3<WirePreset[]>('/presets');
    const mine = list.filter((p) => p.custom);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.category.label === 'My preset')).toBe(true);
    const sensor = mine.flatMap((p) => p.filters['sensors'] ?? [])[0];
    expect(sensor).toMatchObject({ operator: 'include', value: { id: expect.any(String), centerId: null } });
  });

  it('prints the last update in ms', async () => {
    const stored = c.store.presets.list()[0];
    const wire = (await c.json3<WirePreset[]>('/presets'))[0];
    expect(wire?.lastUpdate).toBe(Math.floor((stored?.lastUpdate ?? 0) / 1000));
  });

  it('takes baselines=true (there are none)', async () => {
    const list = await c.json3<WirePreset[]>('/presets?baselines=true');
    expect(list.every((p) => Array.isArray(p['baselines']) && (p['baselines'] as unknown[]).length === 0)).toBe(true);
  });

  it('answers 400 naming a bad baselines', async () => {
    expectError3(await c.v3('GET', '/presets?baselines=maybe'), 400, /baselines/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/presets?token=${TOKEN}` }), 401);
  });
});

describe('GET /presets/{preset_id}', () => {
  it('answers the preset as the list prints it', async () => {
    const list = await c.json3<WirePreset[]>('/presets');
    for (const p of list.slice(0, 3)) expect(await c.json3(`/presets/${p.id}`)).toEqual(p);
  });

  it('answers 404 for an unknown preset', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}`), 404, /Preset not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', '/presets/not-a-uuid'), 400, /preset/);
  });
});

describe('GET /presets/{preset_id}/dataInfo', () => {
  it("answers the preset's data state, the last refresh in ms", async () => {
    const id = ALL_DATA_ID();
    const info = await c.json3<Record<string, unknown>>(`/presets/${id}/dataInfo`);
    expectShape(PresetDataInfoSchema, info);
    const stored = c.store.presets.dataInfo(id);
    expect(info).toEqual({ ...stored, lastRefresh: Math.floor((stored?.lastRefresh ?? 0) / 1000) });
    expect(info['presetDataAvailable']).toBe(true);
  });

  it('answers 404 for an unknown preset (WAL: "unknown preset")', async () => {
    expectError3(await c.v3('GET', `/presets/${UNKNOWN}/dataInfo`), 404, /Preset not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', '/presets/123/dataInfo'), 400);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/presets/${ALL_DATA_ID()}/dataInfo?token=${TOKEN}` }), 401);
  });
});
