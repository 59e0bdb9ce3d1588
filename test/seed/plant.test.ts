import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentId } from '../../src/domain/ids.js';
import { MICROS_PER_DAY } from '../../src/domain/time.js';
import type { FlowObservation } from '../../src/ingest/observation.js';
import { generatePlant, type Plant } from '../../src/seed/plant.js';
import { UNSORTED_GROUP_LABEL } from '../../src/seed/plant/extras.js';
import { flowRatePerHour } from '../../src/seed/plant/sensors.js';
import { loadProfile, type ScenarioProfile } from '../../src/seed/profile.js';

const END = Date.UTC(2026, 0, 15, 12) * 1000;
const small = loadProfile('small');

function take(plant: Plant, n: number): { first: FlowObservation[]; count: number } {
  const first: FlowObservation[] = [];
  let count = 0;
  for (const o of plant.observations()) {
    if (count < n) first.push(o);
    count++;
  }
  return { first, count };
}

const cid = (ep: { mac: string; ip?: string | null }): string => componentId(ep.mac, ep.ip ?? null);
const flowKey = (o: FlowObservation): string =>
  [cid(o.src), cid(o.dst), o.ethertype ?? '', o.protocol ?? '', o.src.port ?? '', o.dst.port ?? ''].join('|');

describe('generatePlant determinism', () => {
  it('gives the same plant for the same profile and end', () => {
    const a = generatePlant(small, END);
    const b = generatePlant(small, END);
    expect(b.sensors).toEqual(a.sensors);
    expect(b.groups).toEqual(a.groups);
    expect(b.variables).toEqual(a.variables);
    expect(b.vulnerabilities).toEqual(a.vulnerabilities);
    expect(b.events).toEqual(a.events);
    expect(b.observationCount).toBe(a.observationCount);
    const ta = take(a, 500);
    expect(take(b, 500)).toEqual(ta);
    // Reading the stream again starts over and gives the same observations.
    expect(take(a, 500)).toEqual(ta);
  });

  it('gives a different plant for a different seed', () => {
    const a = generatePlant(small, END);
    const b = generatePlant({ ...small, seed: small.seed + 1 }, END);
    expect(b.sensors.map((s) => s.id)).not.toEqual(a.sensors.map((s) => s.id));
    expect(take(b, 50).first).not.toEqual(take(a, 50).first);
    expect(b.events.map((e) => e.id)).not.toEqual(a.events.map((e) => e.id));
  });
});

