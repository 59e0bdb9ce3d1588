/**
 * GET /api/3.0/sensors and /sensors/{id}: the 1.0 sensors in Cisco's SensorOverview and
 * SensorDetails, their guide 5.1 status as the pair Ansible tests (clients.md row 29).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { SensorDetailsSchema, SensorOverviewSchema } from '../../../src/api/v3/schemas/sensors.js';
import { uptimeSeconds } from '../../../src/api/v3/serialize/sensors.js';
import type { Sensor } from '../../../src/domain/types.js';
import { recorded, shapeGaps } from './shape.js';

type Overview = z.infer<typeof SensorOverviewSchema>;
type Details = z.infer<typeof SensorDetailsSchema>;
interface V1Sensor {
  ip: string;
  version: string;
  hardware_type: string;
  snort_enabled: boolean;
  uptime: string;
  recording_last_start: string | null;
}

const OVERVIEW_FIELDS = ['centerId', 'certificateSerial', 'creationTime', 'filter', 'id', 'mac', 'model', 'name', 'serialNumber', 'status'];

let c: TestCenter;
let sensors: Overview[];
let stored: Sensor[];
beforeAll(async () => {
  c = await testCenter();
  sensors = await c.json3<Overview[]>('/sensors');
  stored = c.store.sensors.list();
});
afterAll(() => c.close());

const storedById = (id: string) => stored.find((s) => s.id === id) as Sensor;

describe('GET /sensors', () => {
  it('lists every sensor, oldest first, with the fields of Cisco SensorOverview and those a real Center gave', async () => {
    expect(sensors.map((s) => s.id)).toEqual(stored.map((s) => s.id));
    expect(sensors.length).toBeGreaterThan(5);
    expectShape(z.array(SensorOverviewSchema), sensors);
    expect(shapeGaps(sensors, { types: ['array'], items: recorded('GET /api/3.0/sensors') })).toEqual([]);
    for (const s of sensors) {
      expect(Object.keys(s).sort()).toEqual(OVERVIEW_FIELDS);
      const t = storedById(s.id);
      expect(s).toMatchObject({ name: t.name, serialNumber: t.serialNumber, model: t.model, filter: { capture_mode: t.captureMode, custom_input: t.customInput } });
      expect(s.creationTime).toBe(Math.floor(t.creationTime / 1000));
      expect(s.status.lastReceivedSysinfo).toBe(Math.floor(t.lastActiveTime / 1000));
      expect(s.centerId).toBe(c.store.settings.get('center.id'));
      expect(s.mac).toMatch(/^02(:[0-9a-f]{2}){5}$/);
      expect(s.certificateSerial).toMatch(/^[0-9A-F]{32}$/);
    }
    expect(new Set(sensors.map((s) => s.mac)).size).toBe(sensors.length);
  });

  it('gives each guide 5.1 status as Cisco enrollment and operational statuses: ENROLLED and CONNECTED for a connected sensor', () => {
    const expected: Record<string, [string, string]> = {
      Connected: ['ENROLLED', 'CONNECTED'],
      Active: ['ENROLLED', 'CONNECTED'],
      Disconnected: ['ENROLLED', 'DISCONNECTED'],
      Inactive: ['ENROLLED', 'DISCONNECTED'],
    };
    // The world holds sensors of each of the four statuses.
    expect(new Set(stored.map((s) => s.status))).toEqual(new Set(Object.keys(expected)));
    for (const s of sensors) {
      expect([s.status.enrollmentStatus, s.status.operationalStatus], storedById(s.id).status).toEqual(expected[storedById(s.id).status]);
    }
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/sensors?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});

describe('GET /sensors/{id}', () => {
  it("answers the sensor's overview and details, as 1.0 GET /sensor gives them", async () => {
    const v1 = await c.json<Record<string, V1Sensor>>(`${API}/sensor`);
    let withRecording = 0;
    for (const s of sensors) {
      const d = await c.json3<Details>(`/sensors/${s.id}`);
      expectShape(SensorDetailsSchema, d);
      expect(d).toMatchObject(s);
      const one = v1[s.id] as V1Sensor;
      expect(d).toMatchObject({ ip: one.ip, version: one.version, hardwareType: one.hardware_type, snortEnabled: one.snort_enabled, uptime: uptimeSeconds(one.uptime) });
      expect(d.lastUpdate).toBe(s.status.lastReceivedSysinfo);
      expect('recordingLastStart' in d).toBe(one.recording_last_start !== null);
      if (d.recordingLastStart !== undefined) {
        withRecording++;
        expect(d.recordingLastStart).toBe(Date.parse(one.recording_last_start as string));
      }
      // Connected sensors have been up for a while; the others report no uptime.
      expect(d.uptime > 0).toBe(s.status.operationalStatus === 'CONNECTED');
    }
    expect(withRecording).toBeGreaterThan(0);
  });

  it('reads uptime text as seconds', () => {
    expect(uptimeSeconds('2d 3h 41m')).toBe(2 * 86_400 + 3 * 3600 + 41 * 60);
    expect(uptimeSeconds('7m 25s ')).toBe(445);
    expect(uptimeSeconds('')).toBe(0);
  });

  it('reads the id without case', async () => {
    const id = sensors[0]?.id as string;
    expect((await c.json3<Details>(`/sensors/${id.toUpperCase()}`)).id).toBe(id);
  });

  it('answers 404 for an unknown id', async () => {
    expectError3(await c.v3('GET', `/sensors/${UNKNOWN}`), 404, new RegExp(`Sensor not found: ${UNKNOWN}`));
  });

  it('answers 400 for a malformed id', async () => {
    expectError3(await c.v3('GET', '/sensors/IC3000'), 400, /Invalid sensor id: "IC3000"/);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/sensors/${sensors[0]?.id}?token=${TOKEN}` }), 401, /x-token-id header/);
  });
});
