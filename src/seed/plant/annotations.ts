/**
 * What users note on the plant's objects: acknowledgements of some of the vulnerabilities found
 * (a compensating control, a patch planned, a false positive) and user properties on some
 * devices and components (asset tags, locations, owners). Drawn from the plant's own random
 * stream for annotations, so that the rest of the plant does not move.
 */
import { deviceId, uuidv5 } from '../../domain/ids.js';
import { MICROS_PER_DAY, type Micros } from '../../domain/time.js';
import type { UserPropertyOwner } from '../../domain/user-property.js';
import type { Random } from '../../random.js';
import type { PlantMatch } from './extras.js';
import type { Device, Topology } from './topology.js';

export interface PlantAck {
  deviceId: string;
  componentId: string;
  vulnerabilityId: string;
  author: string;
  comment: string;
  /** How long after the match the user acknowledged it. */
  after: Micros;
}

export interface PlantUserProperty {
  owner: Exclude<UserPropertyOwner, 'group'>;
  ownerId: string;
  id: string;
  key: string;
  value: string;
}

const ACK_AUTHORS = ['j.martin@example.com', 'a.schmidt@example.com', 'm.nowak@example.com', 'k.tanaka@example.com'];
const ACK_COMMENTS = [
  'Compensating control: the port is filtered at the cell firewall.',
  'Vendor patch scheduled for the next plant shutdown.',
  'False positive: the firmware was updated during the last maintenance.',
  'Accepted risk: the device is isolated from the plant network.',
];
/** About one match in twenty is acknowledged, at least one when there are matches. */
const ACK_SHARE = 0.05;

export function buildAcknowledgements(rng: Random, topo: Pick<Topology, 'devices'>, matches: readonly PlantMatch[]): PlantAck[] {
  const n = matches.length === 0 ? 0 : Math.max(1, Math.round(matches.length * ACK_SHARE));
  const picked = new Set<number>();
  while (picked.size < n) picked.add(rng.int(0, matches.length - 1));
  return [...picked]
    .sort((a, b) => a - b)
    .map((i) => {
      const m = matches[i] as PlantMatch;
      return {
        deviceId: deviceId((topo.devices[m.device] as Device).mac),
        componentId: m.componentId,
        vulnerabilityId: m.vulnerability.id,
        author: rng.pick(ACK_AUTHORS),
        comment: rng.pick(ACK_COMMENTS),
        after: rng.int(1, 20) * MICROS_PER_DAY + rng.int(0, 86_399_999_999),
      };
    });
}

const OWNERS = ['Maintenance', 'Process engineering', 'OT security', 'Utilities team'];
/** The devices users annotate: the ones an operator keeps an inventory of. */
const ANNOTATED: ReadonlySet<Device['fn']> = new Set(['plc', 'hmi', 'scada', 'historian', 'engineering', 'rtu']);

/** Asset tags on some controllers' components; a location and an owner on some devices. */
export function buildUserProperties(rng: Random, topo: Pick<Topology, 'devices' | 'cells' | 'endpointId'>): PlantUserProperty[] {
  const out: PlantUserProperty[] = [];
  const add = (owner: PlantUserProperty['owner'], ownerId: string, key: string, value: string) =>
    out.push({ owner, ownerId, id: uuidv5(`user-property|${owner}|${ownerId}|${key}`), key, value });
  for (const d of topo.devices) {
    if (!ANNOTATED.has(d.fn) || !rng.chance(0.3)) continue;
    if (d.fn === 'plc' && d.ipEp >= 0) add('component', topo.endpointId(d.ipEp), 'Asset tag', `AT-${String(100_000 + d.idx * 7).padStart(6, '0')}`);
    const ownerId = deviceId(d.mac);
    const where = d.cell >= 0 ? (topo.cells[d.cell]?.name ?? 'Plant floor') : 'Main building, server room';
    add('device', ownerId, 'Location', `${where}, cabinet ${rng.int(1, 24)}`);
    add('device', ownerId, 'Owner', rng.pick(OWNERS));
  }
  return out;
}
