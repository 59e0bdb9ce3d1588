import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, NodeActivity } from '../../src/domain/activities.js';
import type { TagSet } from '../../src/domain/types.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld } from '../../src/seed/world.js';
import { openStore, type Store } from '../../src/store/store.js';
import { T0, seen, trafficStore } from './traffic-helpers.js';

const END = Date.UTC(2026, 0, 15, 12) * 1000;

let store: Store;
let activities: Activity[];
let nodes: NodeActivity[];
beforeAll(() => {
  store = openStore(':memory:');
  buildWorld(store, { profile: loadProfile('small'), end: END });
  activities = [...store.activities.all()];
  nodes = [...store.activities.nodeAll()];
});

interface FlowSums {
  first: number;
  last: number;
  flows: number;
  packets: number;
  bytes: number;
  events: number;
  tags: TagSet;
}

/** What the flows between two components sum up to, read from the flows themselves. */
function flowSums(a: string, b: string): FlowSums {
  const flows = store.db
    .prepare(
      `SELECT f.rowid, f.first_seen, f.last_seen FROM flow f JOIN component s ON s.rowid = f.src_component JOIN component d ON d.rowid = f.dst_component
       WHERE (s.id = @a AND d.id = @b) OR (s.id = @b AND d.id = @a)`,
    )
    .all({ a, b }) as { rowid: number; first_seen: number; last_seen: number }[];
  const sums: FlowSums = { first: Infinity, last: -Infinity, flows: flows.length, packets: 0, bytes: 0, events: 0, tags: {} };
  for (const f of flows) {
    sums.first = Math.min(sums.first, f.first_seen);
    sums.last = Math.max(sums.last, f.last_seen);
    const s = store.db.prepare('SELECT coalesce(sum(nb_packets), 0) AS p, coalesce(sum(l2_bytes), 0) AS b FROM flow_stats WHERE flow_rowid = ?').get(f.rowid) as { p: number; b: number };
    sums.packets += s.p;
    sums.bytes += s.b;
    sums.events += store.db.prepare('SELECT count(*) FROM event WHERE flow_rowid = ?').pluck().get(f.rowid) as number;
    for (const t of store.db.prepare('SELECT tag, class FROM flow_tag WHERE flow_rowid = ?').all(f.rowid) as { tag: string; class: 'info' | 'important' }[]) {
      if (sums.tags[t.tag] !== 'important') sums.tags[t.tag] = t.class;
    }
  }
  return sums;
}

