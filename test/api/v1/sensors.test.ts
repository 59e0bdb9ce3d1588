/**
 * GET /sensor (guide 6.2.1): an object keyed by sensor id, `status` repeatable (alternatives)
 * and case-insensitive. Over the `small` world plus the seven fixture sensors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SensorSchema } from '../../../src/api/v1/schemas.js';
import { API, type TestCenter, UTC_TIME, expectShape, micros, testCenter } from '../../helpers.js';

type Sensor = z.infer<typeof SensorSchema>;
type Sensors = Record<string, Sensor>;

const fixtures = JSON.parse(readFileSync(new URL('../../../fixtures/sensors.json', import.meta.url), 'utf8')) as Sensor[];
const MY_SENSOR_1 = '318198cc-f826-4977-b510-10c2ffe37367';
const MY_SENSOR_2 = '9b2a4bbd-2dbe-49d0-9555-782ae81a41be';

let c: TestCenter;
/** Every sensor, unfiltered. */
let all: Sensors;

beforeAll(async () => {
  c = await testCenter();
  all = await c.json<Sensors>(`${API}/sensor`);
});
afterAll(() => c.close());

const names = (body: Sensors) => Object.values(body).map((s) => s.name).sort();
const withStatus = (...statuses: string[]) =>
  Object.keys(all).filter((id) => statuses.includes((all[id]?.status ?? '').toLowerCase())).sort();

describe('GET /api/1.0/sensor', () => {
  it('answers an object keyed by sensor id, each value a Sensor whose id is its key', () => {
    expectShape(z.record(z.string(), SensorSchema), all);
    const entries = Object.entries(all);
    expect(entries.length).toBeGreaterThanOrEqual(fixtures.length);
    for (const [key, sensor] of entries) expect(sensor.id).toBe(key);
  });

  it('holds every fixture sensor with its values (guide 5.1, 6.2.1; times as instants, printed in UTC)', () => {
    for (const f of fixtures) {
      const s = all[f.id];
      expect(s, f.id).toBeDefined();
      const timeKeys = ['creation_time', 'last_active_time', 'recording_last_start', 'recording_last_stop'] as const;
      const strip = (x: Sensor) => Object.fromEntries(Object.entries(x).filter(([k]) => !(timeKeys as readonly string[]).includes(k)));
      expect(strip(s as Sensor)).toEqual(strip(f));
      for (const k of timeKeys) {
        const [got, want] = [s?.[k], f[k]];
        if (want === null) expect(got, `${f.id} ${k}`).toBeNull();
        else {
          expect(got, `${f.id} ${k}`).toMatch(UTC_TIME);
          expect(micros(got ?? ''), `${f.id} ${k}`).toBe(micros(want));
        }
      }
    }
  });

  it('answers exactly "My sensor 1" and "My sensor 2" to status=active&status=inactive (the 6.2.1 example)', async () => {
    const body = await c.json<Sensors>(`${API}/sensor?status=active&status=inactive`);
    expect(Object.keys(body).sort()).toEqual([MY_SENSOR_1, MY_SENSOR_2]);
    expect(names(body)).toEqual(['My sensor 1', 'My sensor 2']);
    expect(body[MY_SENSOR_1]?.status).toBe('Active');
    expect(body[MY_SENSOR_2]?.status).toBe('Inactive');
    expect(Object.keys(body).sort()).toEqual(withStatus('active', 'inactive'));
  });

  it('compares the status without regard to case', async () => {
    const upper = await c.json<Sensors>(`${API}/sensor?status=ACTIVE`);
    expect(Object.keys(upper)).toEqual([MY_SENSOR_1]);
    const mixed = await c.json<Sensors>(`${API}/sensor?status=InAcTiVe`);
    expect(Object.keys(mixed)).toEqual([MY_SENSOR_2]);
  });

  it('includes every sensor with the status and excludes the others (status=connected)', async () => {
    const body = await c.json<Sensors>(`${API}/sensor?status=connected`);
    const expected = withStatus('connected');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(Object.keys(all).length);
    expect(Object.keys(body).sort()).toEqual(expected);
    for (const s of Object.values(body)) expect(s.status).toBe('Connected');
  });

  it('answers {} for a status no sensor has', async () => {
    const res = await c.get(`${API}/sensor?status=exploded`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({});
  });
});
