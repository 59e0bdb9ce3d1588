/**
 * Devices as API 3.0 prints them (Cisco's `Device`): the device's own fields, lists of its
 * components' addresses and property values (README quirk 8), its components in full, its
 * counters, its risk score, and its vulnerabilities when asked.
 */
import type { Device, DeviceDetail } from '../../../domain/devices.js';
import type { PropertyListTupleSchema } from '../schemas/common.js';
import type { DeviceSchema } from '../schemas/devices.js';
import { vulnerabilityDetail } from './catalogue.js';
import { type Lookups, type Wire, ancestors, deviceLabels, group, ms, tags } from './common.js';
import { NORMALIZED_KEYS, componentDetail } from './components.js';

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

type ListTuple = Wire<typeof PropertyListTupleSchema>;

const byKey = (a: ListTuple, b: ListTuple) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A device's addresses and normalized fields (under the keys its components' use), then its other
 * properties, each with the distinct values of its components, by key (README quirk 8: lists).
 */
export function deviceProperties(d: Device): { normalizedProperties: ListTuple[]; otherProperties: ListTuple[] } {
  const normalizedProperties: ListTuple[] = [];
  if (d.ip.length > 0) normalizedProperties.push({ key: 'ip', value: d.ip });
  if (d.mac.length > 0) normalizedProperties.push({ key: 'mac', value: d.mac });
  if (d.normalized.name && d.normalized.name.length > 0) normalizedProperties.push({ key: 'name', value: d.normalized.name });
  for (const [field, key] of NORMALIZED_KEYS) {
    const values = d.normalized[field];
    if (values && values.length > 0) normalizedProperties.push({ key, value: values });
  }
  const otherProperties = Object.keys(d.properties)
    .sort()
    .map((key) => ({ key, value: d.properties[key] as string[] }));
  return { normalizedProperties: normalizedProperties.sort(byKey), otherProperties };
}

export function device(x: DeviceDetail, l: Lookups, withVulnerabilities: boolean): Wire<typeof DeviceSchema> {
  const d = x.device;
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
    components: x.components.map((v) => componentDetail(v, l)),
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
