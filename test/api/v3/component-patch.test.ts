/**
 * PATCH /api/3.0/components/{id}: Cisco's PartialUpdate "set" on "/group" puts a component in a
 * group, moves it, or takes it out (no id), through the group operations 1.0 uses, and scores
 * the devices of both groups again; read back through 3.0 and 1.0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskScore } from '../../../src/domain/risk-score.js';
import { groupFixtures } from './group-fixtures.js';
import { API, API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Component {
  id: string;
  group: { id: string; label: string } | null;
}

let c: TestCenter;
beforeAll(async () => {
  c = await testCenter();
});
afterAll(() => c.close());

const { freeDevice, groupedComponent, world } = groupFixtures(() => c);
let n = 0;
async function group(criticalness = 3): Promise<{ id: string; label: string }> {
  const res = await c.v3('POST', '/groups', { label: `Component patch ${++n}`, criticalness });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; label: string }>();
}
async function patch(id: string, body: unknown): Promise<Component> {
  const res = await c.v3('PATCH', `/components/${id}`, body);
  expect(res.statusCode, res.body).toBe(200);
  const answer = res.json<Component[]>();
  expect(answer).toHaveLength(1);
  return answer[0] as Component;
}
const set = (groupId?: string) => ({ op: 'set', path: '/group', value: groupId === undefined ? [] : [groupId] });
const read3 = async (id: string) => (await c.json3<Component[]>(`/components/${id}`))[0] as Component;
const members3 = async (groupId: string) => (await c.json3<{ componentIds: string[] }[]>(`/groups/${groupId}`))[0]?.componentIds ?? [];
const members1 = async (groupId: string) => (await c.json<{ components: { id: string }[] }>(`${API}/group/${groupId}`)).components.map((x) => x.id);
function scores(deviceId: string) {
  const input = c.store.riskInputs.of([deviceId])[0]?.input;
  return { stored: c.store.devices.get(deviceId)?.riskScore, computed: input && riskScore(input).riskScore, criticalness: input?.group?.criticalness ?? null };
}

describe('PATCH /components/{id}', () => {
  it('sets the group of a component in none, answers the component as GET /components/{id} does, and both APIs read it back', async () => {
    const [id] = freeDevice().components as [string];
    const g = await group();
    const answer = await patch(id, set(g.id));
    expect(answer.group).toMatchObject({ id: g.id, label: g.label });
    expect([answer]).toEqual(await c.json3<Component[]>(`/components/${id}`));
    expect(await members3(g.id)).toEqual([id]);
    expect(await members1(g.id)).toEqual([id]);
  });

  it('moves a component from its group to another (divergence: 1.0 answers 309 to adding it)', async () => {
    const [id] = freeDevice().components as [string];
    const [from, to] = [await group(), await group()];
    await patch(id, set(from.id));
    const moved = await patch(id, set(to.id));
    expect(moved.group?.id).toBe(to.id);
    expect((await read3(id)).group?.id).toBe(to.id);
    expect(await members3(from.id)).toEqual([]);
    expect(await members3(to.id)).toEqual([id]);
    expect(await members1(from.id)).toEqual([]);
    expect(await members1(to.id)).toEqual([id]);
    // Setting the group it is in again changes nothing and is no error.
    expect((await patch(id, set(to.id))).group?.id).toBe(to.id);
  });

  it('unsets the group with no id in `value`; unsetting a component in no group is no error', async () => {
    const [id] = freeDevice().components as [string];
    const g = await group();
    await patch(id, set(g.id));
    expect((await patch(id, set())).group).toBeNull();
    expect((await read3(id)).group).toBeNull();
    expect(await members3(g.id)).toEqual([]);
    expect(await members1(g.id)).toEqual([]);
    expect((await patch(id, set())).group).toBeNull();
  });

  it("scores the device again: its risk score follows the criticalness of the component's group", async () => {
    const d = freeDevice();
    const [id] = d.components as [string];
    const [high, low] = [await group(5), await group(1)];
    const none = scores(d.id);
    expect(none.criticalness).toBeNull();
    await patch(id, set(high.id));
    const inHigh = scores(d.id);
    expect(inHigh.criticalness).toBe(5);
    expect(inHigh.stored).toBe(inHigh.computed);
    expect((await c.json3<{ groupRisk: { label: string; criticalness: number } }>(`/devices/${d.id}/riskScore`)).groupRisk).toMatchObject({ label: high.label, criticalness: 5 });
    await patch(id, set(low.id));
    const inLow = scores(d.id);
    expect(inLow.criticalness).toBe(1);
    expect(inLow.stored).toBe(inLow.computed);
    expect(inLow.stored).toBeLessThan(inHigh.stored ?? 0);
    await patch(id, set());
    expect(scores(d.id)).toEqual(none);
  });

  it('takes an RFC 6902 array of the one operation, and either form as a JSON string', async () => {
    const [id] = freeDevice().components as [string];
    const [a, b] = [await group(), await group()];
    expect((await patch(id, [set(a.id)])).group?.id).toBe(a.id);
    expect((await patch(id, JSON.stringify(set(b.id)))).group?.id).toBe(b.id);
    expect((await patch(id, JSON.stringify([set()]))).group).toBeNull();
  });

  it('answers 403 to another op or path, and changes nothing', async () => {
    const [id] = freeDevice().components as [string];
    const g = await group();
    const before = world();
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'add', path: '/group', value: [g.id] }), 403, /operation "add" is not allowed on the path "\/group"/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'set', path: '/label', value: [g.id] }), 403, /operation "set" is not allowed on the path "\/label"/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'replace', path: '/groups', value: [] }), 403);
    expect(world()).toBe(before);
  });

  it('answers 400 naming the field to a malformed body, more than one group id or a malformed id, and changes nothing', async () => {
    const [id] = freeDevice().components as [string];
    const [a, b] = [await group(), await group()];
    const before = world();
    const raw = await c.app.inject({ method: 'PATCH', url: `${API3}/components/${id}`, headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' }, payload: '{"op": ' });
    expectError3(raw, 400, /JSON/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'set', path: '/group', value: [a.id, b.id] }), 400, /"0\.value": must hold one group id or none/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'set', path: '/group', value: a.id }), 400, /"0\.value": must be an array of one group id or none/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'set', path: '/group', value: ['room-214'] }), 400, /"0\.value": must hold a group id \(a UUID\)/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { path: '/group', value: [a.id] }), 400, /"0\.op": must be a string/);
    expectError3(await c.v3('PATCH', `/components/${id}`, { op: 'set', path: '/group' }), 400, /"0\.value"/);
    expectError3(await c.v3('PATCH', `/components/${id}`, [set(a.id), set()]), 400, /must hold one operation/);
    expectError3(await c.v3('PATCH', `/components/${id}`, []), 400, /must hold one operation/);
    expectError3(await c.v3('PATCH', '/components/plc-1', set(a.id)), 400, /Invalid component id: "plc-1" is not a UUID/);
    expect(world()).toBe(before);
    expect((await read3(id)).group).toBeNull();
  });

  it('answers 404 naming an unknown component or an unknown group, and changes nothing', async () => {
    const grouped = groupedComponent();
    const holder = (await read3(grouped)).group?.id;
    expect(holder).toBeDefined();
    const g = await group();
    const before = world();
    expectError3(await c.v3('PATCH', `/components/${UNKNOWN}`, set(g.id)), 404, new RegExp(`^Component not found: ${UNKNOWN}$`));
    // The component leaves no group for an unknown one.
    expectError3(await c.v3('PATCH', `/components/${grouped}`, set(UNKNOWN)), 404, new RegExp(`^Group not found: ${UNKNOWN}$`));
    expect(world()).toBe(before);
    expect((await read3(grouped)).group?.id).toBe(holder);
  });

  it('answers 401 to ?token= alone, and the component stays where it was', async () => {
    const [id] = freeDevice().components as [string];
    const g = await group();
    const res = await c.app.inject({ method: 'PATCH', url: `${API3}/components/${id}?token=${TOKEN}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(set(g.id)) });
    expectError3(res, 401, /x-token-id header/);
    expect((await read3(id)).group).toBeNull();
  });
});
