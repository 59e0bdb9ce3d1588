/**
 * POST /api/3.0/groups, PUT, PATCH and DELETE /groups/{id}: one table and one id space with
 * /api/1.0/group, each write one transaction (a failing one changes nothing), the devices of a
 * group scored again after a write that moves them or its criticalness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { riskScore } from '../../../src/domain/risk-score.js';
import { GroupDetailSchema } from '../../../src/api/v3/schemas/groups.js';
import { groupFixtures } from './group-fixtures.js';
import { API, API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';

type GroupDetail = z.infer<typeof GroupDetailSchema>;
interface V1Group {
  id: string;
  label: string;
  color: string;
  industrial_impact: string;
  components: { id: string }[];
}

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const { freeDevice, groupedComponent, world } = groupFixtures(() => c);
const detail = async (id: string) => (await c.json3<GroupDetail[]>(`/groups/${id}`))[0] as GroupDetail;
const create = async (body: Record<string, unknown>) => {
  const res = await c.v3('POST', '/groups', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<GroupDetail>();
};
let n = 0;
const label = () => `Written ${++n}`;
/** The score the device's inputs give now, and the one stored on it. */
function scores(deviceId: string) {
  const input = c.store.riskInputs.of([deviceId])[0]?.input;
  return { stored: c.store.devices.get(deviceId)?.riskScore, computed: input && riskScore(input).riskScore, group: input?.group };
}

