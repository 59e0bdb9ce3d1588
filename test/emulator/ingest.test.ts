/**
 * The control plane's ingest endpoint and the analyzer rules end to end: rules written through
 * /api/1.0 apply to the flows ingested after them, and what they do shows in /api/1.0 reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { componentId } from '../../src/domain/ids.js';
import { ADMIN_KEY, API, NOW, type TestCenter, expectError, micros, testCenter } from '../helpers.js';

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(() => c.close());

const control = (method: 'GET' | 'POST', url: string, body?: unknown, key: string | null = ADMIN_KEY) =>
  c.app.inject({
    method,
    url,
    headers: { ...(key === null ? {} : { 'x-emulator-key': key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
const ingest = (flows: unknown[]) => control('POST', '/_emulator/ingest/flows', { flows });

const HMI = { mac: '00:1b:1b:8c:2a:10', ip: '10.99.1.15' };
const PLC = { mac: '00:0e:8c:11:22:33', ip: '10.99.1.10' };
const to2222 = (over: Record<string, unknown> = {}) => ({
  src: { ...HMI, port: 51234 },
  dst: { ...PLC, port: 2222 },
  ethertype: 'IPv4',
  protocol: 'TCP',
  ...over,
});

interface Result {
  id: string;
  new: boolean;
  components: string[];
  events: string[];
}

describe('the control plane key (x-emulator-key)', () => {
  it('answers 401 without the key or with a wrong one, and ingests nothing', async () => {
    expectError(await control('POST', '/_emulator/ingest/flows', { flows: [to2222()] }, null), 401, /x-emulator-key/);
    expectError(await control('POST', '/_emulator/ingest/flows', { flows: [to2222()] }, 'wrong'), 401, /Emulator key error/);
    expectError(await control('POST', '/_emulator/ingest/flows', { flows: [to2222()] }, `${ADMIN_KEY}x`), 401);
    expectError(await control('GET', '/_emulator/traffic', undefined, null), 401);
    expect(c.store.components.rowid(componentId(PLC.mac, PLC.ip))).toBeUndefined();
  });

  it('is not an API token, and an API token is not the key', async () => {
    expectError(await c.get('/_emulator/traffic'), 401);
    expectError(await c.app.inject({ method: 'GET', url: `${API}/sensor`, headers: { 'x-emulator-key': ADMIN_KEY } }), 401, /^Token error/);
  });
});

describe('POST /_emulator/ingest/flows', () => {
  it('answers, per observation, the flow id, whether it is new, and the components and events it created', async () => {
    const res = await ingest([to2222(), to2222()]);
    expect(res.statusCode, res.body).toBe(200);
    const [first, second] = (res.json() as { flows: Result[] }).flows;
    expect(first?.new).toBe(true);
    expect(first?.components.sort()).toEqual([componentId(HMI.mac, HMI.ip), componentId(PLC.mac, PLC.ip)].sort());
    expect(first?.events).toHaveLength(2); // "New component detected", twice
    expect(second).toEqual({ id: first?.id, new: false, components: [], events: [] });
    const flow = await c.json<{ id: string; first_seen: string; tags: Record<string, string> }>(`${API}/flow/${first?.id}`);
    expect(micros(flow.first_seen)).toBe(NOW);
    expect(flow.tags).toEqual({ EthernetIP: 'info' }); // the Knowledge DB: 2222 is EtherNet/IP
  });

  it('dates observations by the emulated clock unless they carry a time, and keeps content and stats', async () => {
    const res = await ingest([to2222({ time: '2026-11-20T08:00:00.5Z', content: { 'enip-command': 'SendRRData' }, direction: 'Server→Client', packets: 10, bytes: 1000 })]);
    const [r] = (res.json() as { flows: Result[] }).flows;
    const flow = await c.json<{ first_seen: string }>(`${API}/flow/${r?.id}`);
    expect(flow.first_seen).toBe('2026-11-20T08:00:00.5Z');
    const content = await c.json<{ direction: string; content: object }[]>(`${API}/flow/${r?.id}/content?limit=10`);
    expect(content).toMatchObject([{ direction: 'Server→Client', content: { 'enip-command': 'SendRRData' } }]);
    const stats = await c.json<object[]>(`${API}/flow/${r?.id}/stats`);
    expect(stats).toContainEqual({ flow_id: r?.id, direction: 'Server→Client', direction_method: 'detected', nb_packets: 10, l2_bytes: 1000, l7_bytes: 460 });
  });

  it.each([
    ['a MAC that is not one', [to2222(), to2222({ dst: { mac: 'plc', port: 2222 } })], /"flows\.1\.dst\.mac": must be a MAC address/],
    ['a missing source', [{ dst: PLC }], /"flows\.0\.src"/],
    ['a port out of range', [to2222({ src: { ...HMI, port: 70000 } })], /"flows\.0\.src\.port"/],
    ['a bad time', [to2222({ time: 'yesterday' })], /"flows\.0\.time": must be an RFC 3339 time/],
    ['an unknown field', [to2222({ vlan: 3 })], /vlan/],
    ['a non-string property', [to2222({ properties: { 'enip-vendor': 1 } })], /"flows\.0\.properties\.enip-vendor"/],
    ['no observation', [], /at least one observation/],
  ])('answers 400 naming the index and the field for %s, and ingests nothing of the batch', async (_, flows, message) => {
    expectError(await ingest(flows), 400, message);
    expect(c.store.components.rowid(componentId(PLC.mac, PLC.ip))).toBeUndefined();
  });

  it(`refuses more than 10 000 observations`, async () => {
    expectError(await ingest(Array.from({ length: 10_001 }, () => to2222())), 400, /at most 10000 observations/);
  });
});

describe('rules apply to the flows ingested after them (guide 2.4, 6.8)', () => {
  it('a port rule for TCP/2222 tags the flow SSH with an admin event, seen through /flows?tag= and /event', async () => {
    const rule = { ports: ['TCP/2222'], actions: [{ name: 'TagFlow', params: { tag: 'SSH', type: 'important', throw_admin_event: true } }] };
    const created = await c.send('POST', `${API}/analyzer/port/rule`, rule);
    expect(created.statusCode, created.body).toBe(200);
    const ruleId = (created.json() as { id: string }).id;

    const [r] = ((await ingest([to2222()])).json() as { flows: Result[] }).flows;
    const tagged = await c.json<{ id: string; tags: Record<string, string> }[]>(`${API}/flows?limit=100&tag=SSH`);
    expect(tagged.map((f) => f.id)).toContain(r?.id);
    expect(tagged.find((f) => f.id === r?.id)?.tags).toEqual({ EthernetIP: 'info', SSH: 'important' });

    const events = await c.json<{ id: string; message: string; severity: string }[]>(`${API}/event?limit=50&order=desc`);
    const event = events.find((e) => e.message === `Analyzer rule ${ruleId} tagged a flow SSH (important)`);
    expect(event).toBeDefined();
    expect(r?.events).toContain(event?.id);
    expect(event?.severity).toBe('High');
  });

  it('a flow ingested before the rule keeps its tags until POST /_emulator/analyze', async () => {
    const [before] = ((await ingest([to2222()])).json() as { flows: Result[] }).flows;
    await c.send('POST', `${API}/analyzer/port/rule`, { ports: ['2222'], actions: [{ name: 'TagFlow', params: { tag: 'SSH', type: 'info' } }] });
    expect((await c.json<{ tags: object }>(`${API}/flow/${before?.id}`)).tags).toEqual({ EthernetIP: 'info' });
    const res = await control('POST', '/_emulator/analyze');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { flows: number }).flows).toBe(c.store.db.prepare('SELECT count(*) FROM flow').pluck().get());
    expect((await c.json<{ tags: object }>(`${API}/flow/${before?.id}`)).tags).toEqual({ EthernetIP: 'info', SSH: 'info' });
  });

  it('a deleted rule no longer applies', async () => {
    const { id } = (await c.send('POST', `${API}/analyzer/port/rule`, { ports: ['2222'], actions: [{ name: 'TagFlow', params: { tag: 'SSH', type: 'info' } }] })).json() as { id: string };
    expect((await c.send('DELETE', `${API}/analyzer/port/rule/${id}`)).statusCode).toBe(200);
    const [r] = ((await ingest([to2222()])).json() as { flows: Result[] }).flows;
    expect((await c.json<{ tags: object }>(`${API}/flow/${r?.id}`)).tags).toEqual({ EthernetIP: 'info' });
  });

  it('CopyProperties and SetComponentProperty change what /component/{id} answers; RemoveComponentProperty takes one off', async () => {
    const rule = {
      test: { operator: 'and', conditions: [{ name: 'HasProp', params: { property: 'enip-vendor' } }, { name: 'PropValue', params: { property: 'dst_port', value: 2222 } }] },
      actions: [
        { name: 'CopyProperties', params: { properties: ['enip-vendor', 'enip-productname'], target: 'dst', protocol: 'EtherNet/IP' } },
        { name: 'SetComponentProperty', params: { target: 'dst', property: 'role', value: 'controller' } },
        { name: 'SetComponentProperty', params: { target: 'src', property: 'role', value: 'hmi' } },
        { name: 'TagComponent', params: { tag: 'PLC', value: 'important', target: 'dst' } },
      ],
    };
    expect((await c.send('POST', `${API}/analyzer/property/rule`, rule)).statusCode).toBe(200);
    await ingest([to2222({ properties: { 'enip-vendor': 'Rockwell Automation/Allen-Bradley', 'enip-productname': '1756-L83E', 'enip-command': 'ListIdentity' } })]);

    const plc = await c.json<{ properties: Record<string, string>; tags: Record<string, string> }>(`${API}/component/${componentId(PLC.mac, PLC.ip)}`);
    expect(plc.properties).toMatchObject({ 'enip-vendor': 'Rockwell Automation/Allen-Bradley', 'enip-productname': '1756-L83E', role: 'controller' });
    expect(plc.properties).not.toHaveProperty('enip-command');
    expect(plc.tags['PLC']).toBe('important');
    const hmi = await c.json<{ properties: Record<string, string> }>(`${API}/component/${componentId(HMI.mac, HMI.ip)}`);
    expect(hmi.properties['role']).toBe('hmi');
    // The property filter finds it: the child rows were written too.
    const found = await c.json<{ id: string }[]>(`${API}/component?limit=10&property=role=controller`);
    expect(found.map((x) => x.id)).toEqual([componentId(PLC.mac, PLC.ip)]);

    await c.send('POST', `${API}/analyzer/port/rule`, { ports: ['2222'], actions: [{ name: 'RemoveComponentProperty', params: { target: 'src', property: 'role' } }] });
    // Port rules run before property rules: the property rule sets "hmi" again, so it stays.
    await ingest([to2222({ properties: { 'enip-vendor': 'Rockwell Automation/Allen-Bradley' } })]);
    expect((await c.json<{ properties: Record<string, string> }>(`${API}/component/${componentId(HMI.mac, HMI.ip)}`)).properties['role']).toBe('hmi');
    // On a flow without the property rule's condition (another client port), only the removal applies.
    await ingest([to2222({ src: { ...HMI, port: 51235 } })]);
    expect((await c.json<{ properties?: Record<string, string> }>(`${API}/component/${componentId(HMI.mac, HMI.ip)}`)).properties ?? {}).not.toHaveProperty('role');
    expect(await c.json(`${API}/component?limit=10&property=role=hmi`)).toEqual([]);
  });

  it('Netcat and SendEvent: the category and the event show in /flow and /event', async () => {
    const rule = {
      test: { operator: 'or', conditions: [{ name: 'PropValue', params: { property: 'enip-command', value: 'Reset' } }] },
      actions: [
        { name: 'Netcat', params: { value: 'control' } },
        { name: 'SendEvent', params: { trigger: 'STOP_CPU_DETECTED', type: 'Behavioral', severity: 'Very High', category: 'Run Orders', family: 'PLC Control' } },
      ],
    };
    expect((await c.send('POST', `${API}/analyzer/property/rule`, rule)).statusCode).toBe(200);
    const [r] = ((await ingest([to2222({ properties: { 'enip-command': 'Reset' } })])).json() as { flows: Result[] }).flows;
    expect((await c.json<{ network_category: string }>(`${API}/flow/${r?.id}`)).network_category).toBe('control');
    const stops = await c.json<{ id: string; category: string }[]>(`${API}/event?limit=50&severity=veryhigh&category=Run%20Orders`);
    expect(stops.map((e) => e.id)).toEqual(expect.arrayContaining(r?.events.slice(-1) ?? ['none']));
  });
});
