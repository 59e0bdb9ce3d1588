/**
 * PATCH and DELETE /api/3.0/groups/{id}, the walk a client makes across both surfaces, and
 * twenty parallel creations with one label.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { riskScore } from '../../../src/domain/risk-score.js';
import type { GroupDetailSchema } from '../../../src/api/v3/schemas/groups.js';
import { groupFixtures } from './group-fixtures.js';
import { API, API3, TOKEN, UNKNOWN, expectError, expectError3, testCenter, type TestCenter } from '../../helpers.js';

type GroupDetail = z.infer<typeof GroupDetailSchema>;

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const { freeDevice, groupedComponent, world } = groupFixtures(() => c);
const members = (id: string) => [...(c.store.groups.componentIds(id) ?? [])].sort();
let n = 0;
async function create(body: Record<string, unknown> = {}): Promise<GroupDetail> {
  const res = await c.v3('POST', '/groups', { label: `Patched ${++n}`, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<GroupDetail>();
}
async function patch(id: string, body: unknown): Promise<GroupDetail> {
  const res = await c.v3('PATCH', `/groups/${id}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<GroupDetail>();
}
function scores(deviceId: string) {
  const input = c.store.riskInputs.of([deviceId])[0]?.input;
  return { stored: c.store.devices.get(deviceId)?.riskScore, computed: input && riskScore(input).riskScore, group: input?.group };
}

describe('PATCH /groups/{id}', () => {
  it('adds components (CDN body: one object), answers the GroupDetail, and 1.0 lists them', async () => {
    const d = freeDevice();
    const g = await create();
    const res = await patch(g.id, { op: 'add', path: '/components', value: d.components });
    expect(res.componentIds.sort()).toEqual([...d.components].sort());
    expect(((await c.json<{ components: { id: string }[] }>(`${API}/group/${g.id}`)).components.map((x) => x.id)).sort()).toEqual([...d.components].sort());
    // Adding what the group holds already is no error.
    expect((await patch(g.id, { op: 'add', path: '/components', value: d.components })).componentIds.length).toBe(d.components.length);
  });

  it("adds a device's components (CDN, GVE2), and the device's risk score follows the group's criticalness", async () => {
    const d = freeDevice();
    const g = await create({ criticalness: 5 });
    expect(scores(d.id).group).toBeNull();
    const res = await patch(g.id, { op: 'add', path: '/devices', value: [d.id] });
    expect(res.deviceIds).toEqual([d.id]);
    expect(members(g.id)).toEqual([...d.components].sort());
    const risk = await c.json3<{ groupRisk: { label: string; criticalness: number; score: number } }>(`/devices/${d.id}/riskScore`);
    expect(risk.groupRisk).toMatchObject({ label: g.label, criticalness: 5 });
    expect(risk.groupRisk.score).toBeGreaterThan(0);
    expect(scores(d.id).stored).toBe(scores(d.id).computed);
    // A lower criticalness through PUT moves the stored score too.
    const high = scores(d.id).stored ?? 0;
    expect((await c.v3('PUT', `/groups/${g.id}`, { criticalness: 1 })).statusCode).toBe(200);
    expect((await c.json3<{ groupRisk: { criticalness: number } }>(`/devices/${d.id}/riskScore`)).groupRisk.criticalness).toBe(1);
    expect(scores(d.id).stored).toBe(scores(d.id).computed);
    expect(scores(d.id).stored).toBeLessThan(high);
  });

  it('removes components and devices, and replaces the members', async () => {
    const [a, b, e] = [freeDevice(), freeDevice(), freeDevice()];
    const g = await create({ criticalness: 5, deviceIds: [a.id, b.id] });
    expect(members((await patch(g.id, { op: 'remove', path: '/devices', value: [a.id] })).id)).toEqual([...b.components].sort());
    expect(scores(a.id).group).toBeNull();
    expect(scores(a.id).stored).toBe(scores(a.id).computed);
    await patch(g.id, { op: 'remove', path: '/components', value: [b.components[0]] });
    expect(members(g.id)).toEqual(b.components.slice(1).sort());
    await patch(g.id, { op: 'replace', path: '/components', value: e.components });
    expect(members(g.id)).toEqual([...e.components].sort());
  });

  it('applies an RFC 6902 array in order, also double-encoded as a string (MEV)', async () => {
    const [a, b] = [freeDevice(), freeDevice()];
    const g = await create();
    const ops = [
      { op: 'add', path: '/devices', value: [a.id, b.id] },
      { op: 'remove', path: '/devices', value: [a.id] },
    ];
    await patch(g.id, ops);
    expect(members(g.id)).toEqual([...b.components].sort());
    await patch(g.id, JSON.stringify([{ op: 'replace', path: '/devices', value: [a.id] }]));
    expect(members(g.id)).toEqual([...a.components].sort());
  });

  it('nests groups (path /groups) and takes them out', async () => {
    const [g, child] = [await create(), await create()];
    expect((await patch(g.id, { op: 'add', path: '/groups', value: [child.id] })).groupIds).toEqual([child.id]);
    expect(c.store.groups.summary(child.id)?.parentId).toBe(g.id);
    expect((await patch(g.id, { op: 'remove', path: '/groups', value: [child.id] })).groupIds).toEqual([]);
    expect(c.store.groups.summary(child.id)?.parentId).toBeNull();
  });

  it('answers 400 naming the bad field, 403 to another path, 404, 309 and 422, and changes nothing (all operations or none)', async () => {
    const [g, child] = [await create(), await create()];
    await patch(g.id, { op: 'add', path: '/groups', value: [child.id] });
    const free = freeDevice();
    const before = world();
    const raw = await c.app.inject({ method: 'PATCH', url: `${API3}/groups/${g.id}`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload: '{"op": ' });
    expectError3(raw, 400, /JSON/);
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, { op: 'move', path: '/components', value: [] }), 400, /"0\.op": must be add, remove or replace/);
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, { op: 'add', path: '/components', value: 'x' }), 400, /"0\.value": must be an array of ids/);
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, []), 400, /at least one operation/);
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, { op: 'add', path: '/components', value: [UNKNOWN] }), 400, /Unknown component id/);
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, { op: 'remove', path: '/components', value: [free.components[0]] }), 400, /is not in the group/);
    const partial = [
      { op: 'add', path: '/devices', value: [free.id] },
      { op: 'add', path: '/devices', value: [UNKNOWN] },
    ];
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, partial), 400, new RegExp(`Unknown device id: ${UNKNOWN}`));
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, { op: 'replace', path: '/label', value: [] }), 403, /not allowed on the path "\/label"/);
    expectError3(await c.v3('PATCH', `/groups/${UNKNOWN}`, { op: 'add', path: '/components', value: [] }), 404, /Group not found/);
    expectError3(await c.v3('PATCH', `/groups/${g.id}`, { op: 'add', path: '/components', value: [groupedComponent()] }), 309, /already in a group/);
    expectError3(await c.v3('PATCH', `/groups/${child.id}`, { op: 'add', path: '/groups', value: [g.id] }), 422, /Invalid parent hierarchy/);
    expect(world()).toBe(before);
  });

  it('answers 401 to ?token= alone', async () => {
    const g = await create();
    const res = await c.app.inject({ method: 'PATCH', url: `${API3}/groups/${g.id}?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{"op":"add","path":"/components","value":[]}' });
    expectError3(res, 401, /x-token-id header/);
  });
});

describe('DELETE /groups/{id}', () => {
  it('answers an empty 200: the group is gone from both surfaces, its components and nested groups stay, its devices are scored again', async () => {
    const d = freeDevice();
    const g = await create({ criticalness: 5, deviceIds: [d.id] });
    const child = await create({ parentId: g.id });
    const res = await c.v3('DELETE', `/groups/${g.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('');
    expectError3(await c.v3('GET', `/groups/${g.id}`), 404);
    expectError(await c.send('GET', `${API}/group/${g.id}`), 404);
    expect(d.components.every((id) => c.store.components.get(id)?.groupId === null)).toBe(true);
    expect(c.store.groups.summary(child.id)?.parentId).toBeNull();
    expect(scores(d.id).group).toBeNull();
    expect(scores(d.id).stored).toBe(scores(d.id).computed);
  });

  it('drops the group from the filters of every preset naming it, its nested subgroups taking its place; a preset left with no group keeps every group', async () => {
    const g = await create({ deviceIds: [freeDevice().id] });
    const child = await create({ parentId: g.id, deviceIds: [freeDevice().id] });
    const other = await create({ deviceIds: [freeDevice().id] });
    const PLC = { operator: 'include', value: { id: 'PLC', label: 'Controller', type: 'component' } };
    const nested = { operator: 'include', value: { id: g.id, label: g.label, children: [{ operator: 'exclude', value: { id: child.id, label: child.label } }] } };
    const kept = { operator: 'include', value: { id: other.id, label: other.label } };
    const preset = async (filters: Record<string, unknown>) => {
      const res = await c.v3('POST', '/presets', { label: `Naming groups ${++n}`, filters });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: string; lastUpdate: number; filters: Record<string, unknown[]> }>();
    };
    const several = await preset({ groups: [nested, kept], tags: [PLC] });
    const only = await preset({ groups: [{ operator: 'include', value: { id: g.id } }] });
    const shouting = await preset({ groups: [{ operator: 'exclude', value: { id: g.id.toUpperCase() } }] });
    const untouched = await preset({ groups: [kept] });
    const componentList = async (id: string) => (await c.json3<{ id: string }[]>(`/presets/${id}/visualisations/component-list`)).map((x) => x.id);
    // Before: the preset naming only the group keeps its components and its subgroup's.
    expect((await componentList(only.id)).sort()).toEqual([...members(g.id), ...members(child.id)].sort());
    c.clock.advance(1_000_000);

    expect((await c.v3('DELETE', `/groups/${g.id}`)).statusCode).toBe(200);
    const after = async (id: string) => c.json3<{ lastUpdate: number; filters: Record<string, unknown[]> }>(`/presets/${id}`);
    // The subgroup it nested is named at the top, with its own operator; the rest stays, lastUpdate too.
    expect(await after(several.id)).toEqual({ ...several, filters: { ...several.filters, groups: [{ operator: 'exclude', value: { id: child.id, label: child.label } }, kept] } });
    expect((await after(only.id)).filters.groups).toEqual([]);
    expect((await after(shouting.id)).filters.groups).toEqual([]);
    expect(await after(untouched.id)).toEqual(untouched);
    // A preset without a group filter keeps every group: the same components as "All data".
    const all = (await c.json3<{ id: string; label: string }[]>('/presets')).find((p) => p.label === 'All data') as { id: string };
    expect(await componentList(only.id)).toEqual(await componentList(all.id));
    // GET /presets agrees with GET /presets/{id}.
    expect((await c.json3<{ id: string }[]>('/presets')).find((p) => p.id === several.id)).toEqual(await after(several.id));
  });

  it('leaves the presets as they were when the delete fails', async () => {
    const g = await create();
    const res = await c.v3('POST', '/presets', { label: `Naming groups ${++n}`, filters: { groups: [{ operator: 'include', value: { id: g.id } }] } });
    const before = JSON.stringify(c.store.presets.list());
    expectError3(await c.v3('DELETE', `/groups/${UNKNOWN}`), 404);
    expect(JSON.stringify(c.store.presets.list())).toBe(before);
    expect((await c.json3<{ filters: { groups: { value: { id: string } }[] } }>(`/presets/${res.json<{ id: string }>().id}`)).filters.groups[0]?.value.id).toBe(g.id);
  });

  it('answers 404 to an unknown group and 400 to a malformed id', async () => {
    expectError3(await c.v3('DELETE', `/groups/${UNKNOWN}`), 404, new RegExp(`Group not found: ${UNKNOWN}`));
    expectError3(await c.v3('DELETE', '/groups/room-214'), 400, /Invalid group id/);
  });

  it('answers 401 to ?token= alone, and the group stays', async () => {
    const g = await create();
    expectError3(await c.app.inject({ method: 'DELETE', url: `${API3}/groups/${g.id}?token=${TOKEN}` }), 401, /x-token-id header/);
    expect(c.store.groups.rowid(g.id)).toBeDefined();
  });
});

describe('a group walked across surfaces: created in 3.0, listed in 1.0, moved into in 1.0, patched in 3.0, deleted in 1.0', () => {
  it('is one group throughout', async () => {
    const [a, b] = [freeDevice(), freeDevice()];
    const g = await create({ criticalness: 5, componentIds: [a.components[0]] });
    const listed = await c.json<{ id: string; label: string; components: { id: string }[] }[]>(`${API}/group`);
    expect(listed.find((x) => x.id === g.id)).toMatchObject({ label: g.label, components: [{ id: a.components[0] }] });
    expect((await c.send('POST', `${API}/group/${g.id}/component/${b.components[0]}`)).statusCode).toBe(200);
    // The 1.0 move scores the device again, as a 3.0 write does.
    expect(scores(b.id).group).toMatchObject({ label: g.label, criticalness: 5 });
    expect(scores(b.id).stored).toBe(scores(b.id).computed);
    // A component in two groups is a 309 on either surface.
    const other = await create();
    expectError3(await c.v3('PATCH', `/groups/${other.id}`, { op: 'add', path: '/components', value: [b.components[0]] }), 309, /already in a group/);
    expectError(await c.send('POST', `${API}/group/${other.id}/component/${b.components[0]}`), 309, /already in a group/);
    const patched = await patch(g.id, { op: 'remove', path: '/components', value: [a.components[0]] });
    expect(patched.componentIds).toEqual([b.components[0]]);
    expect((await c.send('DELETE', `${API}/group/${g.id}`)).statusCode).toBe(200);
    expect(scores(b.id).group).toBeNull();
    expect(scores(b.id).stored).toBe(scores(b.id).computed);
    expect((await c.json3<{ id: string }[]>('/groups')).map((x) => x.id)).not.toContain(g.id);
    expect(c.store.components.get(b.components[0] as string)?.groupId).toBeNull();
  });
});

describe('twenty parallel POST /groups with one label', () => {
  it('gives exactly one 200 and nineteen 409, and makes one group', async () => {
    const label = 'Raced';
    const answers = await Promise.all(Array.from({ length: 20 }, () => c.v3('POST', '/groups', { label, criticalness: 2 })));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(19);
    expect(c.store.groups.summaries().filter((g) => g.label === label)).toHaveLength(1);
  });
});
