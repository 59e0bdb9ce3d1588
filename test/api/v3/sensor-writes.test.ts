/**
 * The sensor writes of API 3.0 (Cisco's "Sensors"; clients.md 1.2 #43, #44): each read back
 * through GET /api/3.0/sensors[/{id}] and the 1.0 sensor list (one table). Each test gets its own
 * Center, so writes do not leak.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, API3, NOW, TOKEN, UNKNOWN, expectError, expectError3, testCenter, type TestCenter } from '../../helpers.js';
import { readZip } from '../zip-reader.js';

interface Overview {
  id: string;
  name: string;
  serialNumber: string;
  model: string;
  status: { enrollmentStatus: string; operationalStatus: string; lastReceivedSysinfo: number };
  creationTime: number;
  filter: { capture_mode: string; custom_input: string };
}
interface Details extends Overview {
  ip: string;
  snortEnabled: boolean;
  activeDiscoveryEnabled: boolean;
  activeDiscoveryConfig: unknown[];
  latitude?: number;
  longitude?: number;
}
interface V1Sensor {
  id: string;
  name: string;
  status: string;
  processing_status: string;
  serial_number: string;
  model: string;
  ip: string;
  snort_enabled: boolean;
  filter: { capture_mode: string; custom_input: string };
  creation_time: string;
}

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  c.app.services.traffic.stop();
  await c.close();
});

const v1 = () => c.json<Record<string, V1Sensor>>(`${API}/sensor`);
const list = () => c.json3<Overview[]>('/sensors');
const details = (id: string) => c.json3<Details>(`/sensors/${id}`);
const NEW = { serial: 'FOC2334X1AB', name: 'Line 3', model: 'iox', mode: 'all' };

async function declare(body: Record<string, unknown> = NEW): Promise<{ id: string }> {
  const res = await c.v3('POST', '/sensors', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string }>();
}
const noContent = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(204);
  expect(res.body).toBe('');
};
const emptyOk = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body).toBe('');
};
/** Every 1.0 flow, page by page (guide 6.4.1: `limit` 2000 at most). */
async function v1Flows(): Promise<{ id: string; sensor_id?: string | null }[]> {
  const all: { id: string; sensor_id?: string | null }[] = [];
  for (let offset = 0; ; offset += 2000) {
    const page = await c.json<{ id: string; sensor_id?: string | null }[]>(`${API}/flows?limit=2000&offset=${offset}`);
    all.push(...page);
    if (page.length < 2000) return all;
  }
}
/** A plant sensor that saw flows, and how many. */
function busySensor(): { id: string; flows: number } {
  const row = c.store.db.prepare('SELECT sensor_id AS id, count(*) AS flows FROM flow WHERE sensor_id IS NOT NULL GROUP BY sensor_id ORDER BY 2 DESC LIMIT 1').get() as { id: string; flows: number };
  expect(row.flows).toBeGreaterThan(0);
  return row;
}

