/**
 * POST /api/3.0/presets, PUT, PATCH and DELETE /presets/{preset_id}, POST
 * /presets/{preset_id}/refreshData: each write one transaction (a failing one changes nothing),
 * read back through GET /presets and the preset's visualisations; an exported preset posts back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PresetSchema } from '../../../src/api/v3/schemas/presets.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';

type WirePreset = z.infer<typeof PresetSchema>;

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const presets = () => c.json3<WirePreset[]>('/presets');
const byLabel = async (label: string) => (await presets()).find((p) => p.label === label) as WirePreset;
const componentIds = async (id: string) => (await c.json3<{ id: string }[]>(`/presets/${id}/visualisations/component-list?size=100000&page=1`)).map((r) => r.id).sort();
/** Everything a preset write may change. */
const world = () => JSON.stringify([c.store.presets.list(), c.store.presets.categories(), c.store.presets.list().map((p) => c.store.presets.dataInfo(p.id))]);
let n = 0;
const label = () => `Written preset ${++n}`;
const create = async (body: Record<string, unknown>) => {
  const res = await c.v3('POST', '/presets', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<WirePreset>();
};
const raw = (method: 'POST' | 'PUT' | 'PATCH', path: string, payload: string) =>
  c.app.inject({ method, url: `${API3}${path}`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload });
/** A group with components, and the ids of those components. */
const groupWithComponents = () => {
  const g = c.store.groups.list().find((x) => x.components.length > 0);
  if (!g) throw new Error('no group with components');
  return { id: g.id, label: g.label, components: g.components.map((x) => x.id).sort() };
};

describe('POST /presets', () => {
  it('answers the created custom preset (CDN body), read back the same through GET /presets and GET /presets/{preset_id}', async () => {
    const body = { label: label(), description: 'Made through 3.0', search: 'plc', groupless: 'false' };
    const p = await create(body);
    expectShape(PresetSchema, p);
    expect(p).toMatchObject({ ...body, custom: true, imported: false, category: { label: 'My preset' }, lastUpdate: Math.floor(c.clock.now() / 1000), badges: [], baselines: [] });
    expect(Object.values(p.filters).every((f) => f.length === 0)).toBe(true);
    expect((await presets()).filter((x) => x.id === p.id)).toEqual([p]);
    expect(await c.json3(`/presets/${p.id}`)).toEqual(p);
    // Not computed yet: a refresh makes it available.
    expect(await c.json3(`/presets/${p.id}/dataInfo`)).toMatchObject({ presetDataAvailable: false });
  });

  it('takes back the filters of an exported preset: the copy keeps the same components (export → import round trip)', async () => {
    const exported = (await presets()).find((p) => p.custom && p.filters.tags.length > 0) as WirePreset;
    const copy = await create({ label: label(), description: exported.description, filters: exported.filters });
    expect(copy.filters).toEqual(exported.filters);
    const kept = await componentIds(copy.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan((await componentIds((await byLabel('All data')).id)).length);
    expect(kept).toEqual(await componentIds(exported.id));
  });

  it('takes a whole exported preset back (its id, custom and category object ignored): same filters, same components', async () => {
    const exported = (await presets()).find((p) => p.custom && p.filters.groups.length > 0) as WirePreset;
    const copy = await create({ ...exported, label: label() });
    expect(copy.id).not.toBe(exported.id);
    expect(copy).toMatchObject({ filters: exported.filters, category: exported.category, custom: true });
    expect(await componentIds(copy.id)).toEqual(await componentIds(exported.id));
  });

  it('files the preset in the category named, made when new', async () => {
    const p = await create({ label: label(), category: 'Written category' });
    expect(p.category.label).toBe('Written category');
    expect(c.store.presets.categories().map((k) => k.label)).toContain('Written category');
  });

  it('answers 400 naming the bad field: unparsable JSON, a wrong type, a missing label; and changes nothing', async () => {
    const before = world();
    expectError3(await raw('POST', '/presets', '{"label": '), 400);
    expectError3(await c.v3('POST', '/presets', { label: 12 }), 400, /label/);
    expectError3(await c.v3('POST', '/presets', { description: 'no label' }), 400, /label/);
    expectError3(await c.v3('POST', '/presets', { label: label(), filters: { tags: 'PLC' } }), 400, /filters\.tags/);
    expectError3(await c.v3('POST', '/presets', { label: label(), groupless: 'maybe' }), 400, /groupless/);
    expect(world()).toBe(before);
  });

  it('answers 404 for a group the filters name that the world lacks, and changes nothing', async () => {
    const before = world();
    const res = await c.v3('POST', '/presets', { label: label(), filters: { groups: [{ operator: 'include', value: { id: UNKNOWN } }] } });
    expectError3(res, 404, new RegExp(`filters\\.groups: ${UNKNOWN}`));
    expect(world()).toBe(before);
  });

  it('answers 409 for a label another preset has (without regard to case), and changes nothing', async () => {
    const before = world();
    expectError3(await c.v3('POST', '/presets', { label: 'ALL DATA' }), 409, /already exists/);
    expect(world()).toBe(before);
  });

  it('answers 401 to ?token= alone', async () => {
    const res = await c.app.inject({ method: 'POST', url: `${API3}/presets?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ label: label() }) });
    expectError3(res, 401, /x-token-id/);
  });
});

describe('PUT /presets/{preset_id}', () => {
  it('answers the updated preset, absent fields kept, read back through GET /presets; new filters change its component-list', async () => {
    const p = await create({ label: label(), description: 'before' });
    const group = groupWithComponents();
    c.clock.advance(60_000_000);
    const res = await c.v3('PUT', `/presets/${p.id}`, { description: 'after', filters: { groups: [{ operator: 'include', value: { id: group.id, label: group.label } }] } });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<WirePreset>();
    expect(after).toMatchObject({ label: p.label, description: 'after', lastUpdate: p.lastUpdate + 60_000, filters: { tags: [], groups: [{ operator: 'include', value: { id: group.id } }] } });
    expect((await presets()).find((x) => x.id === p.id)).toEqual(after);
    expect(await componentIds(p.id)).toEqual(group.components);
  });

  it('answers 400 for a preset the Center ships ("All data": not custom), and changes nothing', async () => {
    const before = world();
    expectError3(await c.v3('PUT', `/presets/${(await byLabel('All data')).id}`, { description: 'x' }), 400, /not a custom preset/);
    expect(world()).toBe(before);
  });

  it('answers 400 naming the bad field (unparsable JSON, a wrong type, a malformed id), and changes nothing', async () => {
    const p = await create({ label: label() });
    const before = world();
    expectError3(await raw('PUT', `/presets/${p.id}`, '{"description"'), 400);
    expectError3(await c.v3('PUT', `/presets/${p.id}`, { description: 3 }), 400, /description/);
    expectError3(await c.v3('PUT', '/presets/not-a-uuid', { description: 'x' }), 400, /preset id/);
    expect(world()).toBe(before);
  });

  it('answers 404 for an unknown preset, or an unknown group in the filters; and changes nothing', async () => {
    const p = await create({ label: label() });
    const before = world();
    expectError3(await c.v3('PUT', `/presets/${UNKNOWN}`, { description: 'x' }), 404, /Preset not found/);
    expectError3(await c.v3('PUT', `/presets/${p.id}`, { description: 'x', filters: { groups: [{ operator: 'exclude', value: { id: UNKNOWN } }] } }), 404, /Group not found/);
    expect(world()).toBe(before);
  });

  it('answers 409 for a label another preset has; its own label is no conflict', async () => {
    const a = await create({ label: label() });
    const b = await create({ label: label() });
    const before = world();
    expectError3(await c.v3('PUT', `/presets/${b.id}`, { label: a.label.toUpperCase() }), 409, /already exists/);
    expect(world()).toBe(before);
    expect((await c.v3('PUT', `/presets/${b.id}`, { label: b.label })).statusCode).toBe(200);
  });
});

describe('PATCH /presets/{preset_id}', () => {
  it('sets the label (/name or /label), the description and the search, read back through GET /presets', async () => {
    const p = await create({ label: label() });
    const name = label();
    let res = await c.v3('PATCH', `/presets/${p.id}`, [{ op: 'set', path: '/name', value: [name] }, { op: 'set', path: '/description', value: ['patched'] }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ label: name, description: 'patched' });
    res = await c.v3('PATCH', `/presets/${p.id}`, { op: 'set', path: '/search', value: 'valve' });
    expect(res.statusCode, res.body).toBe(200);
    const other = label();
    res = await c.v3('PATCH', `/presets/${p.id}`, { op: 'set', path: '/label', value: [other] });
    expect(res.json()).toMatchObject({ label: other, search: 'valve' });
    expect((await presets()).find((x) => x.id === p.id)).toMatchObject({ label: other, description: 'patched', search: 'valve' });
  });

  it('answers 403 for another op or path, and changes nothing', async () => {
    const p = await create({ label: label() });
    const before = world();
    expectError3(await c.v3('PATCH', `/presets/${p.id}`, { op: 'set', path: '/filters', value: ['x'] }), 403, /not allowed/);
    expectError3(await c.v3('PATCH', `/presets/${p.id}`, [{ op: 'set', path: '/description', value: ['x'] }, { op: 'add', path: '/label', value: ['y'] }]), 403, /"add"/);
    expect(world()).toBe(before);
  });

  it('answers 400 for none or more than two operations, a wrong type, or a preset the Center ships; and changes nothing', async () => {
    const p = await create({ label: label() });
    const before = world();
    const set = { op: 'set', path: '/description', value: ['x'] };
    expectError3(await c.v3('PATCH', `/presets/${p.id}`, []), 400, /at least one/);
    expectError3(await c.v3('PATCH', `/presets/${p.id}`, [set, set, set]), 400, /at most two/);
    expectError3(await c.v3('PATCH', `/presets/${p.id}`, { op: 'set', path: '/description', value: 4 }), 400, /value/);
    expectError3(await raw('PATCH', `/presets/${p.id}`, '[{'), 400);
    expectError3(await c.v3('PATCH', `/presets/${(await byLabel('All data')).id}`, set), 400, /not a custom preset/);
    expect(world()).toBe(before);
  });

  it('answers 404 for an unknown preset, 409 for a label another preset has', async () => {
    const p = await create({ label: label() });
    const before = world();
    expectError3(await c.v3('PATCH', `/presets/${UNKNOWN}`, { op: 'set', path: '/description', value: ['x'] }), 404, /Preset not found/);
    expectError3(await c.v3('PATCH', `/presets/${p.id}`, { op: 'set', path: '/name', value: ['All data'] }), 409, /already exists/);
    expect(world()).toBe(before);
  });
});

describe('DELETE /presets/{preset_id}', () => {
  it('deletes a custom preset (an empty 200): gone from GET /presets, its visualisations and dataInfo 404', async () => {
    const p = await create({ label: label() });
    const res = await c.v3('DELETE', `/presets/${p.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect((await presets()).some((x) => x.id === p.id)).toBe(false);
    expectError3(await c.v3('GET', `/presets/${p.id}/visualisations/component-list`), 404, /Preset not found/);
    expectError3(await c.v3('GET', `/presets/${p.id}/dataInfo`), 404);
  });

  it('answers 400 for a preset the Center ships, or a malformed id; 404 for an unknown one; and changes nothing', async () => {
    const before = world();
    expectError3(await c.v3('DELETE', `/presets/${(await byLabel('All data')).id}`), 400, /cannot be deleted/);
    expectError3(await c.v3('DELETE', '/presets/all-data'), 400, /preset id/);
    expectError3(await c.v3('DELETE', `/presets/${UNKNOWN}`), 404, /Preset not found/);
    expect(world()).toBe(before);
  });
});

describe('POST /presets/{preset_id}/refreshData', () => {
  it('refreshes at once (an empty 200): dataInfo shows the data available, refreshed now, nothing pending', async () => {
    const p = await create({ label: label() });
    c.clock.advance(5_000_000);
    const res = await c.v3('POST', `/presets/${p.id}/refreshData`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expect(await c.json3(`/presets/${p.id}/dataInfo`)).toEqual({
      presetDataAvailable: true,
      lastRefresh: Math.floor(c.clock.now() / 1000),
      lastRefreshDuration: 0,
      refreshInProgress: false,
      forceRefreshRequested: false,
    });
  });

  it('refreshes a preset the Center ships too', async () => {
    const all = await byLabel('All data');
    c.clock.advance(1_000_000);
    expect((await c.v3('POST', `/presets/${all.id}/refreshData`)).statusCode).toBe(200);
    expect(await c.json3(`/presets/${all.id}/dataInfo`)).toMatchObject({ lastRefresh: Math.floor(c.clock.now() / 1000) });
  });

  it('answers 404 for an unknown preset, 400 for a malformed id; and changes nothing', async () => {
    const before = world();
    expectError3(await c.v3('POST', `/presets/${UNKNOWN}/refreshData`), 404, /Preset not found/);
    expectError3(await c.v3('POST', '/presets/x/refreshData'), 400, /preset id/);
    expect(world()).toBe(before);
  });
});
