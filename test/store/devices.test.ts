import { beforeAll, describe, expect, it } from 'vitest';
import { isGroupMac, isPublicIp } from '../../src/domain/network.js';
import type { Device } from '../../src/domain/devices.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld } from '../../src/seed/world.js';
import { openStore, type Store } from '../../src/store/store.js';

const END = Date.UTC(2026, 0, 15, 12) * 1000;

let store: Store;
let devices: Device[];
beforeAll(() => {
  store = openStore(':memory:');
  buildWorld(store, { profile: loadProfile('small'), end: END });
  devices = [...store.devices.all()];
});

const scalar = (sql: string, ...params: unknown[]) => store.db.prepare(sql).pluck().get(...params) as number;

describe('devices of the seeded world', () => {
  it('hold every component once, but broadcast, multicast and public addresses', () => {
    const members = devices.flatMap((d) => d.componentIds);
    expect(new Set(members).size).toBe(members.length);
    expect(devices.every((d) => d.componentIds.length >= 1)).toBe(true);
    const all = store.db.prepare('SELECT id, mac, ip FROM component').all() as { id: string; mac: string; ip: string | null }[];
    const orphans = all.filter((c) => !members.includes(c.id));
    expect(members.length + orphans.length).toBe(all.length);
    expect(orphans.length).toBeGreaterThan(0);
    for (const c of orphans) expect(isGroupMac(c.mac) || (c.ip !== null && isPublicIp(c.ip)), `${c.mac} ${c.ip}`).toBe(true);
    expect(devices.some((d) => d.componentIds.length === 2)).toBe(true); // a PLC with its layer 2 component
  });

  it('have ids of their own, never a component\'s', () => {
    const componentIds = new Set(store.db.prepare('SELECT id FROM component').pluck().all() as string[]);
    for (const d of devices) expect(componentIds.has(d.id)).toBe(false);
  });

  it('derive addresses, normalized fields, tags, group and times from their components', () => {
    for (const d of devices) {
      const cs = store.devices.components(d.id) ?? [];
      expect(cs.map((c) => c.id)).toEqual(d.componentIds);
      expect(d.mac).toEqual([...new Set(cs.map((c) => c.mac))]);
      expect(d.ip).toEqual([...new Set(cs.flatMap((c) => (c.ip === null ? [] : [c.ip])))]);
      expect(d.normalized.name ?? []).toEqual([...new Set(cs.flatMap((c) => (c.name ? [c.name] : [])))]);
      expect(d.normalized.vendorName ?? []).toEqual([...new Set(cs.flatMap((c) => (c.vendorName ? [c.vendorName] : [])))]);
      expect(Object.keys(d.tags).sort()).toEqual([...new Set(cs.flatMap((c) => Object.keys(c.tags)))].sort());
      expect(d.firstActivity).toBe(Math.min(...cs.map((c) => c.creationTime)));
      expect(d.lastActivity).toBe(Math.max(...cs.map((c) => c.lastActiveTime)));
      expect(d.group?.id ?? null).toBe(cs.find((c) => c.groupId !== null)?.groupId ?? null);
      expect(d.counts.components).toBe(cs.length);
    }
  });

  it('are labelled by their best name and typed', () => {
    const plcs = devices.filter((d) => d.deviceType === 'PLC');
    expect(plcs.length).toBeGreaterThan(0);
    for (const d of plcs) expect(d.normalized.name ?? []).toContain(d.label);
    expect(devices.some((d) => d.icon === 'library/siemens.svg')).toBe(true);
  });

  it('count what touches their components, each flow, event and activity once', () => {
    for (const d of devices.slice(0, 20)) {
      const members = `(SELECT c.rowid FROM component c JOIN device x ON x.rowid = c.device_rowid WHERE x.id = ?)`;
      expect(d.counts.flows).toBe(scalar(`SELECT count(*) FROM flow WHERE src_component IN ${members} OR dst_component IN ${members}`, d.id, d.id));
      expect(d.counts.events).toBe(
        scalar(`SELECT count(*) FROM event WHERE component_rowid IN ${members} OR src_component IN ${members} OR dst_component IN ${members}`, d.id, d.id, d.id),
      );
      expect(d.counts.activities).toBe(scalar(`SELECT count(*) FROM activity WHERE left_component IN ${members} OR right_component IN ${members}`, d.id, d.id));
      expect(d.counts.variables).toBe(scalar(`SELECT count(*) FROM variable WHERE component_rowid IN ${members}`, d.id));
      expect(d.counts.credentials).toBe(store.credentials.ofDevice(d.id).length);
      expect(d.counts.externalCommunications).toBe(store.externalCommunications.ofDevice(d.id).length);
    }
  });
});