describe('activities of the seeded world', () => {
  it('hold every flow once, one activity per pair of components whatever the direction', () => {
    expect(activities.reduce((n, a) => n + a.flowCount, 0)).toBe(store.db.prepare('SELECT count(*) FROM flow').pluck().get());
    const pairs = activities.map((a) => `${a.leftId}_${a.rightId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const a of activities) {
      expect(a.leftId <= a.rightId).toBe(true);
      expect(a.id).toBe(`${a.leftId}_${a.rightId}`);
    }
  });

  it('sum up their flows: first and last activity, counts, stats, events and the union of tags', () => {
    for (const a of activities) {
      const s = flowSums(a.leftId, a.rightId);
      expect(a, a.id).toMatchObject({ firstActivity: s.first, lastActivity: s.last, flowCount: s.flows, packetsCount: s.packets, bytesCount: s.bytes, eventsCount: s.events, tags: s.tags });
    }
    expect(activities.some((a) => a.eventsCount > 0)).toBe(true);
    expect(activities.some((a) => a.packetsCount > 0)).toBe(true);
  });
});

describe('ActivityRepo reads', () => {
  it('get: by id; undefined for an id that is no pair, or the pair reversed', () => {
    const a = activities[4] as Activity;
    expect(store.activities.get(a.id)).toEqual(a);
    expect(store.activities.get(`${a.rightId}_${a.leftId}`)).toBeUndefined();
    expect(store.activities.get('nope')).toBeUndefined();
  });

  it('page: the pages making up the whole stream; a window keeps the activities it overlaps', () => {
    const walked: Activity[] = [];
    for (let offset = 0; ; offset += 9) {
      const page = store.activities.page({ offset, limit: 9 });
      walked.push(...page);
      if (page.length < 9) break;
    }
    expect(walked).toEqual(activities);
    expect(store.activities.count()).toBe(activities.length);
    const from = END - 86_400_000_000;
    expect(store.activities.page({ offset: 0, limit: 1000, from })).toEqual(activities.filter((a) => a.lastActivity >= from));
  });

  it('ofComponent and ofDevice: the activities they are an end of', () => {
    const c = activities[0]?.leftId as string;
    expect(store.activities.ofComponent(c)).toEqual(activities.filter((a) => a.leftId === c || a.rightId === c));
    expect(store.activities.ofComponent('00000000-0000-5000-8000-000000000000')).toBeUndefined();
    const device = store.devices.ofComponent(c);
    const members = new Set(device?.componentIds);
    expect(store.activities.ofDevice(device?.id as string)).toEqual(activities.filter((a) => members.has(a.leftId) || members.has(a.rightId)));
  });
});

describe('activities between network nodes', () => {
  const nodeOf = (componentId: string): string => store.devices.ofComponent(componentId)?.id ?? componentId;

  it('group the component activities by the nodes of both ends, devices or components without one', () => {
    expect(nodes.reduce((n, x) => n + x.activityCount, 0)).toBe(activities.length);
    for (const x of nodes) {
      const members = activities.filter((a) => {
        const [l, r] = [nodeOf(a.leftId), nodeOf(a.rightId)];
        return (l === x.left.id && r === x.right.id) || (l === x.right.id && r === x.left.id);
      });
      expect(members.length, x.id).toBe(x.activityCount);
      expect(x.id).toBe(`${x.left.id}_${x.right.id}`);
      expect(x.left.id <= x.right.id).toBe(true);
      expect(x.flowCount).toBe(members.reduce((n, a) => n + a.flowCount, 0));
      expect(x.bytesCount).toBe(members.reduce((n, a) => n + a.bytesCount, 0));
      expect(x.firstActivity).toBe(Math.min(...members.map((a) => a.firstActivity)));
      expect(x.lastActivity).toBe(Math.max(...members.map((a) => a.lastActivity)));
      expect(Object.keys(x.tags).sort()).toEqual([...new Set(members.flatMap((a) => Object.keys(a.tags)))].sort());
      for (const n of [x.left, x.right]) expect(store.networkNodes.get(n.id)?.isDevice).toBe(n.isDevice);
    }
    expect(nodes.some((x) => !x.left.isDevice || !x.right.isDevice)).toBe(true);
  });

  it('nodePage and nodeGet: pages of the stream; one by id', () => {
    expect([...store.activities.nodePage({ offset: 0, limit: 5 }), ...store.activities.nodePage({ offset: 5, limit: 1000 })]).toEqual(nodes);
    expect(store.activities.nodeCount()).toBe(nodes.length);
    const x = nodes[2] as NodeActivity;
    expect(store.activities.nodeGet(x.id)).toEqual(x);
    expect(store.activities.nodeGet('a_b')).toBeUndefined();
  });
});

describe('deleting a tag', () => {
  it('takes it off the activities too', () => {
    const local = openStore(':memory:');
    buildWorld(local, { profile: loadProfile('small'), end: END });
    local.tags.insert({ key: 'MINE', label: 'Mine', description: '', category: 'My tag', type: 'flow', it: true, ot: true, origin: 'api' });
    local.db.prepare("INSERT INTO activity_tag SELECT rowid, 'MINE', 'info' FROM activity LIMIT 3").run();
    expect([...local.activities.all()].filter((a) => 'MINE' in a.tags)).toHaveLength(3);
    local.tags.delete('MINE');
    expect([...local.activities.all()].filter((a) => 'MINE' in a.tags)).toHaveLength(0);
  });
});

describe('ActivityRepo.applyDeltas', () => {
  it('makes an activity with its first flow, then moves it on; an important tag stays important', () => {
    const local = openStore(':memory:');
    const c = (mac: string) => local.components.insert({ id: `00000000-0000-5000-8000-${mac.replace(/:/g, '')}`, mac, ip: null, creationTime: 1, lastActiveTime: 1 });
    const [l, r] = [c('00:00:00:00:00:01'), c('00:00:00:00:00:02')];
    const delta = { left: l, right: r, nodeA: -r, nodeB: -l, packets: 1, bytes: 60, events: 0 };
    local.activities.applyDeltas([{ ...delta, first: 10, last: 10, flows: 1, tags: { S7: 'info', STOP_CPU: 'important' } }]);
    local.activities.applyDeltas([{ ...delta, first: 5, last: 30, flows: 0, events: 2, tags: { STOP_CPU: 'info', MODBUS: 'info' } }]);
    const [a] = [...local.activities.all()];
    expect(a).toMatchObject({ firstActivity: 5, lastActivity: 30, flowCount: 1, packetsCount: 2, bytesCount: 120, eventsCount: 2, tags: { S7: 'info', STOP_CPU: 'important', MODBUS: 'info' } });
  });
});

describe('activities between network nodes, of devices with several components', () => {
  it('sum the activities of all the pairs of their components into one', () => {
    const [hmi, plc] = [{ mac: '00:0e:8c:00:00:01', ip: '10.10.1.20' }, { mac: '00:1b:1b:00:00:02', ip: '10.10.1.10' }];
    const profinet = { ethertype: 'Profinet', protocol: null, src: { mac: plc.mac }, dst: { mac: hmi.mac } };
    const local = trafficStore([seen(T0, hmi, { ...plc, port: 102 }), { ...profinet, time: T0 + 7 }]);
    expect(local.activities.count()).toBe(2);
    const [x, ...more] = [...local.activities.nodeAll()];
    expect(more).toEqual([]);
    expect(x).toMatchObject({ activityCount: 2, flowCount: 2, firstActivity: T0, lastActivity: T0 + 7, left: { isDevice: true }, right: { isDevice: true } });
    expect(Object.keys(x?.tags ?? {}).sort()).toEqual(['PROFINET', 'S7']);
    expect(local.activities.nodeGet(x?.id as string)).toEqual(x);
  });
});