describe('POST /sensors', () => {
  it("declares a sensor, not enrolled: Cisco's Sensor plus Id, listed last by 3.0 and by 1.0 with the status \"Unknown\"", async () => {
    const before = await list();
    const res = await c.v3('POST', '/sensors', { ...NEW, ip: '10.0.250.99', unknownField: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Record<string, string>>();
    expect(body).toEqual({
      id: body.id,
      Id: body.id,
      label: 'Line 3',
      ip: '10.0.250.99',
      serialNumber: 'FOC2334X1AB',
      captureMode: 'all',
      centerId: c.store.settings.get('center.id'),
    });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);

    const after = await list();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      id: body.id,
      name: 'Line 3',
      serialNumber: 'FOC2334X1AB',
      model: 'iox',
      status: { enrollmentStatus: 'UNKNOWN', operationalStatus: 'UNKNOWN', lastReceivedSysinfo: NOW / 1000 },
      creationTime: NOW / 1000,
      filter: { capture_mode: 'all', custom_input: '' },
    });
    expect(await details(body.id as string)).toMatchObject({ ip: '10.0.250.99', snortEnabled: false, uptime: 0, version: '', activeDiscoveryEnabled: false });
    expect((await v1())[body.id as string]).toMatchObject({
      name: 'Line 3',
      status: 'Unknown',
      processing_status: 'Not processing',
      serial_number: 'FOC2334X1AB',
      model: 'iox',
      ip: '10.0.250.99',
      filter: { capture_mode: 'all', custom_input: '' },
      creation_time: '2026-11-01T12:00:00Z',
    });
  });

  it('defaults: the name is the serial, the capture mode optimal, no model and no address; industrial_only and custom map to 1.0 words', async () => {
    const plain = await declare({ serial: 'FCW2339P9ZZ' });
    expect((await details(plain.id)).filter).toEqual({ capture_mode: 'optimal', custom_input: '' });
    expect((await v1())[plain.id]).toMatchObject({ name: 'FCW2339P9ZZ', model: '', ip: '' });
    const industrial = await declare({ serial: 'S1', mode: 'industrial_only' });
    expect((await v1())[industrial.id]?.filter).toEqual({ capture_mode: 'industrial-only', custom_input: '' });
    const custom = await declare({ serial: 'S2', mode: 'custom', custom: 'not arp', active_discovery_interfaces: [{ ip: '192.168.69.42', netmask: '24', vlan: 0 }] });
    expect((await v1())[custom.id]?.filter).toEqual({ capture_mode: 'custom', custom_input: 'not arp' });
    expect(await details(custom.id)).toMatchObject({ activeDiscoveryEnabled: true, activeDiscoveryConfig: [{ ip: '192.168.69.42', netmask: '24', vlan: 0 }] });
  });

  it('409 for a serial number another sensor has, without regard to case; nothing is written', async () => {
    await declare();
    const plant = c.store.sensors.list()[0]?.serialNumber as string;
    const before = await list();
    expectError3(await c.v3('POST', '/sensors', { ...NEW, serial: 'foc2334x1ab' }), 409, /serial number "foc2334x1ab" already exists/);
    expectError3(await c.v3('POST', '/sensors', { serial: plant }), 409, /already exists/);
    expect(await list()).toEqual(before);
  });

  it('400 naming the field for a missing or blank serial or a wrong type; nothing is written', async () => {
    const before = await list();
    const cases: [unknown, RegExp][] = [
      [{ name: 'x' }, /"serial": is mandatory/],
      [{ serial: '  ' }, /"serial": must not be empty/],
      [{ serial: 42 }, /"serial": must be a string/],
      [{ ...NEW, name: 3 }, /"name": must be a string/],
      [{ ...NEW, mode: 'fast' }, /"mode": must be all, optimal, industrial_only or custom/],
      [{ ...NEW, mode: 'custom' }, /"custom": must hold the custom filter/],
      [{ ...NEW, ip: '10.0.0' }, /"ip": must be an IPv4 or IPv6 address/],
      [{ ...NEW, rspan_capture: 'yes' }, /"rspan_capture": must be true or false/],
      [{ ...NEW, active_discovery_interfaces: [{ vlan: 5000 }] }, /"active_discovery_interfaces\.0\.vlan"/],
      [[NEW], /JSON object/],
    ];
    for (const [body, message] of cases) expectError3(await c.v3('POST', '/sensors', body), 400, message);
    expect(await list()).toEqual(before);
  });

  it('a declared sensor carries no traffic: the control plane refuses observations of it, the live traffic never names it', async () => {
    const s = await declare();
    const flow = { src: { mac: '00:1b:1b:8c:2a:10', ip: '10.20.1.15', port: 51234 }, dst: { mac: '00:0e:8c:84:5b:a6', ip: '10.20.1.10', port: 2222 } };
    expectError(await c.control('POST', '/_emulator/ingest/flows', { flows: [{ ...flow, sensor_id: s.id }] }), 400, /"flows\.0\.sensor_id": .* is not a sensor enrolled/);
    expectError(await c.control('POST', '/_emulator/ingest/flows', { flows: [{ ...flow, sensor_id: UNKNOWN }] }), 400, /not a sensor enrolled/);
    const plant = busySensor();
    expect((await c.control('POST', '/_emulator/ingest/flows', { flows: [{ ...flow, sensor_id: plant.id }] })).statusCode).toBe(200);

    c.app.services.traffic.setRate(500);
    for (let i = 0; i < 5; i++) c.app.services.traffic.tick();
    expect(c.app.services.traffic.status().observations).toBeGreaterThan(0);
    expect(c.store.db.prepare('SELECT count(*) FROM flow WHERE sensor_id = ?').pluck().get(s.id)).toBe(0);
  });

  it('401 for ?token= alone', async () => {
    expectError3(await c.app.inject({ method: 'POST', url: `${API3}/sensors?token=${TOKEN}`, payload: NEW }), 401);
  });
});

