/**
 * /api/3.0/admin/sensorTemplates: the default template and one per sensor model, each with its
 * sensors, and sensors moved from one to another (addSensors), with Cisco's 404 and 400.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Template {
  id: string;
  name: string;
  description: string;
  editable: boolean;
  config: object;
  lastUpdate: number;
  sensorCount: number;
  sensorIds: string[];
  sensorsStatus: { deployed: number; deploying: number; failed: number; pending: number };
}
interface Sensor {
  id: string;
  model: string;
  status: { operationalStatus: string };
}

let c: TestCenter;
let sensors: Sensor[];
beforeAll(async () => {
  c = await testCenter();
  sensors = await c.json3<Sensor[]>('/sensors');
});
afterAll(() => c.close());
// Each test starts with every sensor in the default template.
beforeEach(() => {
  c.store.db.exec('UPDATE sensor SET template_id = NULL');
  c.store.db.exec('DELETE FROM sensor_template_update');
});

const templates = () => c.json3<Template[]>('/admin/sensorTemplates');
const byName = async (name: string) => (await templates()).find((t) => t.name === name) as Template;
const models = () => [...new Set(sensors.map((s) => s.model).filter((m) => m !== ''))].sort();

describe('GET /admin/sensorTemplates', () => {
  it('lists the default template with every sensor, then one per sensor model, empty', async () => {
    expect(sensors.length).toBeGreaterThan(1);
    expect(models().length).toBeGreaterThan(0);
    const all = await templates();
    expect(all.map((t) => t.name)).toEqual(['Default', ...models().map((m) => `${m} sensors`)]);
    const [first, ...others] = all as [Template, ...Template[]];
    const connected = sensors.filter((s) => s.status.operationalStatus === 'CONNECTED').length;
    expect(first).toMatchObject({ editable: false, config: {}, lastUpdate: 0, sensorCount: sensors.length, sensorsStatus: { deployed: connected, deploying: 0, failed: 0, pending: sensors.length - connected } });
    expect(first.sensorIds.sort()).toEqual(sensors.map((s) => s.id).sort());
    for (const t of others) expect(t).toMatchObject({ sensorCount: 0, sensorIds: [], sensorsStatus: { deployed: 0, deploying: 0, failed: 0, pending: 0 } });
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'GET', url: `${API3}/admin/sensorTemplates?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('POST /admin/sensorTemplates/{template_id}/addSensors', () => {
  it('moves the sensors into the template, answers it, and the list shows them there and not in the default one', async () => {
    const model = models()[0] as string;
    const target = await byName(`${model} sensors`);
    const [s] = sensors as [Sensor];
    const res = await c.v3('POST', `/admin/sensorTemplates/${target.id}/addSensors`, { sensorIds: [s.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, sensorCount: 1, sensorIds: [s.id], lastUpdate: NOW / 1000 });
    expect((await byName(`${model} sensors`)).sensorIds).toEqual([s.id]);
    const def = await byName('Default');
    expect(def.sensorIds).not.toContain(s.id);
    expect(def.sensorCount).toBe(sensors.length - 1);
  });

  it('moves them back with "default"', async () => {
    const target = await byName(`${models()[0]} sensors`);
    const ids = sensors.slice(0, 2).map((s) => s.id);
    expect((await c.v3('POST', `/admin/sensorTemplates/${target.id}/addSensors`, { sensorIds: ids })).statusCode).toBe(200);
    const res = await c.v3('POST', '/admin/sensorTemplates/default/addSensors', { sensorIds: [ids[0]] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Template>().name).toBe('Default');
    expect((await byName('Default')).sensorIds).toContain(ids[0]);
    expect((await byName(`${models()[0]} sensors`)).sensorIds).toEqual([ids[1]]);
  });

  it('answers 404 for an unknown template, and moves nothing', async () => {
    expectError3(await c.v3('POST', `/admin/sensorTemplates/${UNKNOWN}/addSensors`, { sensorIds: [sensors[0]?.id] }), 404, /^Sensor template not found/);
    expect((await byName('Default')).sensorCount).toBe(sensors.length);
  });

  it('answers 404 for an unknown sensor, and moves none of them', async () => {
    const target = await byName(`${models()[0]} sensors`);
    expectError3(await c.v3('POST', `/admin/sensorTemplates/${target.id}/addSensors`, { sensorIds: [sensors[0]?.id, UNKNOWN] }), 404, new RegExp(`^Sensor not found: ${UNKNOWN}$`));
    expect((await byName(`${models()[0]} sensors`)).sensorIds).toEqual([]);
  });

  it.each([
    ['no sensorIds', {}, /"sensorIds"/],
    ['sensorIds not an array', { sensorIds: 'x' }, /"sensorIds": must be an array of sensor ids/],
    ['an array', [sensors?.[0]?.id], /Invalid body: a JSON object is required/],
  ])('answers 400 to %s', async (_, payload, message) => {
    expectError3(await c.v3('POST', '/admin/sensorTemplates/default/addSensors', payload), 400, message);
    expect((await byName('Default')).lastUpdate).toBe(0);
  });
});
