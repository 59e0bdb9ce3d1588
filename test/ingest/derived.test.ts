import { beforeEach, describe, expect, it, vi } from 'vitest';
import { componentId } from '../../src/domain/ids.js';
import { riskScore } from '../../src/domain/risk-score.js';
import type { FlowObservation } from '../../src/ingest/observation.js';
import { createIngest, type Ingest } from '../../src/ingest/pipeline.js';
import { Random } from '../../src/random.js';
import { generatePlant } from '../../src/seed/plant.js';
import { loadProfile } from '../../src/seed/profile.js';
import { loadKnowledgeDb } from '../../src/seed/world.js';
import type { DeviceRiskInput } from '../../src/store/risk-inputs.js';
import { openStore, type Store } from '../../src/store/store.js';

const T0 = Date.UTC(2026, 0, 1) * 1000;
const HMI = { mac: '00:0e:8c:00:00:01', ip: '10.10.1.20' };
const PLC = { mac: '00:1b:1b:00:00:02', ip: '10.10.1.10' };
const FW = { mac: '00:09:0f:25:d2:4e', ip: '10.0.1.13' };
const id = (ep: { mac: string; ip?: string | null }) => componentId(ep.mac, ep.ip ?? null);

const obs = (over: Partial<FlowObservation> = {}): FlowObservation => ({
  time: T0,
  src: { ...HMI, port: 49152 },
  dst: { ...PLC, port: 102 },
  ethertype: 'IPv4',
  protocol: 'TCP',
  ...over,
});

function ingestInto(store: Store, deferDerived = false): Ingest {
  const rng = new Random(3);
  return createIngest(store, { newId: () => rng.uuid4(), deferDerived });
}

const rows = (store: Store, table: string) => store.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).raw().all();

let store: Store;
let ingest: Ingest;
beforeEach(() => {
  store = openStore(':memory:');
  loadKnowledgeDb(store);
  ingest = ingestInto(store);
});

describe('devices made by ingest', () => {
  it('makes one device per unicast MAC, its IP and layer 2 components in it', () => {
    ingest.ingest([obs(), obs({ time: T0 + 1, ethertype: 'ARP', protocol: null, src: { mac: PLC.mac }, dst: { mac: 'ff:ff:ff:ff:ff:ff' } })]);
    const plc = store.devices.ofComponent(id(PLC));
    expect(plc?.componentIds.sort()).toEqual([id(PLC), id({ mac: PLC.mac })].sort());
    expect(plc?.mac).toEqual([PLC.mac]);
    expect(store.devices.ofComponent(id(HMI))?.id).not.toBe(plc?.id);
    expect(store.devices.count()).toBe(2);
    expect(store.devices.ofComponent(id({ mac: 'ff:ff:ff:ff:ff:ff' }))).toBeUndefined();
  });

  it('leaves an internet address behind the firewall\'s MAC out of the firewall\'s device', () => {
    ingest.ingest([
      obs({ src: { ...FW, port: 50000 }, dst: { ...PLC, port: 102 } }),
      obs({ time: T0 + 1, src: { ...HMI, port: 50001 }, dst: { mac: FW.mac, ip: '8.8.8.8', port: 53 }, protocol: 'UDP' }),
    ]);
    expect(store.devices.ofComponent(id(FW))?.componentIds).toEqual([id(FW)]);
    expect(store.devices.ofComponent(id({ mac: FW.mac, ip: '8.8.8.8' }))).toBeUndefined();
  });

  it('makes a device of a locally administered MAC once the Center knows something of it, and moves its activities there', () => {
    const laptop = { mac: '02:aa:bb:cc:dd:ee', ip: '10.10.1.201' };
    ingest.ingest([obs({ src: { ...laptop, port: 50000 } })]);
    expect(store.devices.ofComponent(id(laptop))).toBeUndefined();
    const before = store.activities.nodePage({ offset: 0, limit: 10 });
    expect(before[0]?.left.isDevice === false || before[0]?.right.isDevice === false).toBe(true);

    ingest.ingest([obs({ time: T0 + 1, src: { ...laptop, port: 50000, properties: { 'name-netbios': 'LAPTOP-7' } } })]);
    const device = store.devices.ofComponent(id(laptop));
    expect(device?.label).toBe('LAPTOP-7');
    const after = store.activities.nodePage({ offset: 0, limit: 10 });
    expect(after).toHaveLength(1);
    expect([after[0]?.left, after[0]?.right].every((n) => n?.isDevice)).toBe(true);
    expect([after[0]?.left.id, after[0]?.right.id]).toContain(device?.id);
  });

  it('labels a device by the best name its components reveal, and follows it', () => {
    ingest.ingest([obs({ ethertype: 'ARP', protocol: null, src: { mac: PLC.mac, properties: { 'name-mac': 'Siemens 00:00:02' } }, dst: { mac: 'ff:ff:ff:ff:ff:ff' } })]);
    expect(store.devices.ofComponent(id({ mac: PLC.mac }))?.label).toBe('Siemens 00:00:02');
    ingest.ingest([obs({ time: T0 + 1, dst: { ...PLC, port: 102, properties: { 'name-s7plus-plc': 'PLC_3', vendor: 'Siemens AG' } } })]);
    expect(store.devices.ofComponent(id(PLC))).toMatchObject({ label: 'PLC_3', deviceType: 'PLC', icon: 'library/siemens.svg' });
    ingest.ingest([obs({ time: T0 + 2, dst: { ...PLC, port: 102, properties: { 'name-s7plus-plc': 'PLC_3B' } } })]);
    expect(store.devices.ofComponent(id(PLC))?.label).toBe('PLC_3B');
  });
});

