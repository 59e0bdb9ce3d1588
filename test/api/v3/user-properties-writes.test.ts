/**
 * POST /api/3.0/{object}/{id}/usersProperties, PUT and DELETE …/usersProperties/{propertyId}
 * (Cisco's postExtraField, putExtraField, deleteExtraField; clients.md 1.2 #41, #42). Read back
 * as userProperties[{id, key, value}] on components and devices, as ExtraField {id, label, value}
 * on GET /groups/{id}, and a group's as its 1.0 properties. Each test gets its own Center.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Prop {
  id: string;
  key: string;
  value: string;
}
interface Owner {
  id: string;
  userProperties: Prop[];
}
interface GroupDetail {
  id: string;
  userProperties: { id: string; label: string; value: string }[];
}
interface V1Group {
  properties: { label: string; value: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let c: TestCenter;
let device: Owner;
let component: Owner;
let group: string;

beforeEach(async () => {
  c = await testCenter();
  device = (await c.json3<Owner[]>('/devices')).find((d) => d.userProperties.length > 0) as Owner;
  component = (await c.json3<Owner[]>('/components'))[0] as Owner;
  group = ((await c.json3<{ id: string }[]>('/groups'))[0] as { id: string }).id;
});
afterEach(() => c.close());

const path = (object: string, id: string, propertyId?: string) => `/${object}/${id}/usersProperties${propertyId === undefined ? '' : `/${propertyId}`}`;
const deviceProps = async (id = device.id) => (await c.json3<Owner>(`/devices/${id}`)).userProperties;
const componentProps = async (id = component.id) => ((await c.json3<Owner[]>(`/components/${id}`))[0] as Owner).userProperties;
const groupProps = async (id = group) => ((await c.json3<GroupDetail[]>(`/groups/${id}`))[0] as GroupDetail).userProperties;
const v1GroupProps = async (id = group) => (await c.json<V1Group>(`${API}/group/${id}`)).properties.map((p) => ({ label: p.label, value: p.value }));
/** Everything the tests write to: what a failing request must leave as it was. */
const state = async () => ({ device: await deviceProps(), component: await componentProps(), group: await groupProps(), v1: await v1GroupProps() });
const ok = { Msg: 'ok', Status: 200 };

