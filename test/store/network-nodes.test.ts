import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkNode } from '../../src/domain/devices.js';
import { loadProfile } from '../../src/seed/profile.js';
import { buildWorld } from '../../src/seed/world.js';
import { openStore, type Store } from '../../src/store/store.js';

const END = Date.UTC(2026, 0, 15, 12) * 1000;
const idOf = (n: NetworkNode): string => (n.isDevice ? n.device.id : n.component.id);

let store: Store;
let nodes: NetworkNode[];
beforeAll(() => {
  store = openStore(':memory:');
  buildWorld(store, { profile: loadProfile('small'), end: END });
  nodes = [...store.networkNodes.all()];
});

describe('network nodes', () => {
  it('are every device and every component without one, in one list in id order', () => {
    const devices = store.devices.count();
    const orphans = store.db.prepare('SELECT id FROM component WHERE device_rowid IS NULL ORDER BY id').pluck().all() as string[];
    expect(nodes.filter((n) => n.isDevice)).toHaveLength(devices);
    expect(nodes.flatMap((n) => (n.isDevice ? [] : [n.component.id]))).toEqual(orphans);
    expect(orphans.length).toBeGreaterThan(0);
    const ids = nodes.map(idOf);
    expect(ids).toEqual([...ids].sort());
    expect(store.networkNodes.count()).toBe(nodes.length);
    // Both kinds mixed, not one after the other.
    const firstOrphan = nodes.findIndex((n) => !n.isDevice);
    expect(nodes.slice(firstOrphan).some((n) => n.isDevice)).toBe(true);
  });

  it('count what touches a component without a device, as for a device', () => {
    for (const n of nodes) {
      if (n.isDevice) continue;
      const rowid = store.db.prepare('SELECT rowid FROM component WHERE id = ?').pluck().get(n.component.id) as number;
      const flows = store.db.prepare('SELECT count(*) FROM flow WHERE src_component = @c OR dst_component = @c').pluck().get({ c: rowid });
      expect(n.counts).toMatchObject({ components: 1, flows, activities: store.activities.ofComponent(n.component.id)?.length });
    }
  });

  it('page, get and getMany: pages of the stream; a node by id; a component of a device is no node', () => {
    expect([...store.networkNodes.page({ offset: 0, limit: 11 }), ...store.networkNodes.page({ offset: 11, limit: 1000 })]).toEqual(nodes);
    expect(store.networkNodes.page({ offset: nodes.length, limit: 5 })).toEqual([]);
    const [a, b] = [nodes[1] as NetworkNode, nodes.find((n) => !n.isDevice) as NetworkNode];
    expect(store.networkNodes.get(idOf(a))).toEqual(a);
    expect(store.networkNodes.getMany([idOf(b), 'nope', idOf(a)])).toEqual([b, a]);
    const member = (nodes.find((n) => n.isDevice) as { device: { componentIds: string[] } }).device.componentIds[0] as string;
    expect(store.networkNodes.get(member)).toBeUndefined();
  });
});
