/**
 * Activities (API 3.0): the flows between two endpoints, as one. Between two components for
 * `/activities`; between two network nodes (devices, or components that have none) for a
 * preset's activity list. Version-neutral, times in microseconds.
 */
import type { TagSet } from './types.js';
import type { Micros } from './time.js';

/** What an activity sums up of its flows. */
export interface ActivityTotals {
  /** The earliest first seen and the latest last seen of its flows. */
  firstActivity: Micros;
  lastActivity: Micros;
  flowCount: number;
  /** Packets and layer 2 bytes of its flows' stats, both directions. */
  packetsCount: number;
  bytesCount: number;
  /** Events about its flows. */
  eventsCount: number;
  /** The union of its flows' tags ('important' wins). */
  tags: TagSet;
  /** Variables one end holds and the other reads or writes. */
  variablesCount: number;
}

/** Between two components: `id` is "<leftId>_<rightId>", the smaller id on the left (as the samples show). */
export interface Activity extends ActivityTotals {
  id: string;
  leftId: string;
  rightId: string;
}

/** A network node an activity ends at: a device, or a component that belongs to none. */
export interface NodeRef {
  id: string;
  isDevice: boolean;
}

/** Between two network nodes: the component activities of both ends, grouped; `id` is "<left.id>_<right.id>". */
export interface NodeActivity extends ActivityTotals {
  id: string;
  left: NodeRef;
  right: NodeRef;
  /** How many component activities it groups. */
  activityCount: number;
}

/** The id of an activity between two endpoints (components or nodes): the smaller id first. */
export function activityId(a: string, b: string): string {
  return a <= b ? `${a}_${b}` : `${b}_${a}`;
}

/** The two endpoint ids of an activity id, or undefined when it is not one. */
export function activityEnds(id: string): [string, string] | undefined {
  const parts = id.split('_');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined;
}
