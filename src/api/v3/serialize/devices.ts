/**
 * Devices as API 3.0 prints them (Cisco's `Device`): the device's own fields, lists of its
 * components' addresses and property values (README quirk 8), its components in full, its
 * counters, its risk score, and its vulnerabilities when asked.
 */
import type { Device, DeviceDetail } from '../../../domain/devices.js';
import type { PropertyListTupleSchema } from '../schemas/common.js';
import type { DeviceSchema } from '../schemas/devices.js';
import { type Lookups, type Wire, deviceLabels, group, lightDevice, ms, tags } from './common.js';
import { NORMALIZED_KEYS, ancestors, component } from './device-components.js';
import { vulnerabilityDetail } from './device-vulnerabilities.js';

/** What each device type is (`deviceTypeDescription`), by the types src/ingest/device-rule.ts gives. */
const TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  PLC: 'Programmable logic controller',
  'IO module': 'Remote input/output module',
  Drive: 'Variable frequency drive',
  SCADA: 'Supervisory control and data acquisition server',
  HMI: 'Human-machine interface',
  'Engineering station': 'Engineering workstation',
  'Building controller': 'Building automation controller',
  Switch: 'Network switch',
  Router: 'Router',
  'Network device': 'Network equipment',
  Camera: 'IP camera',
  Server: 'Server',
  Computer: 'Computer',
};

export const deviceTypeDescription = (deviceType: string): string => TYPE_DESCRIPTIONS[deviceType] ?? '';

/** A device's addresses and normalized fields as key and values, then its other properties: value lists. */
export function deviceProperties(d: Device): { normalizedProperties: Wire<typeof PropertyListTupleSchema>[]; otherProperties: Wire<typeof PropertyListTupleSchema>[] } {
  const normalizedProperties: Wire<typeof PropertyListTupleSchema>[] = [];
  if (d.ip.length > 0) normalizedProperties.push({ key: 'ip', value: d.ip });
  if (d.mac.length > 0) normalizedProperties.push({ key: 'mac', value: d.mac });
  for (const [field, key] of NORMALIZED_KEYS) {
    const values = d.normalized[field];
    if (values && values.length > 0) normalizedProperties.push({ key, value: values });
  }
  const otherProperties = Object.keys(d.properties)
    .sort()
    .map((key) => ({ key, value: d.properties[key] as string[] }));
  return { normalizedProperties, otherProperties };
}

export function device(x: DeviceDetail, l: Lookups, withVulnerabilities: boolean): Wire<typeof DeviceSchema> {
  const d = x.device;
  const light = lightDevice(d, l);
  const groupId = d.group?.id ?? null;
  return {
    id: d.id,
    ...deviceLabels(d),
    deviceType: d.deviceType,
    deviceTypeDescription: deviceTypeDescription(d.deviceType),
    icon: d.icon,
    isDevice: true,
    isRack: false,
    ip: d.ip,
    mac: d.mac,
    ...deviceProperties(d),
    tags: tags(d.tags, l),
    flowsTags: tags(x.flowsTags, l),
    group: group(groupId, l),
    ancestors: ancestors(groupId, l),
    components: x.components.map((m) => component(m.component, m.facts, light, l)),
    riskScore: d.riskScore ?? 0,
    bestAchievableScore: d.bestAchievableScore ?? 0,
    firstActivity: ms(d.firstActivity),
    lastActivity: ms(d.lastActivity),
    activitiesCount: d.counts.activities,
    eventsCount: d.counts.events,
    variablesCount: d.counts.variables,
    credentialsCount: d.counts.credentials,
    externalCommunicationsCount: d.counts.externalCommunications,
    vulnerabilitiesCount: x.vulnerabilities.length,
    sensorNames: x.sensorNames,
    userProperties: x.userProperties,
    ...(withVulnerabilities ? { vulnerabilities: x.vulnerabilities.map(vulnerabilityDetail) } : {}),
  };
}