describe('generatePlant on the small profile', () => {
  const plant = generatePlant(small, END);
  const start = END - small.historyDays * MICROS_PER_DAY;
  const all = [...plant.observations()];
  const components = new Set<string>();
  const flows = new Set<string>();
  for (const o of all) {
    components.add(cid(o.src));
    components.add(cid(o.dst));
    flows.add(flowKey(o));
  }

  it('has about as many distinct components and flows as the profile asks', () => {
    expect(components.size).toBeGreaterThanOrEqual(small.components * 0.8);
    expect(components.size).toBeLessThanOrEqual(small.components * 1.2);
    expect(flows.size).toBeGreaterThanOrEqual(small.flows * 0.8);
    expect(flows.size).toBeLessThanOrEqual(small.flows * 1.2);
    expect(all.length).toBe(plant.observationCount);
    // Recurring conversations: more observations than flows.
    expect(all.length).toBeGreaterThan(flows.size);
  });

  it('yields observations in time order, within the history', () => {
    for (let i = 0; i < all.length; i++) {
      const o = all[i] as FlowObservation;
      expect(Number.isInteger(o.time)).toBe(true);
      expect(o.time).toBeGreaterThanOrEqual(start);
      expect(o.time).toBeLessThanOrEqual(END);
      if (i > 0) expect(o.time).toBeGreaterThanOrEqual((all[i - 1] as FlowObservation).time);
    }
  });

  it('refers only to components that some observation shows', () => {
    const ids = [
      ...plant.groups.flatMap((g) => g.componentIds),
      ...plant.variables.flatMap((v) => [v.componentId, ...v.authors.map((a) => a.componentId)]),
      ...plant.vulnerabilities.map((v) => v.componentId),
      ...plant.events.flatMap((e) => (e.componentId === null ? [] : [e.componentId])),
    ];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(components.has(id), id).toBe(true);
  });

  it('has the profile counts of groups (and the catch-all group), variables and vulnerabilities, with unique ids and labels', () => {
    expect(plant.groups).toHaveLength(small.groups + 1);
    expect(plant.groups.at(-1)?.label).toBe(UNSORTED_GROUP_LABEL);
    expect(plant.variables).toHaveLength(small.variables);
    expect(plant.vulnerabilities).toHaveLength(small.vulnerabilities);
    expect(new Set(plant.groups.map((g) => g.label.toLowerCase())).size).toBe(plant.groups.length);
    expect(new Set(plant.variables.map((v) => v.id)).size).toBe(plant.variables.length);
    expect(new Set(plant.events.map((e) => e.id)).size).toBe(plant.events.length);
    expect(new Set(plant.vulnerabilities.map((v) => `${v.componentId}|${v.vulnerability.id}`)).size).toBe(plant.vulnerabilities.length);
    for (const v of plant.variables) expect(v.authors.length).toBeGreaterThan(0);
  });

  it('spreads its events over the history', () => {
    expect(plant.events.length).toBeGreaterThan(0);
    expect(plant.events.length).toBeLessThanOrEqual(small.events);
    for (const e of plant.events) {
      expect(e.creationTime).toBeGreaterThanOrEqual(start);
      expect(e.creationTime).toBeLessThanOrEqual(END);
    }
  });

  it('speaks the protocols of its devices on their ports', () => {
    const s7 = all.filter((o) => o.dst.port === 102);
    expect(s7.length).toBeGreaterThan(0);
    for (const o of s7) expect(Object.keys(o.properties ?? {}).some((k) => k.startsWith('s7'))).toBe(true);
    const l2 = all.filter((o) => o.ethertype !== 'IPv4');
    expect(l2.length).toBeGreaterThan(0);
    for (const o of l2) {
      expect(o.src.ip ?? null).toBeNull();
      expect(o.dst.ip ?? null).toBeNull();
    }
    // PLC identities reach the Center (guide 5.2: model_ref, fw_version, …).
    expect(all.some((o) => o.dst.properties?.['s7plus-moduleref'] ?? o.dst.properties?.['s7-moduleref'] ?? o.dst.properties?.['enip-productcode'])).toBe(true);
    expect(all.some((o) => o.packets && o.packets.length > 0)).toBe(true);
    expect(all.some((o) => o.contents && o.contents.length > 0)).toBe(true);
    expect(all.every((o) => typeof o.sensorId === 'string' && plant.sensors.some((s) => s.id === o.sensorId))).toBe(true);
  });

  it('attaches a valid pcap to a Decode Failure event', () => {
    const failure = plant.events.find((e) => e.category === 'Decode Failure' && e.data);
    expect(failure?.family).toBe('Protocol Events');
    const pcap = failure?.data?.data as Buffer;
    const magicLe = pcap.readUInt32LE(0) === 0xa1b2c3d4;
    expect(magicLe || pcap.readUInt32BE(0) === 0xa1b2c3d4).toBe(true);
    const u32 = (at: number) => (magicLe ? pcap.readUInt32LE(at) : pcap.readUInt32BE(at));
    expect(u32(20)).toBe(1); // Ethernet
    let offset = 24;
    let packets = 0;
    while (offset < pcap.length) {
      expect(offset + 16).toBeLessThanOrEqual(pcap.length);
      const incl = u32(offset + 8);
      expect(u32(offset + 12)).toBeGreaterThanOrEqual(incl);
      const frame = pcap.subarray(offset + 16, offset + 16 + incl);
      expect(frame.length).toBe(incl);
      expect(frame.readUInt16BE(12)).toBe(0x0800); // IPv4
      expect(frame.readUInt16BE(14 + 2)).toBe(incl - 14); // IP total length
      offset += 16 + incl;
      packets++;
    }
    expect(offset).toBe(pcap.length);
    expect(packets).toBeGreaterThan(1);
  });
});

