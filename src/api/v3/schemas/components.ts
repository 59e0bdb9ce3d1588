/**
 * Cisco's ComponentFields (the rows of GET /components and a preset's component-list) and
 * Component (GET /components/{id}), as the recorded answers show them: `ip` and `mac` strings
 * (`ip` "" when the component has none), normalized and other properties as [{key, value}] with
 * string values, `device` and `group` null when unset, integer counters and ms times.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { GroupAncestorSchema, GroupSchema, LightDeviceSchema, PropertyTupleSchema, TagSchema, UserPropertyTupleSchema, int, ms } from './common.js';

export const AggregationSchema = named(
  'Aggregation',
  z.object({ type: z.string(), components: z.array(z.unknown()) }),
  'How components were aggregated: none here (`type` "" and no components), as the recorded answers show.',
);

const fields = {
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
  device: LightDeviceSchema.nullable(),
  deviceUserProperties: z.array(UserPropertyTupleSchema).optional(),
  userProperties: z.array(UserPropertyTupleSchema),
  firstActivity: ms,
  lastActivity: ms,
  flowsCount: int,
  eventsCount: int,
  variablesCount: int,
  credentialsCount: int,
  externalCommunicationsCount: int,
  vulnerabilitiesCount: int,
  requestsCount: int,
  aggregation: AggregationSchema,
  ancestors: z.array(GroupAncestorSchema).nullable(),
};

/** The field names `fields=` may keep. */
export const COMPONENT_FIELD_NAMES = Object.keys(fields) as (keyof typeof fields)[];

export const ComponentFieldsSchema = named(
  'ComponentFields',
  z.object(fields),
  'A component in a list. `deviceUserProperties` is there when it has a device; with `fields=`, only the fields named.',
);

export const ComponentSchema = named(
  'Component',
  z.object({ ...fields, sensorNames: z.array(z.string()), reasons: z.array(z.string()) }),
  'A component on its own: the list fields, and the names of the sensors that saw its flows.',
);