describe('POST /{object}/{id}/usersProperties', () => {
  it('adds a property to a device: the answer holds its id; /devices/{id}, /devices and its components read it back', async () => {
    const before = await deviceProps();
    const res = await c.v3('POST', path('devices', device.id), { label: ' Rack ', value: 'B-12' });
    expect(res.statusCode, res.body).toBe(200);
    const added = res.json() as { id: string; label: string; value: string };
    expect(added).toEqual({ id: expect.stringMatching(UUID), label: 'Rack', value: 'B-12' });
    const prop = { id: added.id, key: 'Rack', value: 'B-12' };
    expect(await deviceProps()).toEqual([...before, prop]);
    expect((await c.json3<Owner[]>('/devices')).find((d) => d.id === device.id)?.userProperties).toEqual([...before, prop]);
    const member = (await c.json3<{ components: { id: string }[] }>(`/devices/${device.id}`)).components[0]?.id ?? '';
    const [asComponent] = await c.json3<{ deviceUserProperties: Prop[] }[]>(`/components/${member}`);
    expect(asComponent?.deviceUserProperties).toContainEqual(prop);
  });

  it('adds a property to a component: /components/{id} and /components read it back', async () => {
    const before = await componentProps();
    const added = (await c.v3('POST', path('components', component.id), { label: 'Asset tag', value: 'AT-1' })).json() as { id: string };
    const prop = { id: added.id, key: 'Asset tag', value: 'AT-1' };
    expect(await componentProps()).toEqual([...before, prop]);
    expect((await c.json3<Owner[]>('/components')).find((x) => x.id === component.id)?.userProperties).toEqual([...before, prop]);
  });

  it("adds a property to a group: GET /groups/{id} shows it as an ExtraField, and /api/1.0/group as a property", async () => {
    const before = await v1GroupProps();
    const res = await c.v3('POST', path('groups', group), { label: 'Site', value: 'Lyon' });
    expect(res.statusCode, res.body).toBe(200);
    const added = res.json() as { id: string };
    expect((await groupProps()).at(-1)).toEqual({ id: added.id, label: 'Site', value: 'Lyon' });
    expect(await v1GroupProps()).toEqual([...before, { label: 'Site', value: 'Lyon' }]);
  });

  it('adds a second property of the same label beside the first (no 409: the document has none)', async () => {
    const first = (await c.v3('POST', path('devices', device.id), { label: 'Note', value: '1' })).json() as { id: string };
    const second = await c.v3('POST', path('devices', device.id), { label: 'Note', value: '2' });
    expect(second.statusCode, second.body).toBe(200);
    const notes = (await deviceProps()).filter((p) => p.key === 'Note');
    expect(notes.map((p) => p.value)).toEqual(['1', '2']);
    expect(notes[0]?.id).toBe(first.id);
    expect(notes[1]?.id).not.toBe(first.id);
  });

  it('takes a label of 60 characters and a value of 180, and an empty value', async () => {
    for (const body of [{ label: 'l'.repeat(60), value: 'v'.repeat(180) }, { label: 'Empty', value: '' }]) {
      const res = await c.v3('POST', path('components', component.id), body);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await componentProps()).slice(-2).map((p) => [p.key.length, p.value.length])).toEqual([[60, 180], [5, 0]]);
  });

  it.each([
    ['no label', { value: 'x' }, /body field "label": is mandatory/],
    ['a blank label', { label: '  ', value: 'x' }, /body field "label": must not be empty/],
    ['a number as label', { label: 7, value: 'x' }, /body field "label": must be a string/],
    ['no value', { label: 'x' }, /body field "value": is mandatory/],
    ['a number as value', { label: 'x', value: 7 }, /body field "value": must be a string/],
    ['an array body', [{ label: 'x', value: 'y' }], /body: a JSON object is required/],
  ])('answers 400 to %s, naming the field, and changes nothing', async (_, body, message) => {
    const before = await state();
    for (const [object, id] of [['devices', device.id], ['components', component.id], ['groups', group]] as const) {
      expectError3(await c.v3('POST', path(object, id), body), 400, message);
    }
    expect(await state()).toEqual(before);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const before = await state();
    const res = await c.app.inject({
      method: 'POST',
      url: `${API3}${path('devices', device.id)}`,
      headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' },
      payload: '{"label": "x", ',
    });
    expectError3(res, 400, /JSON can't be properly parsed/);
    expect(await state()).toEqual(before);
  });

  it('answers 412 to a label over 60 characters or a value over 180 (Cisco\'s document), and changes nothing', async () => {
    const before = await state();
    expectError3(await c.v3('POST', path('devices', device.id), { label: 'l'.repeat(61), value: 'x' }), 412, /label should be <= 60 characters \(it has 61\)/);
    expectError3(await c.v3('POST', path('groups', group), { label: 'x', value: 'v'.repeat(181) }), 412, /value should be <= 180 characters/);
    expect(await state()).toEqual(before);
  });

  it('answers 400 to an object other than components, groups or devices, and to a malformed id', async () => {
    expectError3(await c.v3('POST', path('sensors', UNKNOWN), { label: 'x', value: 'y' }), 400, /path parameter "object": must be 'components', 'groups' or 'devices'/);
    expectError3(await c.v3('POST', path('groups', 'Room 214'), { label: 'x', value: 'y' }), 400, /Invalid group id/);
  });

  it('answers 404 to an unknown component, group or device, and changes nothing', async () => {
    const before = await state();
    expectError3(await c.v3('POST', path('components', UNKNOWN), { label: 'x', value: 'y' }), 404, /Component not found/);
    expectError3(await c.v3('POST', path('groups', UNKNOWN), { label: 'x', value: 'y' }), 404, /Group not found/);
    expectError3(await c.v3('POST', path('devices', component.id), { label: 'x', value: 'y' }), 404, /Device not found/);
    expect(await state()).toEqual(before);
    expect(c.store.userProperties.list('component', UNKNOWN)).toEqual([]);
  });

  it('answers 401 to ?token= alone, and changes nothing', async () => {
    const before = await state();
    const res = await c.app.inject({ method: 'POST', url: `${API3}${path('devices', device.id)}?token=${TOKEN}`, payload: { label: 'x', value: 'y' } });
    expectError3(res, 401, /x-token-id header/);
    expect(await state()).toEqual(before);
  });
});

