/** Custom networks (API 3.0 `/networks/`): reads, and the insert the seed (and later the writes) use. */
import { type CustomNetwork, type CustomNetworkType, parseCidr } from '../domain/custom-network.js';
import type { Db } from './db.js';
import { bool } from './sql.js';

interface NetworkRow {
  id: string;
  name: string;
  type: CustomNetworkType;
  ip_range: string;
  vlan_id: number | null;
  duplicated: number;
  split_devices_per_sensor: number;
}

const COLUMNS = 'id, name, type, ip_range, vlan_id, duplicated, split_devices_per_sensor';

const toNetwork = (r: NetworkRow): CustomNetwork => ({
  id: r.id,
  name: r.name,
  type: r.type,
  ipRange: r.ip_range,
  vlanId: r.vlan_id,
  duplicated: bool(r.duplicated),
  splitDevicesPerSensor: bool(r.split_devices_per_sensor),
});

export function createCustomNetworkRepo(db: Db) {
  const all = db.prepare(`SELECT ${COLUMNS} FROM custom_network ORDER BY rowid`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM custom_network WHERE id = ?`);
  const insertStmt = db.prepare(
    `INSERT INTO custom_network (id, name, type, ip_range, ip_first, ip_last, vlan_id, duplicated, split_devices_per_sensor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    /** In the order they were created. */
    list(): CustomNetwork[] {
      return (all.all() as NetworkRow[]).map(toNetwork);
    },

    get(id: string): CustomNetwork | undefined {
      const row = byId.get(id) as NetworkRow | undefined;
      return row ? toNetwork(row) : undefined;
    },

    /** Adds a network; its range must be a CIDR network (CustomNetworkSchema checks it). */
    insert(n: CustomNetwork): void {
      const cidr = parseCidr(n.ipRange);
      if (!cidr) throw new Error(`not a CIDR network: ${n.ipRange}`);
      insertStmt.run(n.id, n.name, n.type, n.ipRange, cidr.first, cidr.last, n.vlanId, n.duplicated ? 1 : 0, n.splitDevicesPerSensor ? 1 : 0);
    },
  };
}

export type CustomNetworkRepo = ReturnType<typeof createCustomNetworkRepo>;