describe('POST /sensors/package', () => {
  it('answers a zip holding config.json (the Center, the sensor, its capture mode) and a README, named after the serial', async () => {
    const s = await declare({ ...NEW, mode: 'custom', custom: 'not arp' });
    const res = await c.v3('POST', '/sensors/package', { id: s.id.toUpperCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="sensor-package-FOC2334X1AB.zip"');
    const archive = res.rawPayload;
    expect(archive.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const entries = readZip(archive);
    expect(entries.map((e) => e.name)).toEqual(['config.json', 'README.txt']);
    const config = JSON.parse(entries[0]?.data.toString('utf8') as string) as Record<string, unknown>;
    expect(config).toEqual({
      center: { id: c.store.settings.get('center.id'), address: 'localhost:80' },
      sensor: { id: s.id, serialNumber: 'FOC2334X1AB', name: 'Line 3', model: 'iox', ip: '' },
      capture: { mode: 'custom', customFilter: 'not arp' },
      activeDiscovery: [],
      generated: '2026-11-01T12:00:00Z',
      emulated: true,
    });
    const readme = entries[1]?.data.toString('utf8') as string;
    expect(readme).toContain('FOC2334X1AB');
    expect(readme).toMatch(/no certificate and no key/);
    expect(archive.toString('latin1')).not.toMatch(/BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)/);
  });

  it('packages a sensor of the world too', async () => {
    const plant = c.store.sensors.list()[0] as { id: string; serialNumber: string };
    const res = await c.v3('POST', '/sensors/package', { id: plant.id });
    expect(res.statusCode).toBe(200);
    const [config] = readZip(res.rawPayload);
    expect(JSON.parse(config?.data.toString('utf8') as string)).toMatchObject({ sensor: { id: plant.id, serialNumber: plant.serialNumber } });
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('POST', '/sensors/package', { id: UNKNOWN }), 404, /Sensor not found/);
  });

  it('400 for a missing or malformed id', async () => {
    expectError3(await c.v3('POST', '/sensors/package', {}), 400, /"id": is mandatory/);
    expectError3(await c.v3('POST', '/sensors/package', { id: 'IC3000' }), 400, /"id": must be a sensor id/);
  });
});

describe('DELETE /sensors/{id}', () => {
  it('204: the sensor leaves /sensors, /sensors/{id} and /api/1.0/sensor', async () => {
    const s = await declare();
    noContent(await c.v3('DELETE', `/sensors/${s.id}`));
    expect((await list()).map((x) => x.id)).not.toContain(s.id);
    expectError3(await c.v3('GET', `/sensors/${s.id}`), 404);
    expect(Object.keys(await v1())).not.toContain(s.id);
  });

  it('what a deleted sensor captured stays, and every read that names sensors still answers', async () => {
    const plant = busySensor();
    const name = c.store.sensors.get(plant.id)?.name as string;
    const flowsBefore = (await v1Flows()).filter((f) => f.sensor_id === plant.id).length;
    expect(flowsBefore).toBe(plant.flows);
    const seen = await c.json3<{ id: string; sensor: { id: string } | null }[]>('/flows');
    const one = seen.find((f) => c.store.db.prepare('SELECT sensor_id FROM flow WHERE id = ?').pluck().get(f.id) === plant.id) as { id: string };
    expect((await c.json3<{ sensor: { id: string; label: string } | null }>(`/flows/${one.id}`)).sensor).toMatchObject({ id: plant.id, label: name });
    const preset = (await c.json3<{ id: string; label: string }[]>('/presets')).find((p) => p.label === `Seen by ${name}`);

    noContent(await c.v3('DELETE', `/sensors/${plant.id}`));

    // 1.0: the flows keep the id of the sensor that saw them.
    const flows = await v1Flows();
    expect(flows.filter((f) => f.sensor_id === plant.id).length).toBe(flowsBefore);
    expect((await c.get(`${API}/component?limit=10`)).statusCode).toBe(200);
    expect((await c.json<{ sensor_id: string }>(`${API}/flow/${one.id}`)).sensor_id).toBe(plant.id);
    // 3.0: the flow shows no sensor; the lists and the components answer.
    expect((await c.json3<{ sensor: unknown }>(`/flows/${one.id}`)).sensor).toBeNull();
    expect((await c.json3<unknown[]>('/flows')).length).toBe(seen.length);
    expect((await c.json3<unknown[]>('/activities')).length).toBeGreaterThan(0);
    const components = await c.json3<{ id: string; sensorNames?: string[] }[]>('/components');
    expect(components.length).toBeGreaterThan(0);
    const [detail] = await c.json3<{ sensorNames: string[] }[]>(`/components/${components[0]?.id}`);
    expect(detail?.sensorNames).not.toContain(name);
    expect((await c.json3<unknown[]>('/devices')).length).toBeGreaterThan(0);
    // A preset that names it still answers; its filter keeps what the sensor saw.
    expect(preset).toBeDefined();
    const scoped = await c.json3<unknown[]>(`/presets/${preset?.id}/visualisations/component-list`);
    expect(scoped.length).toBeGreaterThan(0);
    expect((await c.v3('GET', `/presets/${preset?.id}/visualisations/activity-list`)).statusCode).toBe(200);
    expect((await c.v3('GET', `/presets/${preset?.id}/visualisations/networknode-list`)).statusCode).toBe(200);

    // The live traffic no longer replays what it saw.
    const lastSeen = c.store.db.prepare('SELECT max(last_seen) FROM flow WHERE sensor_id = ?').pluck();
    const before = lastSeen.get(plant.id);
    c.clock.advance(3_600_000_000);
    c.app.services.traffic.setRate(1000);
    for (let i = 0; i < 5; i++) c.app.services.traffic.tick();
    expect(c.app.services.traffic.status().observations).toBeGreaterThan(0);
    expect(lastSeen.get(plant.id)).toBe(before);
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('DELETE', `/sensors/${UNKNOWN}`), 404, /Sensor not found/);
  });

  it('400 for a malformed id', async () => {
    expectError3(await c.v3('DELETE', '/sensors/IC3000'), 400, /Invalid sensor id/);
  });
});