describe('credentials learned by ingest', () => {
  it('keeps a clear-text credential on the flow\'s server, the password last seen winning', () => {
    const telnet = (time: number, password: string) => obs({ time, dst: { ...PLC, port: 23 }, properties: { 'telnet-login': 'admin', 'telnet-password': password } });
    ingest.ingest([telnet(T0, 'moxa')]);
    ingest.ingest([telnet(T0 + 3, 'old'), telnet(T0 + 5, 'moxa2')]); // in one batch
    ingest.ingest([telnet(T0 + 4, 'older')]); // in another, seen before the last one
    expect(store.credentials.ofComponent(id(PLC))).toEqual([
      { componentId: id(PLC), protocol: 'Telnet', username: 'admin', password: 'moxa2', algo: 'plaintext', creationTime: T0, lastUpdate: T0 + 5 },
    ]);
    expect(store.credentials.ofComponent(id(HMI))).toEqual([]);
  });
});

describe('activities and external communications kept by live ingest', () => {
  it('sums both directions of a pair of components into one activity', () => {
    const packets = [{ direction: 'Client→Server' as const, nbPackets: 3, l2Bytes: 300, l7Bytes: 138 }];
    ingest.ingest([obs({ packets }), obs({ time: T0 + 10, src: { ...PLC, port: 50000 }, dst: { ...HMI, port: 502 }, packets })]);
    ingest.ingest([obs({ time: T0 + 20, packets, properties: { 's7-cpustatechange': 'stop-cpu' } })]);
    const all = [...store.activities.all()];
    expect(all).toHaveLength(1);
    const [left, right] = [id(HMI), id(PLC)].sort();
    expect(all[0]).toMatchObject({ id: `${left}_${right}`, leftId: left, rightId: right, firstActivity: T0, lastActivity: T0 + 20, flowCount: 2, packetsCount: 9, bytesCount: 900, eventsCount: 1 });
    expect(all[0]?.tags).toMatchObject({ S7: 'info', MODBUS: 'info', STOP_CPU: 'important' });
    expect(store.activities.get(all[0]?.id as string)).toEqual(all[0]);
  });

  it('records the flows that reach a public address, from the side of the site', () => {
    ingest.ingest([obs({ src: { ...HMI, port: 50000 }, dst: { mac: FW.mac, ip: '8.8.8.8', port: 53 }, protocol: 'UDP', properties: { 'dns-query-name': 'www.google.com' } })]);
    ingest.ingest([obs({ time: T0 + 1 })]);
    const [c] = store.externalCommunications.ofComponent(id(HMI));
    expect(c).toMatchObject({ direction: 'outgoing', internalIp: HMI.ip, externalIp: '8.8.8.8', protocol: 'DNS', serverPort: 53 });
    expect(store.externalCommunications.count()).toBe(1);
  });
});

