/**
 * The 3.0 objects of devices and network nodes (Cisco's definitions Device, NetworkNodes,
 * DeviceRiskScoreStruct, DeviceCredential, RiskScoreDevicesCount), named in the 3.0
 * registry; what they nest (Component, Activity, VulnerabilityDetail) is the one schema of its
 * own file. README quirk 8: `ip` and `mac` are strings on a component, lists on a device and a
 * node; property values likewise. Times are integer ms.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { ActivitySchema } from './activities.js';
import { VulnerabilityDetailSchema } from './catalogue.js';
import { GroupAncestorSchema, LightDeviceSchema, PropertyListTupleSchema, TagSchema, UserPropertyTupleSchema, int, lightDeviceFields, ms } from './common.js';
import { ComponentSchema } from './components.js';
import { DetailedTagSchema } from './tags.js';

const deviceFields = {
  ...lightDeviceFields,
  isDevice: z.boolean(),
  normalizedProperties: z.array(PropertyListTupleSchema),
  otherProperties: z.array(PropertyListTupleSchema),
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
    credentialsCount: int,
    eventsCount: int,
    externalCommunicationsCount: int,
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

export const RiskScoreDevicesCountSchema = named(
  'RiskScoreDevicesCount',
  z.object({ low: int, medium: int, high: int, total: int, centerId: z.string(), centerName: z.string() }),
  'Devices by risk level: low below 40, medium below 70, high from 70.',
);

export const RiskScoreDevicesCountResponseSchema = named(
  'RiskScoreDevicesCountResponse',
  z.object({ total: RiskScoreDevicesCountSchema, centers: z.array(RiskScoreDevicesCountSchema) }),
);