describe('POST /sensors/rename', () => {
  it('200 "": the new name shows in 3.0 and 1.0; a blank name is the serial again', async () => {
    const s = await declare();
    emptyOk(await c.v3('POST', `/sensors/rename?id=${s.id}&name=${encodeURIComponent(' Hall B ')}`));
    expect((await details(s.id)).name).toBe('Hall B');
    expect((await v1())[s.id]?.name).toBe('Hall B');
    emptyOk(await c.v3('POST', `/sensors/rename?id=${s.id}&name=`));
    expect((await details(s.id)).name).toBe('FOC2334X1AB');
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('POST', `/sensors/rename?id=${UNKNOWN}&name=x`), 404, /Sensor not found/);
  });

  it('400 for a missing parameter or a malformed id', async () => {
    const s = await declare();
    expectError3(await c.v3('POST', `/sensors/rename?id=${s.id}`), 400, /"name": is mandatory/);
    expectError3(await c.v3('POST', '/sensors/rename?name=x'), 400, /"id": is mandatory/);
    expectError3(await c.v3('POST', '/sensors/rename?id=IC3000&name=x'), 400, /Invalid sensor id/);
    expect((await details(s.id)).name).toBe('Line 3');
  });
});

describe('POST /sensors/{id}/capture-mode', () => {
  it('200 "": all, optimal, industrial_only, or a custom filter, as 1.0 capture_mode and custom_input', async () => {
    const s = await declare();
    const cases: [string, { capture_mode: string; custom_input: string }][] = [
      ['optimal', { capture_mode: 'optimal', custom_input: '' }],
      ['industrial_only', { capture_mode: 'industrial-only', custom_input: '' }],
      ['not arp', { capture_mode: 'custom', custom_input: 'not arp' }],
      ['all', { capture_mode: 'all', custom_input: '' }],
    ];
    for (const [filter, expected] of cases) {
      emptyOk(await c.v3('POST', `/sensors/${s.id}/capture-mode`, { filter }));
      expect((await v1())[s.id]?.filter, filter).toEqual(expected);
      expect((await details(s.id)).filter, filter).toEqual(expected);
    }
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('POST', `/sensors/${UNKNOWN}/capture-mode`, { filter: 'all' }), 404, /Sensor not found/);
  });

  it('400 for a missing or blank filter, or a malformed id', async () => {
    const s = await declare();
    expectError3(await c.v3('POST', `/sensors/${s.id}/capture-mode`, {}), 400, /"filter": is mandatory/);
    expectError3(await c.v3('POST', `/sensors/${s.id}/capture-mode`, { filter: ' ' }), 400, /"filter": must not be empty/);
    expectError3(await c.v3('POST', '/sensors/IC3000/capture-mode', { filter: 'all' }), 400, /Invalid sensor id/);
    expect((await details(s.id)).filter.capture_mode).toBe('all');
  });
});