describe('risk scores kept by live ingest', () => {
  const ENG = { mac: '00:0e:8c:00:00:03', ip: '10.10.1.30' };
  const telnet = (time: number, client: { mac: string; ip: string }, port: number) => obs({ time, src: { ...client, port }, dst: { ...PLC, port: 23 } });
  const deviceRowid = (ep: { mac: string; ip: string }) =>
    store.db.prepare('SELECT device_rowid FROM component WHERE id = ?').pluck().get(id(ep)) as number;
  const stored = (ep: { mac: string; ip: string }) => store.devices.ofComponent(id(ep))?.riskScore;
  const computed = (ep: { mac: string; ip: string }) => riskScore((store.riskInputs.ofRowids([deviceRowid(ep)])[0] as DeviceRiskInput).input).riskScore;

  it('scores a device again when its activities get a risk-bearing tag it did not have, not one it had', () => {
    ingest.ingest([telnet(T0, HMI, 50000)]);
    expect(stored(PLC)).toBe(computed(PLC));
    const ofRowids = vi.spyOn(store.riskInputs, 'ofRowids');
    // A new client's Telnet: a new activity of the PLC, with the TELNET and INSECURE its device has already.
    ingest.ingest([telnet(T0 + 1, ENG, 50001)]);
    expect(ofRowids.mock.calls.flatMap(([rowids]) => rowids)).not.toContain(deviceRowid(PLC));
    expect(stored(PLC)).toBe(computed(PLC));
    expect(stored(ENG)).toBe(computed(ENG));
    ofRowids.mockRestore();
  });

  it('forgets what it knew once something else wrote', () => {
    ingest.ingest([telnet(T0, HMI, 50000)]);
    const right = stored(PLC);
    store.devices.setRiskScore(store.devices.ofComponent(id(PLC))?.id as string, 0, 0);
    ingest.ingest([telnet(T0 + 1, ENG, 50001)]);
    expect(stored(PLC)).toBe(right);
  });
});

describe('the world build\'s deferred sums', () => {
  const plant = generatePlant(loadProfile('small'), Date.UTC(2026, 0, 15) * 1000);
  const observations = [...plant.observations()];
  const feed = (into: Ingest) => {
    for (let i = 0; i < observations.length; i += 97) into.ingest(observations.slice(i, i + 97));
  };

  it('equal what live ingest keeps, and what the flows give again', () => {
    feed(ingest);
    const deferred = openStore(':memory:');
    const build = ingestInto(deferred, true);
    feed(build);
    expect(rows(deferred, 'activity')).toEqual([]);
    build.flushDeferred();
    expect(rows(store, 'activity').length).toBeGreaterThan(30);
    expect(rows(deferred, 'activity')).toEqual(rows(store, 'activity'));
    expect(rows(deferred, 'activity_tag')).toEqual(rows(store, 'activity_tag'));
    expect(rows(store, 'external_communication').length).toBeGreaterThan(0);
    expect(rows(deferred, 'external_communication')).toEqual(rows(store, 'external_communication'));

    const live = { activity: rows(store, 'activity'), tags: rows(store, 'activity_tag') };
    store.transaction(() => store.activities.rebuild());
    expect(rows(store, 'activity')).toEqual(live.activity);
    expect(rows(store, 'activity_tag')).toEqual(live.tags);
  });
});
