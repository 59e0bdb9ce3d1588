/**
 * Cisco's Activity (GET /activities, /activities/{id}: ShortComponent ends, `mac` a string and
 * `ip` absent when unknown) and ActivityBetweenEndpoints (a preset's activity-list, whose ends
 * Cisco leaves untyped: device-like for devices, component-like for components without one, and
 * a zero-valued group rather than null; spec/v3 README quirk 10). Activities count flows in
 * `flowCount`.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { ShortComponentSchema, TagSchema, int, ms } from './common.js';

const totals = {
  id: z.string(),
  firstActivity: ms,
  lastActivity: ms,
  tags: z.array(TagSchema),
  direction: z.string(),
  flowCount: int,
  packetsCount: int,
  bytesCount: int,
  eventsCount: int,
  variablesCount: int,
  variables: z.null(),
};

export const ActivitySchema = named(
  'Activity',
  z.object({ ...totals, left: ShortComponentSchema, right: ShortComponentSchema }),
  'The flows between two components, summed up: `id` is "<left.id>_<right.id>", the smaller id on the left.',
);

export const EndpointGroupSchema = named(
  'ActivityEndpointGroup',
  z.object({
    id: z.string(),
    label: z.string(),
    description: z.string(),
    comments: z.string(),
    color: z.string(),
    locked: z.boolean(),
    groupIds: z.null(),
    centerID: z.string(),
  }),
  'The group of an activity-list end: zero-valued ("" and the default colour #06a2c9) when it is in none, as recorded.',
);

const end = {
  id: z.string(),
  label: z.string(),
  originalLabel: z.string(),
  customLabel: z.string(),
  icon: z.string(),
  tags: z.array(TagSchema),
  group: EndpointGroupSchema,
};

export const DeviceEndpointSchema = named(
  'ActivityEndpointDevice',
  z.object({ ...end, isDevice: z.literal(true), deviceType: z.string(), ip: z.array(z.string()), mac: z.array(z.string()) }),
  'A device at an end of an activity-list row: `ip` and `mac` lists.',
);

export const ComponentEndpointSchema = named(
  'ActivityEndpointComponent',
  z.object({ ...end, ip: z.string().optional(), mac: z.string() }),
  'A component without a device at an end of an activity-list row: `mac` a string, `ip` absent when it has none.',
);

export const ActivityBetweenEndpointsSchema = named(
  'ActivityBetweenEndpoints',
  z.object({ ...totals, left: z.union([DeviceEndpointSchema, ComponentEndpointSchema]), right: z.union([DeviceEndpointSchema, ComponentEndpointSchema]) }),
  'The activities between two network nodes (devices, or components without one), summed up: `id` is "<left.id>_<right.id>".',
);