describe('PUT /sensors/{id}/location', () => {
  it('204: GET /sensors/{id} shows latitude and longitude', async () => {
    const s = await declare();
    expect('latitude' in (await details(s.id))).toBe(false);
    noContent(await c.v3('PUT', `/sensors/${s.id}/location`, { latitude: 48.8583287, longitude: 2.2943839 }));
    expect(await details(s.id)).toMatchObject({ latitude: 48.8583287, longitude: 2.2943839 });
    noContent(await c.v3('PUT', `/sensors/${s.id}/location`, { latitude: -90, longitude: 180 }));
    expect(await details(s.id)).toMatchObject({ latitude: -90, longitude: 180 });
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('PUT', `/sensors/${UNKNOWN}/location`, { latitude: 1, longitude: 2 }), 404, /Sensor not found/);
  });

  it('400 naming the field out of range or missing; nothing is written', async () => {
    const s = await declare();
    const cases: [unknown, RegExp][] = [
      [{ latitude: 90.5, longitude: 0 }, /"latitude": must be from -90 to 90/],
      [{ latitude: 0, longitude: -180.1 }, /"longitude": must be from -180 to 180/],
      [{ latitude: 0 }, /"longitude": is mandatory/],
      [{ latitude: '48', longitude: 2 }, /"latitude": must be a number/],
    ];
    for (const [body, message] of cases) expectError3(await c.v3('PUT', `/sensors/${s.id}/location`, body), 400, message);
    expect('latitude' in (await details(s.id))).toBe(false);
  });
});

describe('DELETE /sensors/{id}/location', () => {
  it('204: the location leaves GET /sensors/{id}', async () => {
    const s = await declare();
    noContent(await c.v3('PUT', `/sensors/${s.id}/location`, { latitude: 1.5, longitude: 2.5 }));
    noContent(await c.v3('DELETE', `/sensors/${s.id}/location`));
    const d = await details(s.id);
    expect('latitude' in d || 'longitude' in d).toBe(false);
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('DELETE', `/sensors/${UNKNOWN}/location`), 404, /Sensor not found/);
  });

  it('400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('DELETE', '/sensors/x/location'), 400, /Invalid sensor id/);
  });
});

describe('POST /sensors/{id}/snort/{action}', () => {
  it("204: the sensor's snort_enabled in 1.0, snortEnabled in 3.0", async () => {
    const s = await declare();
    noContent(await c.v3('POST', `/sensors/${s.id}/snort/enable`));
    expect((await v1())[s.id]?.snort_enabled).toBe(true);
    expect((await details(s.id)).snortEnabled).toBe(true);
    noContent(await c.v3('POST', `/sensors/${s.id}/snort/disable`));
    expect((await v1())[s.id]?.snort_enabled).toBe(false);
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('POST', `/sensors/${UNKNOWN}/snort/enable`), 404, /Sensor not found/);
  });

  it('400 for another action', async () => {
    const s = await declare();
    expectError3(await c.v3('POST', `/sensors/${s.id}/snort/on`), 400, /"action": must be enable or disable/);
  });
});

describe('POST /sensors/active-discovery', () => {
  it('replaces the interfaces (GET /sensors/{id}: activeDiscoveryConfig); reloaded only for a connected sensor', async () => {
    const s = await declare();
    const interfaces = [{ ip: '192.168.69.42', netmask: '24', vlan: 0 }];
    const res = await c.v3('POST', '/sensors/active-discovery', { id: s.id, active_discovery_interfaces: interfaces });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reloaded: false });
    expect(await details(s.id)).toMatchObject({ activeDiscoveryEnabled: true, activeDiscoveryConfig: interfaces });

    const connected = (await list()).find((x) => x.status.operationalStatus === 'CONNECTED') as Overview;
    expect((await c.v3('POST', '/sensors/active-discovery', { id: connected.id, active_discovery_interfaces: interfaces })).json()).toEqual({ reloaded: true });
    expect((await c.v3('POST', '/sensors/active-discovery', { id: s.id, active_discovery_interfaces: [] })).statusCode).toBe(200);
    expect(await details(s.id)).toMatchObject({ activeDiscoveryEnabled: false, activeDiscoveryConfig: [] });
  });

  it('404 for an unknown sensor', async () => {
    expectError3(await c.v3('POST', '/sensors/active-discovery', { id: UNKNOWN, active_discovery_interfaces: [] }), 404, /Sensor not found/);
  });

  it('400 naming the field', async () => {
    const s = await declare();
    expectError3(await c.v3('POST', '/sensors/active-discovery', { active_discovery_interfaces: [] }), 400, /"id": is mandatory/);
    expectError3(await c.v3('POST', '/sensors/active-discovery', { id: s.id, active_discovery_interfaces: [{ ip: 'nope' }] }), 400, /"active_discovery_interfaces\.0\.ip"/);
    expect((await details(s.id)).activeDiscoveryConfig).toEqual([]);
  });
});
