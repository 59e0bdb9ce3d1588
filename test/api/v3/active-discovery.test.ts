/**
 * Active discovery of API 3.0 (Cisco's "ActiveDiscovery"): profiles and policies, written and
 * read back through their GET routes; runOnce, start and stop change the profile's state and
 * record a scan on the test clock (no packet is sent), which lastScan answers. Deleting a sensor,
 * a preset or a policy keeps the profiles consistent. Each test gets its own Center.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API3, NOW, TOKEN, UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Profile {
  id: string;
  name: string;
  allSensorSelected: boolean;
  sensors: { id: string; name: string }[];
  presets: { id: string; label: string }[];
  policyId: string;
  ipRanges: string[];
  ipTargets: string[];
  runOnce: string;
  scanFrequency: string;
  schedulingStatus: string;
  startTime: number;
  endTime: number;
  lastStartTimeScan: number;
  lastStartTimeScanStatus: string;
}
interface Policy {
  id: string;
  name: string;
  broadcast: { id: string; protocol: string; enabled: boolean; parameters: string }[];
  unicast: { id: string; protocol: string; enabled: boolean; parameters: string }[];
  relatedProfiles: { id: string; name: string }[];
}
interface Scan {
  scanID: string;
  startDate: number;
  endDate: number;
  status: string;
  statusText: string;
  scanRequests: { sensorName: string; protocol: string; protocolMode: string; ipTargetsCount: number; status: string; statusText: string; percentageProgress: number }[];
}

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(() => c.close());

const OK = { Msg: 'ok', Status: 200 };
const NOW_MS = NOW / 1000;
const profiles = () => c.json3<Profile[]>('/activeDiscovery/profile');
const policies = () => c.json3<Policy[]>('/presets/activeDiscovery/policy');
const profileNamed = async (name: string) => (await profiles()).find((p) => p.name === name) as Profile;

async function sensor(serial: string, enabled = true): Promise<string> {
  const res = await c.v3('POST', '/sensors', { serial, name: `sensor ${serial}` });
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json<{ id: string }>().id;
  if (enabled) expect((await c.v3('POST', '/sensors/active-discovery', { id, active_discovery_interfaces: [{ ip: '10.1.0.2', netmask: '24' }] })).statusCode).toBe(200);
  return id;
}
async function policy(body: Record<string, unknown> = { name: 'OT probes', broadcast: [{ protocol: 'Profinet', enabled: true }], unicast: [{ protocol: 'S7', enabled: true }, { protocol: 'SNMP' }] }): Promise<Policy> {
  const res = await c.v3('POST', '/presets/activeDiscovery/policy', body);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual(OK);
  return (await policies()).find((p) => p.name === body.name) as Policy;
}
async function profile(body: Record<string, unknown>): Promise<Profile> {
  const res = await c.v3('POST', '/activeDiscovery/profile', body);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual(OK);
  return profileNamed(body.name as string);
}

describe('GET /activeDiscovery/profile', () => {
  it('lists every profile, oldest first ([] at first)', async () => {
    expect(await profiles()).toEqual([]);
    const a = await profile({ name: 'A' });
    const b = await profile({ name: 'B' });
    expect((await profiles()).map((p) => p.id)).toEqual([a.id, b.id]);
  });
  it('401 without a token', async () => {
    expectError3(await c.app.inject({ url: `${API3}/activeDiscovery/profile?token=${TOKEN}` }), 401);
  });
});

describe('POST /activeDiscovery/profile', () => {
  it('stores the profile, NOT_SCHEDULED, with its sensors, presets and policy named as now', async () => {
    const s = await sensor('FOC-AD1');
    const pol = await policy();
    const preset = (await c.v3('POST', '/presets', { label: 'Cell 1' })).json<{ id: string }>();
    const p = await profile({ name: 'Cell 1 scan', policyId: pol.id, sensors: [{ id: s, name: 'ignored' }], presets: [{ id: preset.id }], ipRanges: ['10.1.0.0/30', '10.2.0.1-10.2.0.3'], ipTargets: ['10.1.1.5'], scanFrequency: 'DAILY', startTime: 1000, endTime: 2000 });
    expect(p).toEqual({
      id: p.id,
      name: 'Cell 1 scan',
      allSensorSelected: false,
      sensors: [{ id: s, name: 'sensor FOC-AD1' }],
      presets: [{ id: preset.id, label: 'Cell 1' }],
      policyId: pol.id,
      ipRanges: ['10.1.0.0/30', '10.2.0.1-10.2.0.3'],
      ipTargets: ['10.1.1.5'],
      runOnce: '',
      scanFrequency: 'DAILY',
      schedulingStatus: 'NOT_SCHEDULED',
      startTime: 1000,
      endTime: 2000,
      lastStartTimeScan: 0,
      lastStartTimeScanStatus: '',
    });
    expect((await c.json3<Policy>(`/presets/activeDiscovery/policy/${pol.id}`)).relatedProfiles).toEqual([{ id: p.id, name: 'Cell 1 scan' }]);
  });
  it('allSensorSelected lists every sensor whose active discovery is on', async () => {
    const on = await sensor('FOC-ON');
    await sensor('FOC-OFF', false);
    expect((await profile({ name: 'All', allSensorSelected: true })).sensors).toEqual([{ id: on, name: 'sensor FOC-ON' }]);
  });
  it('400 naming the field: no name, bad types, bad addresses, unknown references, a sensor without active discovery', async () => {
    const off = await sensor('FOC-OFF', false);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /"name": is mandatory/],
      [{ name: 'x', allSensorSelected: 'yes' }, /allSensorSelected/],
      [{ name: 'x', ipTargets: ['10.1.1.300'] }, /"ipTargets": must be an IPv4 address/],
      [{ name: 'x', ipRanges: ['10.1.0.0'] }, /"ipRanges": must be an IPv4 range/],
      [{ name: 'x', startTime: 5, endTime: 4 }, /endTime/],
      [{ name: 'x', sensors: [{ id: UNKNOWN }] }, /sensors\.0\.id.*unknown sensor/],
      [{ name: 'x', sensors: [{ id: off }] }, /sensors\.0\.id.*active discovery is disabled/],
      [{ name: 'x', presets: [{ id: UNKNOWN }] }, /presets\.0\.id/],
      [{ name: 'x', policyId: UNKNOWN }, /policyId/],
    ];
    for (const [body, message] of cases) expectError3(await c.v3('POST', '/activeDiscovery/profile', body), 400, message);
    expect(await profiles()).toEqual([]);
  });
  it('409 for a name another profile has, without case', async () => {
    await profile({ name: 'Cell 1 scan' });
    expectError3(await c.v3('POST', '/activeDiscovery/profile', { name: 'CELL 1 SCAN' }), 409);
    expect(await profiles()).toHaveLength(1);
  });
});

describe('GET /activeDiscovery/profile/{profile_id}', () => {
  it('answers the profile as an array of one', async () => {
    const p = await profile({ name: 'One' });
    expect(await c.json3(`/activeDiscovery/profile/${p.id}`)).toEqual([p]);
  });
  it('400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', '/activeDiscovery/profile/x'), 400, /not a UUID/);
  });
  it('404 for an unknown profile', async () => {
    expectError3(await c.v3('GET', `/activeDiscovery/profile/${UNKNOWN}`), 404);
  });
});

describe('PATCH /activeDiscovery/profile/{profile_id}', () => {
  it('the fields given replace, absent ones stay', async () => {
    const p = await profile({ name: 'Edit me', ipTargets: ['10.0.0.1'], scanFrequency: 'DAILY' });
    expect((await c.v3('PATCH', `/activeDiscovery/profile/${p.id}`, { ipTargets: ['10.0.0.2', '10.0.0.3'] })).json()).toEqual(OK);
    expect(await c.json3(`/activeDiscovery/profile/${p.id}`)).toEqual([{ ...p, ipTargets: ['10.0.0.2', '10.0.0.3'] }]);
  });
  it('400 for a bad payload or an id in the body that differs; nothing changes', async () => {
    const p = await profile({ name: 'Edit me' });
    expectError3(await c.v3('PATCH', `/activeDiscovery/profile/${p.id}`, { name: 'New', sensors: [{ id: UNKNOWN }] }), 400, /sensors\.0\.id/);
    expectError3(await c.v3('PATCH', `/activeDiscovery/profile/${p.id}`, { id: UNKNOWN }), 400);
    expectError3(await c.v3('PATCH', '/activeDiscovery/profile/x', {}), 400);
    expect(await profiles()).toEqual([p]);
  });
  it('404 for an unknown profile', async () => {
    expectError3(await c.v3('PATCH', `/activeDiscovery/profile/${UNKNOWN}`, { name: 'x' }), 404);
  });
  it('409 for a name another profile has', async () => {
    await profile({ name: 'A' });
    const b = await profile({ name: 'B' });
    expectError3(await c.v3('PATCH', `/activeDiscovery/profile/${b.id}`, { name: 'a' }), 409);
  });
});

describe('DELETE /activeDiscovery/profile/{profile_id}', () => {
  it('deletes it; it leaves its policy\'s relatedProfiles', async () => {
    const pol = await policy();
    const p = await profile({ name: 'Gone', policyId: pol.id });
    expect((await c.v3('DELETE', `/activeDiscovery/profile/${p.id}`)).json()).toEqual(OK);
    expect(await profiles()).toEqual([]);
    expect((await c.json3<Policy>(`/presets/activeDiscovery/policy/${pol.id}`)).relatedProfiles).toEqual([]);
  });
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expectError3(await c.v3('DELETE', '/activeDiscovery/profile/x'), 400);
    expectError3(await c.v3('DELETE', `/activeDiscovery/profile/${UNKNOWN}`), 404);
  });
});

describe('POST /activeDiscovery/profile/{profile_id}/runOnce', () => {
  it('records a scan at the clock\'s time: a request per sensor and enabled protocol, no packet sent', async () => {
    const s = await sensor('FOC-RUN');
    const pol = await policy();
    const p = await profile({ name: 'Run', policyId: pol.id, sensors: [{ id: s }], ipRanges: ['10.1.0.0/30'], ipTargets: ['10.1.1.5'] });
    expect(await c.json3(`/activeDiscovery/profile/${p.id}/lastScan`)).toEqual([]);
    expect((await c.v3('POST', `/activeDiscovery/profile/${p.id}/runOnce`)).json()).toEqual(OK);
    const [scan] = await c.json3<Scan[]>(`/activeDiscovery/profile/${p.id}/lastScan`);
    expect(scan).toMatchObject({ startDate: NOW_MS, endDate: NOW_MS, status: 'COMPLETED', statusText: 'Emulated: no packet was sent' });
    expect(scan?.scanRequests.map((r) => [r.sensorName, r.protocolMode, r.protocol, r.ipTargetsCount, r.status, r.percentageProgress])).toEqual([
      ['sensor FOC-RUN', 'BROADCAST', 'Profinet', 0, 'COMPLETED', 100],
      ['sensor FOC-RUN', 'UNICAST', 'S7', 5, 'COMPLETED', 100],
    ]);
    const [read] = await c.json3<Profile[]>(`/activeDiscovery/profile/${p.id}`);
    expect(read).toMatchObject({ lastStartTimeScan: NOW_MS, lastStartTimeScanStatus: 'COMPLETED', schedulingStatus: 'NOT_SCHEDULED' });
  });
  it('a sensor whose active discovery was turned off gives ERROR requests; a profile without a policy an ERROR scan', async () => {
    const s = await sensor('FOC-LATER');
    const pol = await policy();
    const p = await profile({ name: 'Run', policyId: pol.id, sensors: [{ id: s }] });
    expect((await c.v3('POST', '/sensors/active-discovery', { id: s, active_discovery_interfaces: [] })).statusCode).toBe(200);
    await c.v3('POST', `/activeDiscovery/profile/${p.id}/runOnce`);
    const [scan] = await c.json3<Scan[]>(`/activeDiscovery/profile/${p.id}/lastScan`);
    expect(scan?.status).toBe('ERROR');
    expect(scan?.scanRequests.every((r) => r.status === 'ERROR' && /disabled/.test(r.statusText))).toBe(true);
    const bare = await profile({ name: 'Bare' });
    await c.v3('POST', `/activeDiscovery/profile/${bare.id}/runOnce`);
    expect(await c.json3(`/activeDiscovery/profile/${bare.id}/lastScan`)).toEqual([expect.objectContaining({ status: 'ERROR', scanRequests: [] })]);
  });
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expectError3(await c.v3('POST', '/activeDiscovery/profile/x/runOnce'), 400);
    expectError3(await c.v3('POST', `/activeDiscovery/profile/${UNKNOWN}/runOnce`), 404);
  });
});

describe('GET /activeDiscovery/profile/{profile_id}/lastScan', () => {
  it('answers the last run only', async () => {
    const p = await profile({ name: 'Twice' });
    await c.v3('POST', `/activeDiscovery/profile/${p.id}/runOnce`);
    const [first] = await c.json3<Scan[]>(`/activeDiscovery/profile/${p.id}/lastScan`);
    c.clock.advance(60_000_000);
    await c.v3('POST', `/activeDiscovery/profile/${p.id}/runOnce`);
    const scans = await c.json3<Scan[]>(`/activeDiscovery/profile/${p.id}/lastScan`);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.startDate).toBe(NOW_MS + 60_000);
    expect(scans[0]?.scanID).not.toBe(first?.scanID);
  });
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expectError3(await c.v3('GET', '/activeDiscovery/profile/x/lastScan'), 400);
    expectError3(await c.v3('GET', `/activeDiscovery/profile/${UNKNOWN}/lastScan`), 404);
  });
});

describe('POST /activeDiscovery/profile/{profile_id}/start', () => {
  it('SCHEDULED, with the first run recorded now; again changes nothing', async () => {
    const p = await profile({ name: 'Sched' });
    expect((await c.v3('POST', `/activeDiscovery/profile/${p.id}/start`)).json()).toEqual(OK);
    expect((await c.json3<Profile[]>(`/activeDiscovery/profile/${p.id}`))[0]).toMatchObject({ schedulingStatus: 'SCHEDULED', lastStartTimeScan: NOW_MS });
    c.clock.advance(60_000_000);
    await c.v3('POST', `/activeDiscovery/profile/${p.id}/start`);
    expect((await c.json3<Profile[]>(`/activeDiscovery/profile/${p.id}`))[0]?.lastStartTimeScan).toBe(NOW_MS);
  });
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expectError3(await c.v3('POST', '/activeDiscovery/profile/x/start'), 400);
    expectError3(await c.v3('POST', `/activeDiscovery/profile/${UNKNOWN}/start`), 404);
  });
});

describe('POST /activeDiscovery/profile/{profile_id}/stop', () => {
  it('NOT_SCHEDULED; the last scan stays', async () => {
    const p = await profile({ name: 'Sched' });
    await c.v3('POST', `/activeDiscovery/profile/${p.id}/start`);
    expect((await c.v3('POST', `/activeDiscovery/profile/${p.id}/stop`)).json()).toEqual(OK);
    expect((await c.json3<Profile[]>(`/activeDiscovery/profile/${p.id}`))[0]).toMatchObject({ schedulingStatus: 'NOT_SCHEDULED', lastStartTimeScan: NOW_MS });
  });
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expectError3(await c.v3('POST', '/activeDiscovery/profile/x/stop'), 400);
    expectError3(await c.v3('POST', `/activeDiscovery/profile/${UNKNOWN}/stop`), 404);
  });
});

describe('GET /presets/activeDiscovery/policy', () => {
  it('lists every policy, oldest first ([] at first)', async () => {
    expect(await policies()).toEqual([]);
    const a = await policy({ name: 'A' });
    const b = await policy({ name: 'B' });
    expect((await policies()).map((p) => p.id)).toEqual([a.id, b.id]);
  });
});

describe('POST /presets/activeDiscovery/policy', () => {
  it('stores the protocols: enabled false and parameters "" when absent, an id given to each', async () => {
    const p = await policy();
    expect(p).toEqual({
      id: p.id,
      name: 'OT probes',
      broadcast: [{ id: expect.any(String), protocol: 'Profinet', enabled: true, parameters: '' }],
      unicast: [
        { id: expect.any(String), protocol: 'S7', enabled: true, parameters: '' },
        { id: expect.any(String), protocol: 'SNMP', enabled: false, parameters: '' },
      ],
      relatedProfiles: [],
    });
  });
  it('400 naming the field: no name, a protocol without its name or twice, a wrong type', async () => {
    expectError3(await c.v3('POST', '/presets/activeDiscovery/policy', {}), 400, /"name": is mandatory/);
    expectError3(await c.v3('POST', '/presets/activeDiscovery/policy', { name: 'x', unicast: [{ enabled: true }] }), 400, /unicast\.0\.protocol/);
    expectError3(await c.v3('POST', '/presets/activeDiscovery/policy', { name: 'x', unicast: [{ protocol: 'S7' }, { protocol: 's7' }] }), 400, /unicast\.1\.protocol/);
    expectError3(await c.v3('POST', '/presets/activeDiscovery/policy', { name: 'x', broadcast: [{ protocol: 'S7', enabled: 'yes' }] }), 400, /broadcast\.0\.enabled/);
    expect(await policies()).toEqual([]);
  });
  it('409 for a name another policy has, without case', async () => {
    await policy({ name: 'OT probes' });
    expectError3(await c.v3('POST', '/presets/activeDiscovery/policy', { name: 'ot PROBES' }), 409);
  });
});

describe('GET /presets/activeDiscovery/policy/{policy_id}', () => {
  it('answers the policy', async () => {
    const p = await policy();
    expect(await c.json3(`/presets/activeDiscovery/policy/${p.id}`)).toEqual(p);
  });
  it('404 for an unknown policy (400 for a malformed id)', async () => {
    expectError3(await c.v3('GET', `/presets/activeDiscovery/policy/${UNKNOWN}`), 404);
    expectError3(await c.v3('GET', '/presets/activeDiscovery/policy/x'), 400);
  });
});

describe('PUT /presets/activeDiscovery/policy/{policy_id}', () => {
  it('the fields given replace, absent ones stay', async () => {
    const p = await policy();
    expect((await c.v3('PUT', `/presets/activeDiscovery/policy/${p.id}`, { unicast: [{ protocol: 'Modbus', enabled: true, parameters: 'unit=1' }] })).json()).toEqual(OK);
    const read = await c.json3<Policy>(`/presets/activeDiscovery/policy/${p.id}`);
    expect(read).toMatchObject({ name: 'OT probes', broadcast: p.broadcast, unicast: [{ protocol: 'Modbus', enabled: true, parameters: 'unit=1' }] });
  });
  it('400 for a bad payload; nothing changes', async () => {
    const p = await policy();
    expectError3(await c.v3('PUT', `/presets/activeDiscovery/policy/${p.id}`, { name: 'y', unicast: 'S7' }), 400, /unicast/);
    expect(await c.json3(`/presets/activeDiscovery/policy/${p.id}`)).toEqual(p);
  });
  it('404 for an unknown policy', async () => {
    expectError3(await c.v3('PUT', `/presets/activeDiscovery/policy/${UNKNOWN}`, { name: 'x' }), 404);
  });
  it('409 for a name another policy has', async () => {
    await policy({ name: 'A' });
    const b = await policy({ name: 'B' });
    expectError3(await c.v3('PUT', `/presets/activeDiscovery/policy/${b.id}`, { name: 'a' }), 409);
  });
});

describe('DELETE /presets/activeDiscovery/policy/{policy_id}', () => {
  it('deletes it; the profiles using it are left without a policy', async () => {
    const pol = await policy();
    const p = await profile({ name: 'Uses it', policyId: pol.id });
    expect((await c.v3('DELETE', `/presets/activeDiscovery/policy/${pol.id}`)).json()).toEqual(OK);
    expect(await policies()).toEqual([]);
    expect((await c.json3<Profile[]>(`/activeDiscovery/profile/${p.id}`))[0]?.policyId).toBe('');
  });
  it('404 for an unknown policy', async () => {
    expectError3(await c.v3('DELETE', `/presets/activeDiscovery/policy/${UNKNOWN}`), 404);
  });
});

describe('references kept consistent', () => {
  it('DELETE /sensors/{id} and DELETE /presets/{id} drop them from the profiles', async () => {
    const a = await sensor('FOC-A');
    const b = await sensor('FOC-B');
    const preset = (await c.v3('POST', '/presets', { label: 'Cell 2' })).json<{ id: string }>();
    const p = await profile({ name: 'Refs', sensors: [{ id: a }, { id: b }], presets: [{ id: preset.id }] });
    expect((await c.v3('DELETE', `/sensors/${a}`)).statusCode).toBe(204);
    expect((await c.v3('DELETE', `/presets/${preset.id}`)).statusCode).toBe(200);
    expect((await c.json3<Profile[]>(`/activeDiscovery/profile/${p.id}`))[0]).toMatchObject({ sensors: [{ id: b, name: 'sensor FOC-B' }], presets: [] });
  });
});
