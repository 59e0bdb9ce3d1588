/**
 * The 3.0 objects of devices and network nodes (Cisco's definitions Device, Component,
 * NetworkNodes, GroupAncestor, VulnerabilityDetail, JsonVulnerabilityFullInfos,
 * DeviceRiskScoreStruct, DeviceCredential, Variable, RiskScoreDevicesCount), named in the 3.0
 * registry. README quirk 8: `ip` and `mac` are strings on a component, lists on a device and a
 * node; property values likewise. Times are integer ms, but the vulnerability dates of
 * JsonVulnerabilityFullInfos (quirk 7).
 */
import { z } from 'zod';
import { named } from '../registry.js';
import {
  GroupSchema,
  LightDeviceSchema,
  PropertyListTupleSchema,
  PropertyTupleSchema,
  ShortComponentSchema,
  TagSchema,
  UserPropertyTupleSchema,
  int,
  ms,
} from './common.js';

/** A date-time as the vulnerability objects print it: "2022-03-31T00:00:00Z" (FAR parses exactly that form). */
const dateTime = z.string();

export const GroupAncestorSchema = named(
  'GroupAncestor',
  z.object({ id: z.string(), label: z.string(), color: z.string(), criticalness: int, locked: z.boolean(), depth: int }),
  'A group an object is in: its own group (depth 1), then the groups that group nests in (2, 3…).',
);

const LinkSchema = z.object({ id: z.string(), title: z.string(), link: z.string(), order: int });

export const VulnerabilityDetailSchema = named(
  'VulnerabilityDetail',
  z.object({
    id: z.string(),
    cve: z.string(),
    title: z.string(),
    summary: z.string(),
    solution: z.string(),
    fullDescription: z.string(),
    CVSS: z.number(),
    CVSSVersion: z.number(),
    cvssVectorString: z.string(),
    vendorId: z.string(),
    links: z.array(LinkSchema),
    publishTime: ms,
  }),
  'A Knowledge DB entry as the catalogue, a device and a risk score print it (README quirk 7): `cvssVectorString` in lower camel case, `publishTime` in ms.',
);

export const VulnerabilityFullInfosSchema = named(
  'JsonVulnerabilityFullInfos',
  z.object({
    id: z.string(),
    cve: z.string(),
    title: z.string(),
    summary: z.string(),
    solution: z.string(),
    fullDescription: z.string(),
    CVSS: z.number(),
    CVSSTemporal: z.number(),
    CVSSVersion: z.number(),
    CVSSVectorString: z.string(),
    vendorId: z.string(),
    links: z.array(LinkSchema),
    reasons: z.array(z.string()),
    creationTime: dateTime,
    lastUpdate: dateTime,
    publishTime: dateTime,
    matchingTime: dateTime,
    ackTime: dateTime.nullable(),
    ackAuthor: z.string(),
    ackComment: z.string(),
  }),
  'A vulnerability of a device or component (README quirk 7): dates as "YYYY-MM-DDThh:mm:ssZ" strings; the acknowledgement on this device, `ackTime` null when there is none.',
);

const counters = {
  credentialsCount: int,
  eventsCount: int,
  externalCommunicationsCount: int,
  variablesCount: int,
  vulnerabilitiesCount: int,
};

export const ComponentSchema = named(
  'Component',
  z.object({
    id: z.string(),
    label: z.string(),
    originalLabel: z.string(),
    customLabel: z.string(),
    icon: z.string(),
    ip: z.string(),
    mac: z.string(),
    normalizedProperties: z.array(PropertyTupleSchema),
    otherProperties: z.array(PropertyTupleSchema),
    tags: z.array(TagSchema),
    flowsTags: z.array(TagSchema),
    group: GroupSchema.nullable(),
    ancestors: z.array(GroupAncestorSchema).nullable(),
    device: LightDeviceSchema.nullable(),
    aggregation: z.object({ type: z.string(), components: z.array(z.unknown()) }),
    firstActivity: ms,
    lastActivity: ms,
    flowsCount: int,
    requestsCount: int,
    ...counters,
    sensorNames: z.array(z.string()),
    userProperties: z.array(UserPropertyTupleSchema),
  }),
  'A component in full, as a device nests it (README quirk 8): `ip` and `mac` strings ("" without an IP), property values strings.',
);

