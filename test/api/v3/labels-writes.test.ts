/**
 * POST and DELETE /api/3.0/{object}/{id}/label (Cisco's postCustomName, deleteCustomName): a
 * component's name is its 1.0 custom_name, a device's its customLabel; both read back from the
 * next GET on /components, /devices, the preset lists and /api/1.0/component. Each test gets its
 * own Center, so writes do not leak.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, API3, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Labelled {
  id: string;
  label: string;
  originalLabel: string;
  customLabel: string;
}
interface Node extends Labelled {
  isDevice: boolean;
}

let c: TestCenter;
let allData: string;
/** A component of no device (a network node of its own), a component of a device, and a device. */
let orphan: Labelled;
let member: Labelled;
let device: Labelled;

beforeEach(async () => {
  c = await testCenter();
  allData = c.store.presets.list().find((p) => p.label === 'All data')?.id ?? '';
  const nodes = await c.json3<Node[]>(`/presets/${allData}/visualisations/networknode-list`);
  orphan = nodes.find((n) => !n.isDevice) as Node;
  device = nodes.find((n) => n.isDevice) as Node;
  member = (await c.json3<{ components: Labelled[] }>(`/devices/${device.id}`)).components[0] as Labelled;
  expect([orphan, member, device].every((x) => x.customLabel === '')).toBe(true);
});
afterEach(() => c.close());

const post = (object: string, id: string, body: unknown) => c.v3('POST', `/${object}/${id}/label`, body);
const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual({ Msg: 'ok', Status: 200 });
};
const find = <T extends { id: string }>(list: T[], id: string): T | undefined => list.find((x) => x.id === id);

/** What every read shows of a component's name: 3.0 detail, list, preset list, node list (if it is one), 1.0. */
async function componentNames(id: string) {
  const nodes = await c.json3<Node[]>(`/presets/${allData}/visualisations/networknode-list`);
  // GET /components/{id} answers an array (Cisco's Components).
  const [detail] = await c.json3<Labelled[]>(`/components/${id}`);
  return {
    detail: detail?.customLabel,
    label: detail?.label,
    list: find(await c.json3<Labelled[]>('/components'), id)?.customLabel,
    presetList: find(await c.json3<Labelled[]>(`/presets/${allData}/visualisations/component-list`), id)?.customLabel,
    node: find(nodes, id)?.customLabel,
    v1: (await c.json<{ custom_name?: string }>(`${API}/component/${id}`)).custom_name,
  };
}

async function deviceNames(id: string) {
  const detail = await c.json3<Labelled>(`/devices/${id}`);
  return {
    detail: detail.customLabel,
    label: detail.label,
    list: find(await c.json3<Labelled[]>('/devices'), id)?.customLabel,
    node: find(await c.json3<Node[]>(`/presets/${allData}/visualisations/networknode-list`), id)?.customLabel,
  };
}