describe('DeviceRepo reads', () => {
  it('get: a device by id, undefined for another id', () => {
    const d = devices[3] as Device;
    expect(store.devices.get(d.id)).toEqual(d);
    expect(store.devices.get(d.componentIds[0] as string)).toBeUndefined();
  });

  it('list: pages in id order, making up the whole stream, walked or reached at once (the pager seeks to them)', () => {
    expect(devices.map((d) => d.id)).toEqual([...devices.map((d) => d.id)].sort());
    const walked: Device[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = [...store.devices.list({ window: { offset, limit: 7 } })];
      walked.push(...page);
      if (page.length < 7) break;
    }
    expect(walked).toEqual(devices);
    expect([...store.devices.list({ window: { offset: devices.length, limit: 10 } })]).toEqual([]);
    for (const offset of [40, 3, 0, 41, devices.length - 2]) {
      expect([...store.devices.list({ window: { offset, limit: 5 } })]).toEqual(devices.slice(offset, offset + 5));
    }
    expect(store.devices.count()).toBe(devices.length);
  });

  it('list: the pages of an activity window are slices of its whole list', () => {
    const at = (column: string, share: number) =>
      store.db.prepare(`SELECT ${column} FROM component ORDER BY ${column} LIMIT 1 OFFSET (SELECT CAST(count(*) * ${share} AS INTEGER) FROM component)`).pluck().get() as number;
    const [lastActive, created] = [at('last_active_time', 0.5), at('creation_time', 0.5)];
    for (const window of [{ from: lastActive }, { to: created }, { from: at('last_active_time', 0.25), to: at('creation_time', 0.75) }]) {
      const all = [...store.devices.list(window)];
      expect(all.length).toBeGreaterThan(5);
      expect(all.length).toBeLessThan(devices.length);
      for (const offset of [4, 0, 5, all.length - 3]) {
        expect([...store.devices.list({ ...window, window: { offset, limit: 4 } })]).toEqual(all.slice(offset, offset + 4));
      }
    }
  });

  it('ofComponent and summariesOf: the device of a component; none for a component without one', () => {
    const d = devices[5] as Device;
    for (const c of d.componentIds) expect(store.devices.ofComponent(c)?.id).toBe(d.id);
    const orphan = store.db.prepare('SELECT id FROM component WHERE device_rowid IS NULL').pluck().get() as string;
    expect(store.devices.ofComponent(orphan)).toBeUndefined();
    const summaries = store.devices.summariesOf([...d.componentIds, orphan]);
    expect([...summaries.keys()].sort()).toEqual([...d.componentIds].sort());
    expect(summaries.get(d.componentIds[0] as string)).toEqual({ id: d.id, label: d.label, customLabel: null, deviceType: d.deviceType, icon: d.icon });
  });

  it('components: undefined for an unknown device', () => {
    expect(store.devices.components('00000000-0000-5000-8000-000000000000')).toBeUndefined();
  });
});

describe('DeviceRepo writes', () => {
  it('setCustomLabel and setRiskScore: kept, and false for an unknown device', () => {
    const d = devices[0] as Device;
    expect(store.devices.setCustomLabel(d.id, 'Line 1 PLC')).toBe(true);
    expect(store.devices.setRiskScore(d.id, 67, 40)).toBe(true);
    expect(store.devices.get(d.id)).toMatchObject({ customLabel: 'Line 1 PLC', riskScore: 67, bestAchievableScore: 40, label: d.label });
    expect(store.devices.setCustomLabel('nope', 'x')).toBe(false);
    expect(store.devices.setCustomLabel(d.id, null)).toBe(true);
    expect(store.devices.get(d.id)?.customLabel).toBeNull();
  });
});
