/**
 * Devices (API 3.0): the physical assets a Center makes of its components, and network nodes,
 * the list that mixes devices with the components that have none. Version-neutral, times in
 * microseconds; the wire shapes are the serializers' business.
 */
import type { ComponentDetail } from './component-view.js';
import type { Component, TagSet, Vulnerability } from './types.js';
import type { ListFields } from './list-request.js';
import type { Micros } from './time.js';
import type { UserProperty } from './user-property.js';

/** The normalized fields of a component (src/domain/types.ts), as a device sees them across its components. */
export type NormalizedField = 'name' | 'modelName' | 'modelRef' | 'fwVersion' | 'hwVersion' | 'serialNumber' | 'vendorName' | 'projectName' | 'projectVersion';

/** What is counted about a node (a device: over its components). */
export interface NodeCounts {
  components: number;
  /** Flows that have one of its components at either end. */
  flows: number;
  /** Events about one of its components (its own, or as an end of their flow). */
  events: number;
  /** Variables its components hold. */
  variables: number;
  credentials: number;
  /** Component activities with one of its components at either end. */
  activities: number;
  externalCommunications: number;
  /** Catalogue entries its components match, one per entry. */
  vulnerabilities: number;
}

export interface Device {
  id: string;
  /** The name the Center gave it: the best name among its components (src/ingest/device-rule.ts). */
  label: string;
  /** The user's name for it, or null. */
  customLabel: string | null;
  /** "PLC", "HMI", "Switch", … or "" when unknown. */
  deviceType: string;
  /** An icon of the Center's library, e.g. "library/siemens.svg". */
  icon: string;
  creationTime: Micros;
  /** The earliest and latest activity of its components. */
  firstActivity: Micros;
  lastActivity: Micros;
  /** Computed elsewhere (the risk score); null until then. */
  riskScore: number | null;
  bestAchievableScore: number | null;
  /** Distinct, in component order. */
  ip: string[];
  mac: string[];
  /** Each normalized field its components have, with its distinct values. */
  normalized: Partial<Record<NormalizedField, string[]>>;
  /** Each property its components have, with its distinct values. */
  properties: Record<string, string[]>;
  /** The union of its components' tags ('important' wins). */
  tags: TagSet;
  componentIds: string[];
  /** The group its components are in (the first that is in one), or null. */
  group: { id: string; label: string } | null;
  counts: NodeCounts;
}

/** What one component says of its device, each with a rank (lower is better): the device keeps the best. */
export interface DeviceTraits {
  label: string;
  labelRank: number;
  deviceType: string;
  typeRank: number;
  icon: string;
  iconRank: number;
}

/** A device's icon when nothing better is known. */
export const DEFAULT_ICON = 'library/default.svg';

/** One entry of the network node list: a device, or a component that belongs to none. */
export type NetworkNode = { isDevice: true; device: Device } | { isDevice: false; component: Component; counts: NodeCounts };

/** A device with what API 3.0 shows of it beyond the device itself. */
export interface DeviceDetail {
  device: Device;
  /** Its components in full, in the order they were made. */
  components: ComponentDetail[];
  /** The union of its components' flow tags, and of the sensors that saw them. */
  flowsTags: TagSet;
  sensorNames: string[];
  userProperties: UserProperty[];
  /** The catalogue entries its components match, one per entry, in match order. */
  vulnerabilities: Vulnerability[];
}

/** What a preset's network node list (API 3.0 networknode-list) may be sorted and filtered on. */
export const NETWORK_NODE_FIELDS = {
  id: { kind: 'exact', sort: true, filter: true },
  label: { kind: 'text', sort: true, filter: true },
  isDevice: { kind: 'boolean', sort: true, filter: true },
  deviceType: { kind: 'text', sort: true, filter: true },
  riskScore: { kind: 'number', sort: true, filter: true },
  firstActivity: { kind: 'number', sort: true },
  lastActivity: { kind: 'number', sort: true },
} as const satisfies ListFields<string>;
export type NetworkNodeField = keyof typeof NETWORK_NODE_FIELDS;
