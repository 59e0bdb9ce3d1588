/**
 * Components → Cisco's ComponentFields and Component (../schemas/components.ts). Devices (R2)
 * reuse `normalizedProperties` and `otherProperties` for `Device.components`, whose values are
 * strings too (spec/v3 README quirk 8).
 */
import type { ComponentDetail, ComponentView } from '../../../domain/component-view.js';
import type { NormalizedField } from '../../../domain/devices.js';
import { isPublicIp } from '../../../domain/network.js';
import { msFromMicros } from '../../../domain/time.js';
import type { Component } from '../../../domain/types.js';
import type { ComponentFieldsSchema, ComponentSchema } from '../schemas/components.js';
import { type Lookups, type Wire, ancestors, componentIcon, componentLabels, group, lightDevice, tags } from './common.js';

type Pair = { key: string; value: string };

const byKey = (a: Pair, b: Pair) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The keys a 5.x Center gives the normalized fields (the samples: vendor-name, model-ref, fw-version…). */
export const NORMALIZED_KEYS: readonly [NormalizedField, string][] = [
  ['vendorName', 'vendor-name'],
  ['modelName', 'model-name'],
  ['modelRef', 'model-ref'],
  ['fwVersion', 'fw-version'],
  ['hwVersion', 'hw-version'],
  ['serialNumber', 'serial-number'],
  ['projectName', 'project-name'],
  ['projectVersion', 'project-version'],
];

/**
 * The 1.0 normalized fields (guide 5.2) under the keys a 5.x Center prints, by key: `ip`, `mac`
 * and `name` always (`ip` "" without one, as recorded), `public-ip` when it has an IP, the others
 * when known.
 */
export function normalizedProperties(c: Component): Pair[] {
  const out: Pair[] = [
    { key: 'ip', value: c.ip ?? '' },
    { key: 'mac', value: c.mac },
    { key: 'name', value: componentLabels(c).originalLabel },
  ];
  if (c.ip !== null) out.push({ key: 'public-ip', value: isPublicIp(c.ip) ? 'yes' : 'no' });
  for (const [field, key] of NORMALIZED_KEYS) {
    const value = c[field];
    if (value !== null && value !== '') out.push({ key, value });
  }
  return out.sort(byKey);
}

/** The component's other properties (1.0 `properties`), by key. */
export const otherProperties = (c: Component): Pair[] =>
  Object.entries(c.properties)
    .map(([key, value]) => ({ key, value }))
    .sort(byKey);

export function componentFields(v: ComponentView, l: Lookups): Wire<typeof ComponentFieldsSchema> {
  const c = v.component;
  return {
    id: c.id,
    ...componentLabels(c),
    icon: componentIcon(c),
    ip: c.ip ?? '',
    mac: c.mac,
    normalizedProperties: normalizedProperties(c),
    otherProperties: otherProperties(c),
    tags: tags(c.tags, l),
    flowsTags: tags(v.flowsTags, l),
    group: group(c.groupId, l),
    device: v.device && lightDevice(v.device, l),
    ...(v.deviceUserProperties === null ? {} : { deviceUserProperties: v.deviceUserProperties }),
    userProperties: v.userProperties,
    firstActivity: msFromMicros(c.creationTime),
    lastActivity: msFromMicros(c.lastActiveTime),
    flowsCount: v.counts.flows,
    eventsCount: v.counts.events,
    variablesCount: v.counts.variables,
    credentialsCount: v.counts.credentials,
    externalCommunicationsCount: v.counts.externalCommunications,
    vulnerabilitiesCount: v.counts.vulnerabilities,
    requestsCount: v.counts.requests,
    aggregation: { type: '', components: [] },
    ancestors: ancestors(c.groupId, l),
  };
}

/**
 * divergence: Cisco's document does not say what a component's `reasons` are (its vulnerabilities
 * have theirs); they are [] here.
 */
export function componentDetail(v: ComponentDetail, l: Lookups): Wire<typeof ComponentSchema> {
  return { ...componentFields(v, l), sensorNames: v.sensorNames, reasons: [] };
}

/** `fields=`: the named fields only, in the object's order. */
export function pick(row: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!fields) return row;
  const out: Record<string, unknown> = {};
  for (const k in row) if (fields.includes(k)) out[k] = row[k];
  return out;
}
