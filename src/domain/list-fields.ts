/**
 * The vocabularies of the 3.0 lists of components, flows, activities, variables and external
 * communications (src/domain/list-request.ts): the fields a client may sort or filter on. Cisco's
 * document names the parameters (`sort` "field1,field2:DESC", `filter` "field1:val,field2:abc")
 * but not the fields, except on externalCommunications; the fields here are the wire names of
 * the objects' own fields that clients read (spec/v3 clients.md 1.1), e.g. SPL's
 * `sort=lastActivity:desc` on /components.
 */
import type { ListFields } from './list-request.js';

export const COMPONENT_FIELDS = {
  id: { kind: 'exact', filter: true },
  label: { kind: 'text', sort: true, filter: true },
  ip: { kind: 'text', sort: true, filter: true },
  mac: { kind: 'text', sort: true, filter: true },
  vendor: { kind: 'text', sort: true, filter: true },
  group: { kind: 'text', sort: true, filter: true },
  firstActivity: { kind: 'number', sort: true, filter: true },
  lastActivity: { kind: 'number', sort: true, filter: true },
} as const satisfies ListFields<string>;
export type ComponentField = keyof typeof COMPONENT_FIELDS;

export const FLOW_FIELDS = {
  id: { kind: 'exact', filter: true },
  protocol: { kind: 'exact', sort: true, filter: true },
  srcPort: { kind: 'number', sort: true, filter: true },
  dstPort: { kind: 'number', sort: true, filter: true },
  tags: { kind: 'exact', filter: true },
  firstActivity: { kind: 'number', sort: true },
  lastActivity: { kind: 'number', sort: true },
} as const satisfies ListFields<string>;
export type FlowField = keyof typeof FLOW_FIELDS;

/** Between components (`/activities`); `tags` is a tag id (key), e.g. "ARP". */
export const ACTIVITY_FIELDS = {
  id: { kind: 'exact', filter: true },
  tags: { kind: 'exact', filter: true },
  firstActivity: { kind: 'number', sort: true },
  lastActivity: { kind: 'number', sort: true },
  flowCount: { kind: 'number', sort: true },
  packetsCount: { kind: 'number', sort: true },
  bytesCount: { kind: 'number', sort: true },
  eventsCount: { kind: 'number', sort: true },
} as const satisfies ListFields<string>;
export type ActivityField = keyof typeof ACTIVITY_FIELDS;

/** Between network nodes (a preset's activity-list): the same, without `id` (the nodes' ids, not a row's). */
export const NODE_ACTIVITY_FIELDS = {
  tags: ACTIVITY_FIELDS.tags,
  firstActivity: ACTIVITY_FIELDS.firstActivity,
  lastActivity: ACTIVITY_FIELDS.lastActivity,
  flowCount: ACTIVITY_FIELDS.flowCount,
  packetsCount: ACTIVITY_FIELDS.packetsCount,
  bytesCount: ACTIVITY_FIELDS.bytesCount,
  eventsCount: ACTIVITY_FIELDS.eventsCount,
} as const satisfies ListFields<string>;
export type NodeActivityField = keyof typeof NODE_ACTIVITY_FIELDS;

export const VARIABLE_FIELDS = {
  label: { kind: 'text', sort: true, filter: true },
  protocol: { kind: 'exact', sort: true, filter: true },
  category: { kind: 'exact', sort: true, filter: true },
  firstAccess: { kind: 'number', sort: true },
  lastAccess: { kind: 'number', sort: true },
} as const satisfies ListFields<string>;
export type VariableField = keyof typeof VARIABLE_FIELDS;

/** Cisco's document lists these for `sort` and `filter` (GET /{type}/{id}/externalCommunications). */
export const EXTERNAL_COMMUNICATION_FIELDS = {
  externalIP: { kind: 'text', sort: true, filter: true },
  internalIP: { kind: 'text', sort: true, filter: true },
  serverPort: { kind: 'exact', sort: true, filter: true },
  hostname: { kind: 'text', sort: true, filter: true },
  protocol: { kind: 'exact', sort: true, filter: true },
  direction: { kind: 'exact', filter: true },
  receivedByDevice: { kind: 'number', sort: true },
  sentByDevice: { kind: 'number', sort: true },
  lastSeen: { kind: 'number', sort: true },
} as const satisfies ListFields<string>;
export type ExternalCommunicationField = keyof typeof EXTERNAL_COMMUNICATION_FIELDS;

/**
 * The sensor explorer's entries (3.0 GET /admin/sensorExplorer and its folder and selection
 * views). divergence: Cisco's document names no field; these are ours: `type` ("folder" or
 * "sensor"), `label` (a folder's label, a sensor's name), `serialNumber` and `version` (a
 * sensor's; "" for a folder).
 */
export const SENSOR_EXPLORER_FIELDS = {
  type: { kind: 'exact', sort: true, filter: true },
  label: { kind: 'text', sort: true, filter: true },
  serialNumber: { kind: 'text', sort: true, filter: true },
  version: { kind: 'text', sort: true, filter: true },
} as const satisfies ListFields<string>;

/**
 * The differences a baseline's target lists show (its tags, properties and variable accesses
 * that differ): fields of the difference itself (Cisco's Difference). divergence: Cisco names
 * none.
 */
export const DIFFERENCE_FIELDS = {
  type: { kind: 'exact', sort: true, filter: true },
  key: { kind: 'text', sort: true, filter: true },
  value: { kind: 'text', sort: true, filter: true },
  detection: { kind: 'number', sort: true },
} as const satisfies ListFields<string>;
export type DifferenceField = keyof typeof DIFFERENCE_FIELDS;
