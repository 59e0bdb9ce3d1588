/** How ingest merges what an observation or an analyzer says into a component or a flow. */
import type { PropertyChanges } from '../engine/effects.js';
import type { FlowStats, Properties, TagSet } from '../domain/types.js';
import type { FlowObservation } from './observation.js';
import type { TagClass } from '../domain/vocabulary.js';

/** Merges `add` into `into`; returns the entries that changed. 'important' is never downgraded. */
export function mergeTags(into: TagSet, add: TagSet | undefined): TagSet {
  const changed: TagSet = {};
  for (const [tag, cls] of Object.entries(add ?? {})) {
    const current = into[tag];
    const next: TagClass = current === 'important' ? 'important' : cls;
    if (current !== next) changed[tag] = into[tag] = next;
  }
  return changed;
}

/** Merges `add` into `into` (null removes a property); returns the entries that changed. */
export function mergeProps(into: Properties, add: PropertyChanges | undefined): PropertyChanges {
  const changed: PropertyChanges = {};
  for (const [name, value] of Object.entries(add ?? {})) {
    if (value === null) {
      if (name in into) {
        delete into[name];
        changed[name] = null;
      }
    } else if (into[name] !== value) changed[name] = into[name] = value;
  }
  return changed;
}

/** Whether `add` would change anything in `into` (most observations repeat what is known). */
export function differs(into: Properties, add: PropertyChanges): boolean {
  for (const name in add) if ((into[name] ?? null) !== add[name]) return true;
  return false;
}

/** A batch's packet counts per flow and direction ("<flow rowid>:<position>"; position 0: Client→Server). */
export type PacketSums = Map<string, Omit<FlowStats, 'flowId'> & { flowRowid: number; position: number }>;

/** Adds an observation's packet counts to the batch's sums for its flow. */
export function addPackets(stats: PacketSums, flowRowid: number, packets: NonNullable<FlowObservation['packets']>): void {
  for (const p of packets) {
    const position = p.direction === 'Client→Server' ? 0 : 1;
    const k = `${flowRowid}:${position}`;
    const sum = stats.get(k);
    if (sum) {
      sum.nbPackets += p.nbPackets;
      sum.l2Bytes += p.l2Bytes;
      sum.l7Bytes += p.l7Bytes;
    } else {
      stats.set(k, { flowRowid, position, direction: p.direction, directionMethod: 'detected', nbPackets: p.nbPackets, l2Bytes: p.l2Bytes, l7Bytes: p.l7Bytes });
    }
  }
}
