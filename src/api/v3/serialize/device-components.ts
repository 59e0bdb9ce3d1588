/**
 * A component in full as a device nests it (Cisco's `Component`, README quirk 8: `ip` and `mac`
 * strings, property values strings), and the pieces devices and network nodes share with it:
 * the normalized property keys, the group ancestors.
 * Minimal until API 3.0's /components serializer lands (R1); then this one goes.
 */
import type { ComponentFacts, NormalizedField } from '../../../domain/devices.js';
import type { Component } from '../../../domain/types.js';
import type { ComponentSchema, GroupAncestorSchema } from '../schemas/devices.js';
import type { LightDeviceSchema, PropertyTupleSchema } from '../schemas/common.js';
import { type Lookups, type Wire, componentIcon, componentLabels, group, ms, tags } from './common.js';

/** The keys a Center gives the normalized fields (the samples: name, vendor-name, model-ref, fw-version…). */
export const NORMALIZED_KEYS: readonly [NormalizedField, string][] = [
  ['name', 'name'],
  ['vendorName', 'vendor-name'],
  ['modelName', 'model-name'],
  ['modelRef', 'model-ref'],
  ['fwVersion', 'fw-version'],
  ['hwVersion', 'hw-version'],
  ['serialNumber', 'serial-number'],
  ['projectName', 'project-name'],
  ['projectVersion', 'project-version'],
];

/** The group an object is in and the groups above it, nearest first; null outside any group. */
export function ancestors(groupId: string | null, l: Lookups): Wire<typeof GroupAncestorSchema>[] | null {
  const out: Wire<typeof GroupAncestorSchema>[] = [];
  for (let g = groupId === null ? undefined : l.groups.get(groupId); g && out.length < 32; g = g.parentId === null ? undefined : l.groups.get(g.parentId)) {
    out.push({ id: g.id, label: g.label, color: g.color, criticalness: g.criticalness, locked: g.locked, depth: out.length + 1 });
  }
  return out.length === 0 ? null : out;
}

export function componentNormalizedProperties(c: Component): Wire<typeof PropertyTupleSchema>[] {
  const out: Wire<typeof PropertyTupleSchema>[] = [];
  if (c.ip !== null) out.push({ key: 'ip', value: c.ip });
  out.push({ key: 'mac', value: c.mac });
  for (const [field, key] of NORMALIZED_KEYS) {
    const value = c[field];
    if (value !== null && value !== '') out.push({ key, value });
  }
  return out;
}

/** `device`: the component's device as it nests it (LightDevice), or null. */
export function component(c: Component, f: ComponentFacts, device: Wire<typeof LightDeviceSchema> | null, l: Lookups): Wire<typeof ComponentSchema> {
  return {
    id: c.id,
    ...componentLabels(c),
    icon: c.customIcon ?? componentIcon(c),
    ip: c.ip ?? '',
    mac: c.mac,
    normalizedProperties: componentNormalizedProperties(c),
    otherProperties: Object.keys(c.properties)
      .sort()
      .map((key) => ({ key, value: c.properties[key] as string })),
    tags: tags(c.tags, l),
    flowsTags: tags(f.flowsTags, l),
    group: group(c.groupId, l),
    ancestors: ancestors(c.groupId, l),
    device,
    aggregation: { type: '', components: [] },
    firstActivity: ms(c.creationTime),
    lastActivity: ms(c.lastActiveTime),
    flowsCount: f.counts.flows,
    requestsCount: 0,
    credentialsCount: f.counts.credentials,
    eventsCount: f.counts.events,
    externalCommunicationsCount: f.counts.externalCommunications,
    variablesCount: f.counts.variables,
    vulnerabilitiesCount: c.vulnerabilities.length,
    sensorNames: f.sensorNames,
    userProperties: f.userProperties,
  };
}
