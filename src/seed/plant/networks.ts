/**
 * The custom networks an operator would define for the plant (API 3.0 `/networks/`): its real
 * subnets (src/seed/plant/topology.ts), each production cell on its own VLAN, and the range the
 * vendors' remote access comes from.
 */
import type { CustomNetwork, CustomNetworkType } from '../../domain/custom-network.js';
import { uuidv5 } from '../../domain/ids.js';
import type { Topology } from './topology.js';

/** The site's networks outside the cells (the allocators of topology.ts; extras.ts names the same ranges). */
const SITE: readonly { name: string; type: CustomNetworkType; ipRange: string; vlanId: number | null }[] = [
  { name: 'Network Management', type: 'OT Internal', ipRange: '10.0.0.0/16', vlanId: 2 },
  { name: 'Office Network', type: 'IT Internal', ipRange: '10.1.0.0/16', vlanId: null },
  { name: 'Control Room', type: 'OT Internal', ipRange: '10.20.0.0/16', vlanId: 20 },
  { name: 'DMZ', type: 'IT Internal', ipRange: '172.16.10.0/24', vlanId: 30 },
];
/** A documentation range (RFC 5737): no address of the plant is in it. */
const REMOTE_ACCESS = { name: 'Vendor remote access', type: 'External', ipRange: '198.51.100.0/24', vlanId: null } as const;

/** The VLAN of cell n: 101, 102, … */
const CELL_VLAN_BASE = 101;

export const customNetworkId = (ipRange: string): string => uuidv5(`custom-network|${ipRange}`);

export function buildCustomNetworks(topo: Pick<Topology, 'cells'>): CustomNetwork[] {
  const cells = topo.cells.map((c) => ({ name: c.name, type: 'OT Internal' as const, ipRange: `${c.subnet}.0/24`, vlanId: CELL_VLAN_BASE + c.idx }));
  return [...SITE, ...cells, REMOTE_ACCESS].map((n) => ({ id: customNetworkId(n.ipRange), ...n, duplicated: false, splitDevicesPerSensor: false }));
}