const deviceFields = {
  id: z.string(),
  isDevice: z.boolean(),
  label: z.string(),
  originalLabel: z.string(),
  customLabel: z.string(),
  deviceType: z.string(),
  icon: z.string(),
  ip: z.array(z.string()),
  mac: z.array(z.string()),
  normalizedProperties: z.array(PropertyListTupleSchema),
  otherProperties: z.array(PropertyListTupleSchema),
  tags: z.array(TagSchema),
  group: GroupSchema.nullable(),
  ancestors: z.array(GroupAncestorSchema).nullable(),
  riskScore: int,
  firstActivity: ms,
  lastActivity: ms,
  activitiesCount: int,
  variablesCount: int,
  vulnerabilitiesCount: int,
};

export const DeviceSchema = named(
  'Device',
  z.object({
    ...deviceFields,
    deviceTypeDescription: z.string(),
    isRack: z.boolean(),
    flowsTags: z.array(TagSchema),
    components: z.array(ComponentSchema),
    bestAchievableScore: int,
    ...counters,
    sensorNames: z.array(z.string()),
    userProperties: z.array(UserPropertyTupleSchema),
    vulnerabilities: z.array(VulnerabilityDetailSchema).optional(),
  }),
  'A device: the components it aggregates in full; `ip`, `mac` and property values are lists. `vulnerabilities` only with `vulnerabilities=true`.',
);

export const NetworkNodeSchema = named(
  'NetworkNodes',
  z.object({
    ...deviceFields,
    device: z.string().nullable(),
    deviceRule: z.string(),
    hasExternalCommunication: z.boolean(),
    situation: z.string(),
    bestAchievableScore: int,
  }).partial(),
  'A network node: a device, or a component that belongs to none (`isDevice` tells them apart), both in the device shape. `device` is the device id or null. `situation` and `bestAchievableScore` are not in Cisco\'s definition; clients read them. With `fields`, only those.',
);

export const DetailedTagSchema = named(
  'DetailedTag',
  TagSchema.extend({ description: z.string(), domain: z.string(), riskScoreDescription: z.string(), nbOccurences: int }),
);

const ActivitySchema = named(
  'Activity',
  z.object({
    id: z.string(),
    left: ShortComponentSchema,
    right: ShortComponentSchema,
    direction: z.string(),
    firstActivity: ms,
    lastActivity: ms,
    flowCount: int,
    packetsCount: int,
    bytesCount: int,
    eventsCount: int,
    tags: z.array(TagSchema),
  }),
);

export const DeviceRiskScoreSchema = named(
  'DeviceRiskScoreStruct',
  z.object({
    deviceTypeRisk: z.object({ score: int, device: LightDeviceSchema, riskScoreDescription: z.string() }),
    activitiesRisk: z.object({ score: int, matchingTag: DetailedTagSchema, mostImpactingActivity: ActivitySchema.nullable() }),
    groupRisk: z.object({ score: int, label: z.string(), description: z.string(), criticalness: int }),
    vulnerabilitiesRisk: z.object({ score: int, mostImpactingVulnerability: VulnerabilityDetailSchema.nullable() }),
    deviceEngineLastRun: ms,
  }),
  "A device's risk score by part; the four scores sum to the device's `riskScore`. Without a matching tag, `matchingTag` is a zero-valued tag (empty strings), not null.",
);

export const DeviceCredentialSchema = named(
  'DeviceCredential',
  z.object({ protocol: z.string(), username: z.string(), password: z.string(), algo: z.string(), deviceId: z.string(), creationTime: ms, lastUpdate: ms }),
  'A credential a component of the device accepted in clear.',
);

const VariableAccessComponentSchema = named(
  'VariableAccessComponent',
  z.object({ id: z.string(), label: z.string(), originalLabel: z.string(), customLabel: z.string(), icon: z.string() }),
);

export const VariableSchema = named(
  'Variable',
  z.object({
    id: z.string(),
    label: z.string(),
    protocol: z.string(),
    category: z.string(),
    types: z.array(z.string()),
    accesses: z.array(
      z.object({
        id: z.string(),
        component: VariableAccessComponentSchema,
        device: VariableAccessComponentSchema.nullable(),
        firstAccess: ms,
        lastAccess: ms,
        types: z.array(z.string()),
      }),
    ),
    firstAccess: ms,
    lastAccess: ms,
  }),
  'A variable a component holds, with who accessed it (the component, and its device when it has one) and how.',
);

export const RiskScoreDevicesCountSchema = named(
  'RiskScoreDevicesCount',
  z.object({ low: int, medium: int, high: int, total: int, centerId: z.string(), centerName: z.string() }),
  'Devices by risk level: low below 40, medium below 70, high from 70.',
);

export const RiskScoreDevicesCountResponseSchema = named(
  'RiskScoreDevicesCountResponse',
  z.object({ total: RiskScoreDevicesCountSchema, centers: z.array(RiskScoreDevicesCountSchema) }),
);
