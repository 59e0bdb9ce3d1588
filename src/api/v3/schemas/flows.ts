/**
 * Cisco's Flow (the flow lists: FlowEndpoint ends without addresses, spec/v3 README quirk 9) and
 * FlowDetail (GET /flows/{id}: ShortComponent ends with `ip` and `mac`, the flow's properties,
 * its sensor and its events count). Times are ms, counts integers.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { FlowEndpointSchema, PropertyTupleSchema, SensorSchema, ShortComponentSchema, TagSchema, int, ms } from './common.js';

const base = {
  id: z.string(),
  srcPort: int,
  dstPort: int,
  protocol: z.string(),
  direction: z.string(),
  firstActivity: ms,
  lastActivity: ms,
  packetsCount: int,
  bytesCount: int,
  tags: z.array(TagSchema),
};

export const FlowSchema = named(
  'Flow',
  z.object({ ...base, left: FlowEndpointSchema, right: FlowEndpointSchema }),
  'A flow: `left` is its source (the client), `right` its destination; ports are 0 where the protocol has none.',
);

export const FlowDetailSchema = named(
  'FlowDetail',
  z.object({
    ...base,
    left: ShortComponentSchema,
    right: ShortComponentSchema,
    properties: z.array(PropertyTupleSchema),
    sensor: SensorSchema.nullable(),
    eventsCount: int,
  }),
  'A flow on its own: its ends with their addresses, its properties, its sensor and its events count.',
);

export const FlowContentSchema = named(
  'FlowContent',
  z.object({ property: z.string(), value: z.string(), count: int }),
  "A value the flow's contents carried for a property, and in how many of its contents (API 1.0's /flow/{id}/content records).",
);
export const FlowContentsSchema = named('FlowContents', z.array(FlowContentSchema));

export const FlowPropertySchema = named(
  'FlowProperty',
  z.object({ property: z.string(), value: z.string(), count: int, first_seen: ms, last_seen: ms }),
  "A property of the flow (Cisco's snake-case `first_seen`, `last_seen`, in ms): the emulator keeps one value per property, seen from the flow's first to its last activity.",
);
export const FlowPropertiesSchema = named('FlowProperties', z.array(FlowPropertySchema));
