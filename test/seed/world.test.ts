import { describe, expect, it } from 'vitest';
import { centerId } from '../../src/domain/center.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld, upgradeWorld } from '../../src/seed/world.js';
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

describe('buildWorld', () => {
  it('gives the same database, ids and timestamps included, for the same profile and end', () => {
    const a = world();
    const b = world();
    const tables = dump(a);
    expect(dump(b)).toEqual(tables);
    expect(a.db.prepare('SELECT count(*) FROM flow').pluck().get()).toBeGreaterThan(100);
    // API 3.0's world is in it too.
    for (const t of ['device', 'activity', 'activity_tag', 'credential', 'external_communication']) expect(tables[t]?.length, t).toBeGreaterThan(0);
  });

  it('gives another world for another seed', () => {
    const a = dump(world());
    const b = dump(world(8));
    expect(b['component']).not.toEqual(a['component']);
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

describe('upgradeWorld', () => {
  const devices = (store: Store) => [...store.devices.all()].map((d) => [d.id, d.label, d.deviceType, d.icon, d.componentIds]);
  const rows = (store: Store, table: string) => store.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();

  it('gives a world of an earlier version (no Center id) the devices, activities and external communications a build makes', () => {
    const built = world();
    const old = world();
    old.db.exec(`UPDATE component SET device_rowid = NULL; DELETE FROM device; DELETE FROM activity_tag; DELETE FROM activity;
      DELETE FROM external_communication; DELETE FROM setting WHERE key = 'center.id'`);
    expect(upgradeWorld(old)).toBe(true);
    expect(devices(old)).toEqual(devices(built));
    for (const t of ['activity', 'activity_tag', 'external_communication']) expect(rows(old, t), t).toEqual(rows(built, t));
    expect(old.settings.get('center.id')).toBe(built.settings.get('center.id'));
  });

  it('leaves a current world, and an empty file, as they are', () => {
    const store = world();
    const before = dump(store);
    expect(upgradeWorld(store)).toBe(false);
    expect(dump(store)).toEqual(before);
    expect(upgradeWorld(openStore(':memory:'))).toBe(false);
  });
});