describe('PUT /{object}/{id}/usersProperties/{propertyId}', () => {
  it("changes a device's property in place: same id, same position", async () => {
    const before = await deviceProps();
    const target = before[0] as Prop;
    const res = await c.v3('PUT', path('devices', device.id, target.id.toUpperCase()), { label: 'Location', value: 'Hall 2' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(ok);
    expect(await deviceProps()).toEqual([{ id: target.id, key: 'Location', value: 'Hall 2' }, ...before.slice(1)]);
  });

  it("changes a component's property", async () => {
    const added = (await c.v3('POST', path('components', component.id), { label: 'a', value: '1' })).json() as { id: string };
    expect((await c.v3('PUT', path('components', component.id, added.id), { label: 'b', value: '2' })).json()).toEqual(ok);
    expect((await componentProps()).at(-1)).toEqual({ id: added.id, key: 'b', value: '2' });
  });

  it('changes a property a 1.0 client gave the group, by the id 3.0 shows; 1.0 reads the change', async () => {
    const set = await c.send('PUT', `${API}/group/${group}`, { properties: [{ label: 'Site', value: 'Lyon' }, { label: 'Floor', value: '1' }] });
    expect(set.statusCode, set.body).toBe(200);
    const floor = (await groupProps())[1] as { id: string };
    expect((await c.v3('PUT', path('groups', group, floor.id), { label: 'Floor', value: '2' })).statusCode).toBe(200);
    expect(await v1GroupProps()).toEqual([{ label: 'Site', value: 'Lyon' }, { label: 'Floor', value: '2' }]);
    expect((await groupProps())[1]).toEqual({ id: floor.id, label: 'Floor', value: '2' });
  });

  it('answers 400 to a bad body, 412 to a long label, and changes nothing', async () => {
    const before = await state();
    const target = (before.device[0] as Prop).id;
    expectError3(await c.v3('PUT', path('devices', device.id, target), { value: 'x' }), 400, /body field "label": is mandatory/);
    expectError3(await c.v3('PUT', path('devices', device.id, target), { label: 'x', value: null }), 400, /body field "value": must be a string/);
    expectError3(await c.v3('PUT', path('devices', device.id, target), { label: 'l'.repeat(61), value: 'x' }), 412, /label should be <= 60/);
    expect(await state()).toEqual(before);
  });

  it("answers 404 to an unknown property, another object's property or an unknown object, 400 to a malformed property id", async () => {
    const before = await state();
    const target = (before.device[0] as Prop).id;
    const body = { label: 'x', value: 'y' };
    expectError3(await c.v3('PUT', path('devices', device.id, UNKNOWN), body), 404, new RegExp(`User property not found: ${UNKNOWN}`));
    expectError3(await c.v3('PUT', path('components', component.id, target), body), 404, /User property not found/);
    expectError3(await c.v3('PUT', path('groups', group, target), body), 404, /User property not found/);
    expectError3(await c.v3('PUT', path('devices', UNKNOWN, target), body), 404, /Device not found/);
    expectError3(await c.v3('PUT', path('devices', device.id, 'p1'), body), 400, /Invalid property id: "p1"/);
    expect(await state()).toEqual(before);
  });

  it('answers 401 to ?token= alone, and changes nothing', async () => {
    const before = await state();
    const target = (before.device[0] as Prop).id;
    const res = await c.app.inject({ method: 'PUT', url: `${API3}${path('devices', device.id, target)}?token=${TOKEN}`, payload: { label: 'x', value: 'y' } });
    expectError3(res, 401, /x-token-id header/);
    expect(await state()).toEqual(before);
  });
});

describe('DELETE /{object}/{id}/usersProperties/{propertyId}', () => {
  it("removes a device's property, and answers 404 to a second delete", async () => {
    const [target, ...rest] = await deviceProps();
    const res = await c.v3('DELETE', path('devices', device.id, (target as Prop).id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(ok);
    expect(await deviceProps()).toEqual(rest);
    expectError3(await c.v3('DELETE', path('devices', device.id, (target as Prop).id)), 404, /User property not found/);
  });

  it("removes a component's property", async () => {
    const before = await componentProps();
    const added = (await c.v3('POST', path('components', component.id), { label: 'a', value: '1' })).json() as { id: string };
    expect((await c.v3('DELETE', path('components', component.id, added.id))).statusCode).toBe(200);
    expect(await componentProps()).toEqual(before);
  });

  it("removes a group's property: 1.0 no longer shows it", async () => {
    await c.send('PUT', `${API}/group/${group}`, { properties: [{ label: 'Site', value: 'Lyon' }, { label: 'Floor', value: '1' }] });
    const site = (await groupProps())[0] as { id: string };
    expect((await c.v3('DELETE', path('groups', group, site.id))).statusCode).toBe(200);
    expect(await v1GroupProps()).toEqual([{ label: 'Floor', value: '1' }]);
    expect((await groupProps()).map((p) => p.label)).toEqual(['Floor']);
  });

  it("answers 404 to another object's property or an unknown object, 400 to a malformed id, and changes nothing", async () => {
    const before = await state();
    const target = (before.device[0] as Prop).id;
    expectError3(await c.v3('DELETE', path('components', component.id, target)), 404, /User property not found/);
    expectError3(await c.v3('DELETE', path('groups', UNKNOWN, target)), 404, /Group not found/);
    expectError3(await c.v3('DELETE', path('devices', device.id, 'p1')), 400, /Invalid property id/);
    expect(await state()).toEqual(before);
  });

  it('answers 401 to ?token= alone, and changes nothing', async () => {
    const before = await state();
    const target = (before.device[0] as Prop).id;
    expectError3(await c.app.inject({ method: 'DELETE', url: `${API3}${path('devices', device.id, target)}?token=${TOKEN}` }), 401, /x-token-id header/);
    expect(await state()).toEqual(before);
  });
});