describe('generatePlant: what a Center reads in the traffic beyond 1.0', () => {
  const small = [...generatePlant(loadProfile('small'), END).observations()];
  const def = [...generatePlant(loadProfile('default'), END).observations()];
  const values = (all: FlowObservation[], property: string) => new Set(all.flatMap((o) => (o.properties?.[property] ? [o.properties[property]] : [])));
  const isPublic = (ip: string | null | undefined) => ip != null && !/^(10|127|169\.254|172\.(1[6-9]|2\d|3[01])|192\.168)\./.test(ip);

  it('carries the DNS names, HTTP hosts and SMB shares clients ask for, one per flow', () => {
    expect(values(def, 'dns-query-name').size).toBeGreaterThan(10);
    expect(values(def, 'http-host')).toContain('www.google.com:443');
    expect([...values(def, 'smb-share')].some((v) => /^\\\\FS01\\/.test(v))).toBe(true);
    expect(values(small, 'dns-query-name').size).toBeGreaterThan(3);
    for (const o of def.filter((x) => x.dst.port === 53 && x.protocol === 'UDP')) expect(o.properties?.['dns-query-name']).toBeTruthy();
  });

  it('talks to a few public addresses behind the edge firewall\'s MAC: DNS forwarding and remote access, web and updates when the site has a proxy', () => {
    const publicOf = (all: FlowObservation[]) => new Set(all.flatMap((o) => [o.src, o.dst]).filter((e) => isPublic(e.ip)).map((e) => `${e.mac}|${e.ip}`));
    const seen = [...publicOf(small)];
    expect(seen.map((s) => s.split('|')[1]).sort()).toEqual(['37.252.227.51', '8.8.8.8']);
    expect(new Set(seen.map((s) => s.split('|')[0])).size).toBe(1);
    expect(publicOf(def).size).toBe(8);
    expect(values(def, 'tls-server-name')).toContain('download.windowsupdate.com');
  });

  it('sends credentials in clear: SNMPv2c communities, FTP to controllers, a camera\'s basic authentication', () => {
    expect(values(small, 'snmp-community')).toEqual(new Set(['public']));
    expect(values(def, 'ftp-password').size).toBeGreaterThan(0);
    expect(values(def, 'http-password')).toEqual(new Set(['pass']));
  });
});

describe('generatePlant on the default profile', () => {
  it('has one sensor that lost its link, and the others connected', () => {
    const plant = generatePlant(loadProfile('default'), END);
    expect(plant.sensors).toHaveLength(4);
    expect(plant.sensors.filter((s) => s.status === 'Disconnected')).toHaveLength(1);
    const lost = plant.sensors.find((s) => s.status === 'Disconnected');
    expect(lost?.lastActiveTime).toBeLessThan(END);
  });
});

/** The sensor numbers the guide prints as integers (5.1, 6.2.1). */
const SENSOR_INTEGERS = ['recordingLastSize', 'sshReachableLastUpdate', 'flowRateDay', 'flowCountDay'] as const;

describe('the numbers of a plant the guide prints as integers', () => {
  // `large` itself takes seconds to plan: its seed, sensors and history with a twentieth of its size.
  const large = loadProfile('large');
  const largeVariant: ScenarioProfile = { ...large, components: 5000, flows: 50_000, events: 10_000, variables: 1000, groups: 10, vulnerabilities: 250 };

  it.each([
    ['small', small],
    ['default', loadProfile('default')],
    ['large (a twentieth)', largeVariant],
  ])('are integers in the %s plant: sensors, ports, packets and bytes', (_, profile) => {
    const plant = generatePlant(profile, END);
    expect(plant.sensors).toHaveLength(profile.sensors);
    for (const s of plant.sensors) {
      for (const k of SENSOR_INTEGERS) expect(Number.isInteger(s[k]), `${s.name} ${k}: ${s[k]}`).toBe(true);
      expect(s.flowRateDay).toBe(Math.round(s.flowCountDay / 24));
    }
    let wrong = 0;
    for (const o of plant.observations()) {
      for (const port of [o.src.port, o.dst.port]) if (port != null && !Number.isInteger(port)) wrong++;
      for (const p of o.packets ?? []) if (![p.nbPackets, p.l2Bytes, p.l7Bytes].every(Number.isInteger)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it("gives flow_rate_day as the last day's flows per hour, rounded, at any size", () => {
    expect([0, 11, 12, 116, 191, 36_975].map(flowRatePerHour)).toEqual([0, 0, 1, 5, 8, 1541]);
  });
});

describe('loadProfile', () => {
  it('reads a scenario from seeds/', () => {
    expect(small).toMatchObject({ name: 'small', seed: 7, sensors: 2, groups: 3, historyDays: 7 });
  });

  it('names the known scenarios when the name is unknown', () => {
    expect(() => loadProfile('nope')).toThrow(/nope.*default.*large.*small/);
  });

  it('rejects an invalid profile with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccv-seeds-'));
    try {
      const bad: Partial<ScenarioProfile> = { ...small, components: -1 };
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
      expect(() => loadProfile('bad', dir)).toThrow(/components/);
      expect(() => loadProfile('../seeds/small', dir)).toThrow(/bad/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
