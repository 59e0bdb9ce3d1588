/** Custom networks (API 3.0 `/networks/`): reads, and the writes the seed and src/operations/networks.ts use. */
import { type CustomNetwork, type CustomNetworkType, parseCidr } from '../domain/custom-network.js';
import type { Network } from '../domain/queries.js';
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
  const updateStmt = db.prepare(
    `UPDATE custom_network SET name = ?, type = ?, ip_range = ?, ip_first = ?, ip_last = ?, vlan_id = ?, duplicated = ?, split_devices_per_sensor = ?
     WHERE id = ?`,
  );
  const deleteStmt = db.prepare('DELETE FROM custom_network WHERE id = ?');
  const inRanges = (column: string) => `EXISTS (SELECT 1 FROM json_each(?) r WHERE ${column} BETWEEN r.value ->> 0 AND r.value ->> 1)`;
  const componentsIn = db.prepare(`SELECT count(*) FROM component c WHERE ${inRanges('c.ip_num')}`).pluck();
  const externalCommunicationsIn = db
    .prepare(`SELECT count(*) FROM external_communication e JOIN component c ON c.rowid = e.external_component WHERE ${inRanges('c.ip_num')}`)
    .pluck();
  const rangesJson = (ranges: readonly Network[]) => JSON.stringify(ranges.map((r) => [r.first, r.last]));
  const cidrOf = (n: CustomNetwork) => {
    const cidr = parseCidr(n.ipRange);
    if (!cidr) throw new Error(`not a CIDR network: ${n.ipRange}`);
    return cidr;
  };

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
      const cidr = cidrOf(n);
      insertStmt.run(n.id, n.name, n.type, n.ipRange, cidr.first, cidr.last, n.vlanId, n.duplicated ? 1 : 0, n.splitDevicesPerSensor ? 1 : 0);
    },

    /** Replaces a network's fields (its id stays); false when it is unknown. */
    update(n: CustomNetwork): boolean {
      const cidr = cidrOf(n);
      return updateStmt.run(n.name, n.type, n.ipRange, cidr.first, cidr.last, n.vlanId, n.duplicated ? 1 : 0, n.splitDevicesPerSensor ? 1 : 0, n.id).changes > 0;
    },

    /** Deletes a network; false when it is unknown. */
    remove(id: string): boolean {
      return deleteStmt.run(id).changes > 0;
    },

    /** How many components have an IPv4 address in these ranges. */
    componentsIn(ranges: readonly Network[]): number {
      return ranges.length === 0 ? 0 : (componentsIn.get(rangesJson(ranges)) as number);
    },

    /** How many external communications have their external end in these ranges. */
    externalCommunicationsIn(ranges: readonly Network[]): number {
      return ranges.length === 0 ? 0 : (externalCommunicationsIn.get(rangesJson(ranges)) as number);
    },
  };
}

export type CustomNetworkRepo = ReturnType<typeof createCustomNetworkRepo>;