describe('POST /{object}/{id}/label', () => {
  it("sets a component's custom name, trimmed: 3.0 and 1.0 read it back at once", async () => {
    ok(await post('components', orphan.id, { name: '  PLC room 214 ' }));
    const name = 'PLC room 214';
    expect(await componentNames(orphan.id)).toEqual({ detail: name, label: name, list: name, presetList: name, node: name, v1: name });
  });

  it("sets the name of a component that belongs to a device, not the device's", async () => {
    ok(await post('components', member.id, { name: 'Drive A' }));
    expect((await componentNames(member.id)).detail).toBe('Drive A');
    expect((await deviceNames(device.id)).detail).toBe('');
  });

  it("sets a device's custom label: /devices, /devices/{id} and networknode-list read it back", async () => {
    ok(await post('devices', device.id.toUpperCase(), { name: 'Line 3 controller' }));
    const name = 'Line 3 controller';
    expect(await deviceNames(device.id)).toEqual({ detail: name, label: name, list: name, node: name });
    expect((await c.json3<Labelled>(`/devices/${device.id}`)).originalLabel).toBe(device.originalLabel);
  });

  it('replaces a name already set', async () => {
    ok(await post('devices', device.id, { name: 'First' }));
    ok(await post('devices', device.id, { name: 'Second' }));
    expect((await deviceNames(device.id)).detail).toBe('Second');
  });

  it('removes the custom name with an empty or blank name (divergence: the document is silent)', async () => {
    ok(await post('components', orphan.id, { name: 'Temp' }));
    ok(await post('components', orphan.id, { name: '  ' }));
    expect(await componentNames(orphan.id)).toEqual({ detail: '', label: orphan.label, list: '', presetList: '', node: '', v1: undefined });
    ok(await post('devices', device.id, { name: 'Temp' }));
    ok(await post('devices', device.id, { name: '' }));
    expect((await deviceNames(device.id)).label).toBe(device.label);
  });

  it.each([
    ['a number', { name: 7 }, /body field "name": must be a string/],
    ['null', { name: null }, /body field "name": must be a string/],
    ['no name', {}, /body field "name": is mandatory/],
    ['an array body', [{ name: 'x' }], /body: a JSON object is required/],
  ])('answers 400 to %s, naming the field, and changes nothing', async (_, body, message) => {
    ok(await post('devices', device.id, { name: 'Kept' }));
    expectError3(await post('devices', device.id, body), 400, message);
    expectError3(await post('components', orphan.id, body), 400, message);
    expect((await deviceNames(device.id)).detail).toBe('Kept');
    expect((await componentNames(orphan.id)).detail).toBe('');
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await c.app.inject({
      method: 'POST',
      url: `${API3}/devices/${device.id}/label`,
      headers: { 'x-token-id': TOKEN, 'content-type': 'application/json' },
      payload: '{"name": "x"',
    });
    expectError3(res, 400, /JSON can't be properly parsed/);
    expect((await deviceNames(device.id)).detail).toBe('');
  });

  it('answers 400 to an object other than components or devices, and to a malformed id', async () => {
    expectError3(await post('groups', UNKNOWN, { name: 'x' }), 400, /path parameter "object": must be 'components' or 'devices'/);
    expectError3(await post('devices', 'line-3', { name: 'x' }), 400, /Invalid device id: "line-3"/);
  });

  it('answers 404 to an unknown component or device, and changes nothing', async () => {
    expectError3(await post('components', UNKNOWN, { name: 'x' }), 404, /Component not found/);
    expectError3(await post('devices', UNKNOWN, { name: 'x' }), 404, /Device not found/);
    // A component id is no device id, nor the reverse (networknode-list tells them apart by isDevice).
    expectError3(await post('devices', orphan.id, { name: 'x' }), 404, /Device not found/);
    expectError3(await post('components', device.id, { name: 'x' }), 404, /Component not found/);
    expect((await componentNames(orphan.id)).detail).toBe('');
  });

  it('answers 401 to ?token= alone, and changes nothing', async () => {
    const res = await c.app.inject({ method: 'POST', url: `${API3}/devices/${device.id}/label?token=${TOKEN}`, payload: { name: 'x' } });
    expectError3(res, 401, /x-token-id header/);
    expect((await deviceNames(device.id)).detail).toBe('');
  });
});

describe('DELETE /{object}/{id}/label', () => {
  it("removes a component's custom name: the original name is back everywhere, 1.0 included", async () => {
    ok(await post('components', orphan.id, { name: 'Temp' }));
    ok(await c.v3('DELETE', `/components/${orphan.id}/label`));
    expect(await componentNames(orphan.id)).toEqual({ detail: '', label: orphan.label, list: '', presetList: '', node: '', v1: undefined });
  });

  it("removes a device's custom label, and answers 200 when there is none", async () => {
    ok(await post('devices', device.id, { name: 'Temp' }));
    ok(await c.v3('DELETE', `/devices/${device.id}/label`));
    expect(await deviceNames(device.id)).toEqual({ detail: '', label: device.label, list: '', node: '' });
    ok(await c.v3('DELETE', `/devices/${device.id}/label`));
  });

  it('answers 400 to a malformed id, 404 to an unknown object (divergence: the document lists no 404)', async () => {
    expectError3(await c.v3('DELETE', '/components/x/label'), 400, /Invalid component id/);
    expectError3(await c.v3('DELETE', `/components/${UNKNOWN}/label`), 404, /Component not found/);
    expectError3(await c.v3('DELETE', `/devices/${UNKNOWN}/label`), 404, /Device not found/);
  });

  it('answers 401 to ?token= alone, and changes nothing', async () => {
    ok(await post('devices', device.id, { name: 'Kept' }));
    expectError3(await c.app.inject({ method: 'DELETE', url: `${API3}/devices/${device.id}/label?token=${TOKEN}` }), 401, /x-token-id header/);
    expect((await deviceNames(device.id)).detail).toBe('Kept');
  });
});
