import { describe, expect, it } from 'vitest';
import { centerId } from '../../src/domain/center.js';
import { loadProfile } from '../../src/seed/profile.js';
import { WORLD_VERSION, buildWorld, isCurrentWorld } from '../../src/seed/world.js';
import { openStore, type Store } from '../../src/store/store.js';

const END = Date.UTC(2026, 5, 1, 8, 30) * 1000;

/** Every row of every table, in rowid or key order: the whole database as data. */
function dump(store: Store): Record<string, unknown[]> {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all()]));
}

function world(seed?: number): Store {
  const store = openStore(':memory:');
  const profile = { ...loadProfile('small'), now: undefined };
  if (seed !== undefined) profile.seed = seed;
  buildWorld(store, { profile, end: END });
  return store;
}

/** The tables of the Knowledge DB's and the users' objects beyond 1.0 (migration 003). */
const V3_TABLES = ['vulnerability', 'vulnerability_match', 'vulnerability_ack', 'preset', 'preset_category', 'custom_network', 'user_property'] as const;

describe('buildWorld', () => {
  it('gives the same database, ids and timestamps included, for the same profile and end', () => {
    const a = world();
    const b = world();
    const dumped = dump(a);
    expect(dump(b)).toEqual(dumped);
    expect(a.db.prepare('SELECT count(*) FROM flow').pluck().get()).toBeGreaterThan(100);
    for (const table of V3_TABLES) expect(dumped[table]?.length, table).toBeGreaterThan(0);
    // API 3.0's world learned from traffic is in it too.
    for (const t of ['device', 'activity', 'activity_tag', 'credential', 'external_communication']) expect(dumped[t]?.length, t).toBeGreaterThan(0);
  });

  it('gives another world for another seed, on the same Knowledge DB', () => {
    const a = dump(world());
    const b = dump(world(8));
    expect(b['component']).not.toEqual(a['component']);
    expect(b['vulnerability']).toEqual(a['vulnerability']);
    expect(b['vulnerability_match']).not.toEqual(a['vulnerability_match']);
    expect(b['preset']).not.toEqual(a['preset']);
  });

  it('matches a few of the thousands of Knowledge DB entries: the profile\'s count and the guide\'s four', () => {
    const store = world();
    const profile = loadProfile('small');
    expect(store.vulnerabilities.count()).toBe(3515);
    expect(store.db.prepare('SELECT count(*) FROM vulnerability_match').pluck().get()).toBe(profile.vulnerabilities + 4);
    for (const m of store.vulnerabilities.matchesOf(store.db.prepare('SELECT id FROM component').pluck().all() as string[])) {
      expect(m.reasons.length).toBeGreaterThan(0);
      expect(m.matchingTime).toBeLessThanOrEqual(END);
      expect(m.matchingTime).toBeGreaterThanOrEqual(store.components.get(m.componentId)?.creationTime ?? Infinity);
    }
  });

  it("matches the guide's vulnerabilities under their ids, on the identity fields each component has", () => {
    const store = world();
    const matches = (id: string) => store.vulnerabilities.matchesOf([id]).map((m) => [m.vulnerability.id, m.vulnerability.cve, m.reasons]);
    // PLC_3 has a model_ref and a fw_version; 93b5cfca only a fw_version (fixtures/components.json).
    expect(matches('02074cd3-dbe6-52b6-963c-7247ef33a2b1')).toEqual([
      ['6b1f3c2e-8d4a-4f6e-9a57-2c1d0e7b9f13', 'CVE-2017-12741', ['model-ref', 'fw-version']],
      ['d2a9e4b7-51c3-4a0f-8e6d-7f3b2a19c845', 'CVE-2019-10929', ['model-ref', 'fw-version']],
    ]);
    expect(matches('93b5cfca-77bb-5551-ad5f-e9443279c640')).toEqual([
      ['3e8c7a51-0b2d-4c69-a4f1-95d6e2b8c037', 'CVE-2016-9158', ['fw-version']],
      ['a4d05f9e-7c18-4b2a-b3e6-1f8d9c62e470', 'CVE-2016-9159', ['fw-version']],
    ]);
  });

  it('acknowledges some matches, after they were made and before the end', () => {
    const store = world();
    const acks = store.db.prepare('SELECT device_id, vulnerability_rowid, ack_time FROM vulnerability_ack').all() as { device_id: string; vulnerability_rowid: number; ack_time: number }[];
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) {
      const matched = store.db.prepare('SELECT max(matching_time) FROM vulnerability_match WHERE vulnerability_rowid = ?').pluck().get(a.vulnerability_rowid) as number;
      expect(a.ack_time).toBeGreaterThan(matched);
      expect(a.ack_time).toBeLessThanOrEqual(END);
    }
  });

  it('acknowledges and annotates devices the world holds, whose components the vulnerability matches', () => {
    const store = world();
    const orphanAcks = store.db
      .prepare('SELECT count(*) FROM vulnerability_ack a WHERE NOT EXISTS (SELECT 1 FROM device d WHERE d.id = a.device_id)')
      .pluck()
      .get();
    expect(orphanAcks).toBe(0);
    const unmatched = store.db
      .prepare(
        `SELECT count(*) FROM vulnerability_ack a JOIN device d ON d.id = a.device_id WHERE NOT EXISTS (
           SELECT 1 FROM vulnerability_match m JOIN component c ON c.rowid = m.component_rowid
           WHERE m.vulnerability_rowid = a.vulnerability_rowid AND c.device_rowid = d.rowid)`,
      )
      .pluck()
      .get();
    expect(unmatched).toBe(0);
    const orphanProps = store.db
      .prepare("SELECT count(*) FROM user_property p WHERE p.owner_kind = 'device' AND NOT EXISTS (SELECT 1 FROM device d WHERE d.id = p.owner_id)")
      .pluck()
      .get();
    expect(orphanProps).toBe(0);
  });

  it('holds user properties of components and devices', () => {
    const store = world();
    expect(store.db.prepare("SELECT count(*) FROM user_property WHERE owner_kind = 'component'").pluck().get()).toBeGreaterThan(0);
    expect(store.db.prepare("SELECT count(*) FROM user_property WHERE owner_kind = 'device'").pluck().get()).toBeGreaterThan(0);
  });

  it('holds the custom networks of the plant', () => {
    const store = world();
    expect(store.customNetworks.list().map((n) => n.name)).toEqual(expect.arrayContaining(['Control Room', 'Office Network', 'DMZ']));
  });

  it('holds the presets, each with its data state', () => {
    const store = world();
    const presets = store.presets.list();
    expect(presets.find((p) => p.label === 'All data')).toMatchObject({ custom: false, category: { label: 'Basics' } });
    expect(presets.filter((p) => p.custom).length).toBeGreaterThanOrEqual(5);
    for (const p of presets) expect(store.presets.dataInfo(p.id)?.presetDataAvailable).toBe(true);
  });

  it('ends the history at the given instant, and holds data of the last 24 hours', () => {
    const store = world();
    const maxSeen = store.db.prepare('SELECT max(last_seen) FROM flow').pluck().get() as number;
    expect(maxSeen).toBeLessThanOrEqual(END);
    const recent = store.flows.list({ limit: 10, offset: 0, order: 'asc', start: END - 86_400_000_000 });
    expect(recent.length).toBeGreaterThan(0);
  });

  it('feeds the plant through the ingest pipeline: flows carry Knowledge DB tags and components were announced', () => {
    const store = world();
    const tagged = store.db.prepare("SELECT count(*) FROM flow_tag WHERE tag IN ('S7', 'MODBUS', 'ENIP')").pluck().get() as number;
    expect(tagged).toBeGreaterThan(0);
    const announced = store.events.list({ limit: 2000, offset: 0, order: 'asc', text: 'New component detected' }).length;
    const plantComponents = store.db.prepare('SELECT count(*) FROM component WHERE creation_time > ?').pluck().get(Date.UTC(2021, 0, 1) * 1000) as number;
    expect(announced).toBeGreaterThanOrEqual(plantComponents);
  });

  it('keeps at least one Decode Failure event with a downloadable PCAP', () => {
    const store = world();
    const failures = store.events.list({ limit: 2000, offset: 0, order: 'asc', categories: ['Decode Failure'] }).filter((e) => e.hasData);
    expect(failures.length).toBeGreaterThan(0);
    const data = store.events.data(failures[0]?.id as string);
    expect([0xa1b2c3d4, 0xd4c3b2a1]).toContain(data?.data.readUInt32BE(0));
  });

  it('records what it built, and the Center\'s id from the seed', () => {
    const store = world();
    expect(store.isSeeded()).toBe(true);
    expect(store.settings.get('world.scenario')).toBe('small');
    expect(store.settings.get('world.end')).toBe(String(END));
    expect(store.settings.get('center.id')).toBe(centerId(7));
    expect(world(8).settings.get('center.id')).toBe(centerId(8));
  });

  it('makes devices of the plant\'s assets and of the guide\'s components, each component in one at most', () => {
    const store = world();
    const PLC_3 = '02074cd3-dbe6-52b6-963c-7247ef33a2b1';
    expect(store.devices.ofComponent(PLC_3)).toMatchObject({ label: 'PLC_3', deviceType: 'PLC', mac: ['28:63:36:82:28:96'] });
    const orphans = store.db.prepare('SELECT mac, ip FROM component WHERE device_rowid IS NULL').all() as { mac: string; ip: string | null }[];
    expect(orphans.map((o) => o.ip ?? o.mac).sort()).toEqual(['01:80:c2:00:00:0e', '192.169.62.254', '37.252.227.51', '8.8.8.8', 'ff:ff:ff:ff:ff:ff']);
  });

  it('sums every flow into the activities, the guide\'s included', () => {
    const store = world();
    const flows = store.db.prepare('SELECT count(*) FROM flow').pluck().get();
    expect(store.db.prepare('SELECT sum(flow_count) FROM activity').pluck().get()).toBe(flows);
    // guide 5.3: the flow the guide prints, written directly (not ingested), has its activity.
    const guideFlow = store.flows.get('3d0a4dfc-49e9-54e1-ab7e-f73090a7d47d');
    const [activity] = store.activities.ofComponent(guideFlow?.src.componentId as string) ?? [];
    expect([activity?.leftId, activity?.rightId].sort()).toEqual([guideFlow?.src.componentId, guideFlow?.dst.componentId].sort());
  });

});

describe('isCurrentWorld', () => {
  it('knows a world this version built, and not one of an earlier version or none', () => {
    const store = world();
    expect(store.settings.get('world.version')).toBe(String(WORLD_VERSION));
    expect(isCurrentWorld(store)).toBe(true);
    store.db.exec("DELETE FROM setting WHERE key = 'world.version'");
    expect(isCurrentWorld(store)).toBe(false);
  });
});