describe('POST /groups', () => {
  it('answers the created GroupDetail (CDN body), read back the same through GET /groups/{id} and /api/1.0/group/{id}', async () => {
    const body = { label: label(), description: 'PLCs of Room 214', color: '#D62B2B', criticalness: 4 };
    const g = await create(body);
    expectShape(GroupDetailSchema, g);
    expect(g).toMatchObject({ ...body, color: '#d62b2b', comments: '', locked: false, parentId: '', componentIds: [], groupIds: [] });
    expect(await detail(g.id)).toEqual(g);
    const v1 = await c.json<V1Group>(`${API}/group/${g.id}`);
    expect(v1).toMatchObject({ id: g.id, label: body.label, color: 'RED', industrial_impact: 'HIGH', components: [] });
    expect((await c.json3<{ id: string }[]>('/groups')).map((x) => x.id)).toContain(g.id);
  });

  it('keeps a colour and criticalness 1.0 has no word for (GVE2 body), and 1.0 shows the nearest', async () => {
    const g = await create({ color: '#000000', comments: 'auto', criticalness: 0, description: '', label: label(), locked: false });
    expect([g.color, g.criticalness, g.comments, g.locked]).toEqual(['#000000', 0, 'auto', false]);
    expect(await c.json<V1Group>(`${API}/group/${g.id}`)).toMatchObject({ color: 'GRAY', industrial_impact: 'VERY_LOW' });
  });

  it('groups the components of componentIds and every component of deviceIds, and scores those devices again', async () => {
    const [a, b] = [freeDevice(), freeDevice()];
    const before = scores(b.id);
    const g = await create({ label: label(), criticalness: 5, componentIds: [a.components[0]], deviceIds: [b.id] });
    expect(new Set(g.componentIds)).toEqual(new Set([a.components[0], ...b.components]));
    expect(g.deviceIds).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await c.json<V1Group>(`${API}/group/${g.id}`)).components.map((x) => x.id).sort()).toEqual([...g.componentIds].sort());
    const after = scores(b.id);
    expect(after.group).toMatchObject({ label: g.label, criticalness: 5 });
    expect(after.stored).toBe(after.computed);
    expect(after.stored).toBeGreaterThan(before.stored ?? 0);
    const risk = await c.json3<{ groupRisk: { label: string; criticalness: number; score: number } }>(`/devices/${b.id}/riskScore`);
    expect(risk.groupRisk).toMatchObject({ label: g.label, criticalness: 5 });
    expect(risk.groupRisk.score).toBeGreaterThan(0);
  });

  it('nests the groups of groupIds in the new one, and takes parentId', async () => {
    const child = await create({ label: label() });
    const parent = await create({ label: label() });
    const g = await create({ label: label(), parentId: parent.id, groupIds: [child.id] });
    expect([g.parentId, g.groupIds]).toEqual([parent.id, [child.id]]);
    expect((await detail(child.id)).parentId).toBe(g.id);
  });

  it('answers 409 to a label a group has, compared without case as 1.0 does, and changes nothing', async () => {
    const taken = (c.store.groups.list()[0]?.label ?? '').toUpperCase();
    const before = world();
    expectError3(await c.v3('POST', '/groups', { label: taken }), 409, /already exists/);
    expect(world()).toBe(before);
  });

  it('answers 309 to a component in another group, and changes nothing', async () => {
    const before = world();
    const grouped = groupedComponent();
    expectError3(await c.v3('POST', '/groups', { label: label(), componentIds: [freeDevice().components[0], grouped] }), 309, new RegExp(grouped));
    expect(world()).toBe(before);
  });

  it('answers 400 naming the bad field: unparsable JSON, a wrong type, a missing label, an unknown id in a list; and changes nothing', async () => {
    const before = world();
    const raw = await c.app.inject({ method: 'POST', url: `${API3}/groups`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload: '{"label": ' });
    expectError3(raw, 400, /JSON/);
    expectError3(await c.v3('POST', '/groups', { label: label(), criticalness: 'high' }), 400, /"criticalness": must be an integer/);
    expectError3(await c.v3('POST', '/groups', { label: label(), color: 'red' }), 400, /"color": must be a colour as #rrggbb/);
    expectError3(await c.v3('POST', '/groups', { label: label(), componentIds: 'x' }), 400, /"componentIds": must be an array/);
    expectError3(await c.v3('POST', '/groups', { label: label(), componentIds: ['x'] }), 400, /"componentIds": must hold component ids/);
    expectError3(await c.v3('POST', '/groups', { description: 'no label' }), 400, /"label"/);
    expectError3(await c.v3('POST', '/groups', { label: label(), componentIds: [UNKNOWN] }), 400, new RegExp(`Unknown component id: ${UNKNOWN}`));
    expectError3(await c.v3('POST', '/groups', { label: label(), deviceIds: [UNKNOWN] }), 400, new RegExp(`Unknown device id: ${UNKNOWN}`));
    expectError3(await c.v3('POST', '/groups', { label: label(), groupIds: [UNKNOWN] }), 400, new RegExp(`Unknown group id: ${UNKNOWN}`));
    expectError3(await c.v3('POST', '/groups', { label: label(), parentId: UNKNOWN }), 400, new RegExp(`Unknown group id: ${UNKNOWN}`));
    expect(world()).toBe(before);
  });

  it('answers 401 to ?token= alone', async () => {
    const res = await c.app.inject({ method: 'POST', url: `${API3}/groups?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ label: label() }) });
    expectError3(res, 401, /x-token-id header/);
  });
});

describe('PUT /groups/{id}', () => {
  it('changes the given fields only, answers the GroupDetail, and 1.0 reads the change', async () => {
    const g = await create({ label: label(), description: 'kept', color: '#1f5fa8', criticalness: 1 });
    const res = await c.v3('PUT', `/groups/${g.id}`, { label: `${g.label} renamed`, criticalness: 5, locked: true, userProperties: [{ label: 'room', value: '214' }] });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<GroupDetail>();
    expect(d).toMatchObject({ label: `${g.label} renamed`, description: 'kept', color: '#1f5fa8', criticalness: 5, locked: true });
    expect(d.userProperties.map((p) => [p.label, p.value])).toEqual([['room', '214']]);
    expect(await detail(g.id)).toEqual(d);
    expect(await c.json<V1Group>(`${API}/group/${g.id}`)).toMatchObject({ label: `${g.label} renamed`, color: 'BLUE', industrial_impact: 'VERY_HIGH' });
  });

  it('makes componentIds and deviceIds the members, and scores the devices that left and came', async () => {
    const [a, b] = [freeDevice(), freeDevice()];
    const g = await create({ label: label(), criticalness: 5, deviceIds: [a.id] });
    const d = (await c.v3('PUT', `/groups/${g.id}`, { deviceIds: [b.id] })).json<GroupDetail>();
    expect(d.componentIds.sort()).toEqual([...b.components].sort());
    expect(scores(a.id).group).toBeNull();
    expect(scores(a.id).stored).toBe(scores(a.id).computed);
    expect(scores(b.id).group).toMatchObject({ criticalness: 5 });
    expect(scores(b.id).stored).toBe(scores(b.id).computed);
  });

  it('answers 404 to an unknown group, 400 to a malformed id', async () => {
    expectError3(await c.v3('PUT', `/groups/${UNKNOWN}`, { label: label() }), 404, new RegExp(`Group not found: ${UNKNOWN}`));
    expectError3(await c.v3('PUT', '/groups/room-214', { label: label() }), 400, /Invalid group id/);
  });

  it('answers 409, 309, 400 and 422 (a parent nested in the group) and changes nothing', async () => {
    const parent = await create({ label: label() });
    const child = await create({ label: label(), parentId: parent.id });
    const before = world();
    expectError3(await c.v3('PUT', `/groups/${child.id}`, { label: parent.label.toLowerCase() }), 409, /already exists/);
    expectError3(await c.v3('PUT', `/groups/${child.id}`, { description: 'x', componentIds: [groupedComponent()] }), 309, /already in a group/);
    expectError3(await c.v3('PUT', `/groups/${child.id}`, { description: 'x', componentIds: [UNKNOWN] }), 400, /Unknown component id/);
    expectError3(await c.v3('PUT', `/groups/${child.id}`, { locked: 'yes' }), 400, /"locked": must be true or false/);
    expectError3(await c.v3('PUT', `/groups/${parent.id}`, { description: 'x', parentId: child.id }), 422, /Invalid parent hierarchy/);
    expectError3(await c.v3('PUT', `/groups/${parent.id}`, { parentId: parent.id }), 422, /Invalid parent hierarchy/);
    expect(world()).toBe(before);
  });

  it('answers 401 to ?token= alone', async () => {
    const g = await create({ label: label() });
    const res = await c.app.inject({ method: 'PUT', url: `${API3}/groups/${g.id}?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: '{}' });
    expectError3(res, 401, /x-token-id header/);
  });
});
