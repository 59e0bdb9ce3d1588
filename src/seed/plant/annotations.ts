/**
 * What users note on the plant's objects: acknowledgements of some of the vulnerabilities found
 * (a compensating control, a patch planned, a false positive). Drawn from the plant's own random
 * stream for annotations, so that the rest of the plant does not move.
 */
import { uuidv5 } from '../../domain/ids.js';
import { MICROS_PER_DAY, type Micros } from '../../domain/time.js';
import type { Random } from '../../random.js';
import type { PlantMatch } from './extras.js';
import type { Device, Topology } from './topology.js';

/**
 * The id of a plant device, for what users note per device. The devices themselves are built
 * elsewhere (table `device`): this derivation must be theirs (one place to change if it is not).
 */
export function plantDeviceId(d: Pick<Device, 'mac'>): string {
  return uuidv5(`device|${d.mac.toLowerCase()}`);
}

export interface PlantAck {
  deviceId: string;
  componentId: string;
  vulnerabilityId: string;
  author: string;
  comment: string;
  /** How long after the match the user acknowledged it. */
  after: Micros;
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
        deviceId: plantDeviceId(topo.devices[m.device] as Device),
        componentId: m.componentId,
        vulnerabilityId: m.vulnerability.id,
        author: rng.pick(ACK_AUTHORS),
        comment: rng.pick(ACK_COMMENTS),
        after: rng.int(1, 20) * MICROS_PER_DAY + rng.int(0, 86_399_999_999),
      };
    });
}
