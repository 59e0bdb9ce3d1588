/**
 * Network nodes (API 3.0 networknode-list): every device and every component that belongs to
 * none, in one list in id order (both kinds of id are UUIDs; `isDevice` tells them apart). The
 * order is a merge of the device ids' index with the components without a device (a few, read
 * through the device index's NULL entries), so a page reads only as far as it reaches.
 */
import type { NetworkNode, NodeCounts } from '../domain/devices.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import type { DeviceRepo } from './devices.js';
import type { NodeCountsRepo } from './node-counts.js';

export interface NodeRow {
  id: string;
  is_device: number;
  rowid: number;
}

const NODES = `SELECT id, 1 AS is_device, rowid FROM device
  UNION ALL SELECT id, 0 AS is_device, rowid FROM component WHERE device_rowid IS NULL`;
const STREAM_CHUNK = 500;

export function createNetworkNodeRepo(db: Db, components: ComponentRepo, devices: DeviceRepo, nodeCounts: NodeCountsRepo) {
  const pageStmt = db.prepare(`${NODES} ORDER BY id LIMIT ? OFFSET ?`);
  const afterStmt = db.prepare(
    `SELECT id, 1 AS is_device, rowid FROM device WHERE id > @after
     UNION ALL SELECT id, 0, rowid FROM component WHERE device_rowid IS NULL AND id > @after ORDER BY id LIMIT @limit`,
  );
  const byIdStmt = db.prepare(
    `SELECT id, 1 AS is_device, rowid FROM device WHERE id = @id
     UNION ALL SELECT id, 0, rowid FROM component WHERE id = @id AND device_rowid IS NULL`,
  );
  const countStmt = db.prepare('SELECT (SELECT count(*) FROM device) + (SELECT count(*) FROM component WHERE device_rowid IS NULL)').pluck();

  function hydrate(rows: readonly NodeRow[]): NetworkNode[] {
    const deviceRowids = rows.filter((r) => r.is_device === 1).map((r) => r.rowid);
    const orphanRowids = rows.filter((r) => r.is_device === 0).map((r) => r.rowid);
    const byDevice = new Map(devices.byRowids(deviceRowids).map((d) => [d.id, d]));
    const byComponent = new Map(components.byRowids(orphanRowids).map((c) => [c.id, c]));
    const counts = nodeCounts.of(new Map(orphanRowids.map((r) => [r, [r]])));
    const out: NetworkNode[] = [];
    for (const r of rows) {
      if (r.is_device === 1) {
        const device = byDevice.get(r.id);
        if (device) out.push({ isDevice: true, device });
      } else {
        const component = byComponent.get(r.id);
        if (component) out.push({ isDevice: false, component, counts: counts.get(r.rowid) as NodeCounts });
      }
    }
    return out;
  }

  return {
    /** A page of nodes, in id order. */
    page(q: { offset: number; limit: number }): NetworkNode[] {
      return hydrate(pageStmt.all(q.limit, q.offset) as NodeRow[]);
    },

    /** Every node, in id order, read a chunk at a time. */
    *all(): Generator<NetworkNode> {
      let after = '';
      for (;;) {
        const rows = afterStmt.all({ after, limit: STREAM_CHUNK }) as NodeRow[];
        yield* hydrate(rows);
        if (rows.length < STREAM_CHUNK) return;
        after = (rows[rows.length - 1] as NodeRow).id;
      }
    },

    /** A node by id: a device, or a component without one (a component of a device is not a node). */
    get(id: string): NetworkNode | undefined {
      return hydrate(byIdStmt.all({ id }) as NodeRow[])[0];
    },

    /** Nodes by id, in the order given; unknown ids are left out. */
    getMany(ids: readonly string[]): NetworkNode[] {
      const rows = ids.flatMap((id) => byIdStmt.all({ id }) as NodeRow[]);
      return hydrate(rows);
    },

    count(): number {
      return countStmt.get() as number;
    },

    /** Nodes by kind and rowid (a device's, or a component's without one), in the order given. */
    byRows(rows: readonly NodeRow[]): NetworkNode[] {
      return hydrate(rows);
    },
  };
}

export type NetworkNodeRepo = ReturnType<typeof createNetworkNodeRepo>;
