/** GET /api/3.0/devices/{id}/vulnerabilities, /credentials and /variables: what a device's components hold. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VariableSchema } from '../../../src/api/v3/schemas/component-relations.js';
import { DeviceCredentialSchema } from '../../../src/api/v3/schemas/devices.js';
import { JsonVulnerabilityFullInfosSchema } from '../../../src/api/v3/schemas/vulnerability-infos.js';
import { API3, TOKEN, UNKNOWN, expectError3, expectShape, testCenter, type TestCenter } from '../../helpers.js';
import { recorded, shapeGaps } from './shape.js';

type Counted = { id: string; credentialsCount: number; variablesCount: number; vulnerabilitiesCount: number; components: { id: string }[] };

let c: TestCenter;
let devices: Counted[];
beforeAll(async () => {
  c = await testCenter();
  devices = await c.json3<Counted[]>('/devices');
});
afterAll(() => c.close());

/** As the recorded answer prints them: RFC 3339 in UTC, microseconds kept when there are any (README quirk 7). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const routesOf = (suffix: string) => [
  ['404 for an unknown device', `/devices/${UNKNOWN}/${suffix}`, 404, /Device not found/],
  ['400 for an id that is not a UUID', `/devices/nope/${suffix}`, 400, /not a UUID/],
] as const;

describe('GET /devices/{id}/vulnerabilities', () => {
  it("answers the union of its components' matches, one per entry, in the recorded shape", async () => {
    const vulnerable = devices.filter((d) => d.vulnerabilitiesCount > 0);
    expect(vulnerable.length).toBeGreaterThan(3);
    const skeleton = recorded('GET /api/3.0/components/{id}/vulnerabilities');
    for (const d of vulnerable) {
      const list = await c.json3<z.infer<typeof JsonVulnerabilityFullInfosSchema>[]>(`/devices/${d.id}/vulnerabilities`);
      expectShape(z.array(JsonVulnerabilityFullInfosSchema), list);
      for (const v of list) expect(shapeGaps(v, skeleton)).toEqual([]);
      const matched = c.store.vulnerabilities.matchesOf(d.components.map((x) => x.id));
      expect(list.map((v) => v.id).sort()).toEqual([...new Set(matched.map((m) => m.vulnerability.id))].sort());
      for (const v of list) {
        for (const t of [v.creationTime, v.lastUpdate, v.publishTime, v.matchingTime]) expect(t).toMatch(DATE_TIME);
        expect(v.reasons.length).toBeGreaterThan(0);
      }
    }
  });

  it("gives this device's acknowledgements, and null ackTime where there is none", async () => {
    const acks = c.store.db.prepare('SELECT a.device_id, v.id, a.author, a.comment FROM vulnerability_ack a JOIN vulnerability v ON v.rowid = a.vulnerability_rowid').raw().all() as string[][];
    expect(acks.length).toBeGreaterThan(0);
    for (const [device, vulnerability, author, comment] of acks) {
      const list = await c.json3<z.infer<typeof JsonVulnerabilityFullInfosSchema>[]>(`/devices/${device}/vulnerabilities`);
      expect(list.find((v) => v.id === vulnerability)).toMatchObject({ ackTime: expect.stringMatching(DATE_TIME), ackAuthor: author, ackComment: comment });
      for (const v of list.filter((x) => !acks.some(([d, id]) => d === device && id === x.id))) expect([v.ackTime, v.ackAuthor, v.ackComment]).toEqual([null, '', '']);
    }
  });

  it('answers [] for a device without vulnerabilities', async () => {
    const none = devices.find((d) => d.vulnerabilitiesCount === 0);
    expect(await c.json3(`/devices/${none?.id}/vulnerabilities`)).toEqual([]);
  });

  it.each(routesOf('vulnerabilities'))('answers %s', async (_, path, status, message) => {
    expectError3(await c.v3('GET', path), status, message);
  });
});

describe('GET /devices/{id}/credentials', () => {
  it('answers what its components accepted, with the device id and ms times', async () => {
    const withCredentials = devices.filter((d) => d.credentialsCount > 0);
    expect(withCredentials.length).toBeGreaterThan(0);
    for (const d of withCredentials) {
      const list = await c.json3<z.infer<typeof DeviceCredentialSchema>[]>(`/devices/${d.id}/credentials`);
      expectShape(z.array(DeviceCredentialSchema), list);
      expect(list).toHaveLength(c.store.credentials.ofDevice(d.id).length);
      for (const x of list) {
        expect(x.deviceId).toBe(d.id);
        expect(x.lastUpdate).toBeGreaterThanOrEqual(x.creationTime);
        expect(x.creationTime).toBeGreaterThan(1e12);
      }
    }
  });

  it.each(routesOf('credentials'))('answers %s', async (_, path, status, message) => {
    expectError3(await c.v3('GET', path), status, message);
  });

  it('answers 401 to ?token= alone', async () => {
    expectError3(await c.app.inject({ url: `${API3}/devices/${devices[0]?.id}/credentials?token=${TOKEN}` }), 401, /x-token-id/);
  });
});

describe('GET /devices/{id}/variables', () => {
  it('answers the variables its components hold, with who accessed them (OPS reads every field)', async () => {
    const holders = devices.filter((d) => d.variablesCount > 0);
    expect(holders.length).toBeGreaterThan(0);
    let accesses = 0;
    for (const d of holders) {
      const list = await c.json3<z.infer<typeof VariableSchema>[]>(`/devices/${d.id}/variables`);
      expectShape(z.array(VariableSchema), list);
      expect(list).toHaveLength(d.variablesCount);
      for (const v of list) {
        for (const a of v.accesses) {
          expect(a.component.label).toEqual(expect.any(String));
          expect(a.firstAccess).toBeGreaterThanOrEqual(v.firstAccess);
          expect(a.lastAccess).toBeLessThanOrEqual(v.lastAccess);
          expect(v.types).toEqual(expect.arrayContaining(a.types));
          if (c.store.devices.ofComponent(a.component.id)) expect(a.device?.id).toBe(c.store.devices.ofComponent(a.component.id)?.id);
          accesses++;
        }
      }
    }
    expect(accesses).toBeGreaterThan(0);
  });

  it.each(routesOf('variables'))('answers %s', async (_, path, status, message) => {
    expectError3(await c.v3('GET', path), status, message);
  });
});
