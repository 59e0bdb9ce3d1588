/**
 * The small objects every 3.0 answer nests (Cisco's definitions Category, Tag, Group,
 * ShortComponent, LightDevice, FlowEndpoint, PropertyTuple, UserPropertyTuple), as zod schemas
 * named in the 3.0 registry. Times are integer ms; ids are UUIDs except tag ids (keys).
 */
import { z } from 'zod';
import { PresetSensorSchema } from '../../../domain/preset.js';
import { named } from '../registry.js';

export const int = z.number().int();
/** ms since 1970 (Cisco: int64 times everywhere but the vulnerability dates). */
export const ms = z.number().int();

export const CategorySchema = named('Category', z.object({ id: z.string(), label: z.string(), priority_order: int }), 'A tag category.');

export const TagSchema = named(
  'Tag',
  z.object({ id: z.string(), label: z.string(), type: z.string(), important: z.boolean(), category: CategorySchema }),
  'A tag on an object: `id` is the tag key; `important` is its class on this object.',
);

export const GroupSchema = named(
  'Group',
  z.object({
    id: z.string(),
    label: z.string(),
    description: z.string(),
    comments: z.string(),
    color: z.string(),
    criticalness: int,
    locked: z.boolean(),
    parentId: z.string(),
    groupIds: z.array(z.string()),
    centerID: z.string(),
  }),
  'A group (one id space with /api/1.0/group): `color` is #rrggbb, `criticalness` 1 (very low) to 5 (very high); `parentId` is "" at the top.',
);

export const GroupAncestorSchema = named(
  'GroupAncestor',
  z.object({ id: z.string(), label: z.string(), color: z.string(), criticalness: int, locked: z.boolean(), depth: int }),
  'A group above an object: `depth` 1 is the group it is in (for a group: its parent), 2 the group that one nests in…',
);

export const PropertyTupleSchema = named('PropertyTuple', z.object({ key: z.string(), value: z.string() }));
export const PropertyListTupleSchema = named('PropertyTupleWithArrayOfValues', z.object({ key: z.string(), value: z.array(z.string()) }));
export const UserPropertyTupleSchema = named('UserPropertyTuple', z.object({ id: z.string(), key: z.string(), value: z.string() }));

export const ShortComponentSchema = named(
  'ShortComponent',
  z.object({
    id: z.string(),
    label: z.string(),
    originalLabel: z.string(),
    customLabel: z.string(),
    icon: z.string(),
    ip: z.string().optional(),
    mac: z.string(),
    tags: z.array(TagSchema),
    group: GroupSchema.nullable(),
  }),
  'A component as other objects nest it: `ip` and `mac` are strings; `ip` is absent when the component has none.',
);

/** A device's own fields, as every device-shaped object prints them (a network node's `isDevice` may be false). */
export const lightDeviceFields = {
  id: z.string(),
  isDevice: z.literal(true),
  label: z.string(),
  originalLabel: z.string(),
  customLabel: z.string(),
  deviceType: z.string(),
  icon: z.string(),
  ip: z.array(z.string()),
  mac: z.array(z.string()),
  tags: z.array(TagSchema),
  group: GroupSchema.nullable(),
};

export const LightDeviceSchema = named('LightDevice', z.object(lightDeviceFields), 'A device as other objects nest it: `ip` and `mac` are lists.');

export const FlowEndpointSchema = named(
  'FlowEndpoint',
  z.object({ id: z.string(), label: z.string(), originalLabel: z.string(), customLabel: z.string(), icon: z.string(), group: GroupSchema.nullable() }),
  'An end of a flow in the flow lists (no address: FlowDetail has them).',
);

export const SensorSchema = named(
  'Sensor',
  PresetSensorSchema,
  'The sensor that saw a flow, or that a preset names (`centerId` is null in the recorded presets).',
);
