/**
 * The 1.0 response shapes as zod schemas: they document the API (openapi/) and the tests check
 * real answers against them. The runtime serializer is plain JSON.stringify (src/app.ts).
 */
import { z } from 'zod';
import {
  DIRECTION_METHODS,
  EVENT_CATEGORIES,
  EVENT_FAMILIES,
  EVENT_TYPES,
  FLOW_DIRECTIONS,
  GROUP_COLORS,
  INDUSTRIAL_IMPACTS,
  NETWORK_CATEGORIES,
  SEVERITIES,
  TAG_CLASSES,
  TAG_TYPES,
  VARIABLE_ACCESS_TYPES,
} from '../../domain/vocabulary.js';
import { EmptySchema, ErrorSchema, errorAnswer } from '../schemas.js';

/** The 1.0 routes take the shared answers from here, with the 1.0 objects. */
export { EmptySchema, ErrorSchema, errorAnswer };

const time = z.string().meta({ description: 'RFC 3339 with microseconds', example: '2015-07-09T12:17:11.370164Z' });
const TagsSchema = z.record(z.string(), z.enum(TAG_CLASSES)).meta({ example: { PLC: 'info' } });
const PropertiesSchema = z.record(z.string(), z.string());

export const VulnerabilitySchema = z
  .object({
    id: z.string(),
    cve: z.string(),
    title: z.string(),
    summary: z.string(),
    solution: z.string(),
    cvss: z.number(),
    cvss_vector_string: z.string(),
    publish_time: time,
  })
  .meta({ id: 'Vulnerability' });

export const ComponentSchema = z
  .object({
    id: z.string(),
    creation_time: time,
    custom_name: z.string().optional(),
    last_active_time: time,
    ip: z.string().optional(),
    mac: z.string(),
    name: z.string().optional(),
    model_name: z.string().optional(),
    model_ref: z.string().optional(),
    fw_version: z.string().optional(),
    hw_version: z.string().optional(),
    serial_number: z.string().optional(),
    vendor_name: z.string().optional(),
    project_name: z.string().optional(),
    project_version: z.string().optional(),
    custom_icon: z.string().optional(),
    tags: TagsSchema.optional(),
    properties: PropertiesSchema.optional(),
    group: z.string().optional(),
    vulnerabilities: z.array(VulnerabilitySchema).optional(),
  })
  .strict()
  .meta({ id: 'Component', description: 'guide 5.2' });

const EndpointSchema = z
  .object({
    mac: z.string(),
    ip: z.string().optional(),
    port: z.number().int().optional(),
    component: z.object({ id: z.string() }),
  })
  .strict();

export const FlowSchema = z
  .object({
    id: z.string(),
    src: EndpointSchema,
    dst: EndpointSchema,
    ethertype: z.string().optional(),
    protocol: z.string().optional(),
    sensor_id: z.string().optional(),
    network_category: z.enum(NETWORK_CATEGORIES),
    tags: TagsSchema,
    properties: PropertiesSchema,
    first_seen: time,
    last_seen: time,
  })
  .strict()
  .meta({ id: 'Flow', description: 'guide 5.3' });

export const FlowContentSchema = z
  .object({ id: z.string(), time, direction: z.enum(FLOW_DIRECTIONS), content: PropertiesSchema })
  .strict()
  .meta({ id: 'FlowContent', description: 'guide 6.4.3' });

export const FlowStatsSchema = z
  .object({
    flow_id: z.string(),
    direction: z.enum(FLOW_DIRECTIONS),
    direction_method: z.enum(DIRECTION_METHODS),
    nb_packets: z.number().int(),
    l2_bytes: z.number().int(),
    l7_bytes: z.number().int(),
  })
  .strict()
  .meta({ id: 'FlowStats', description: 'guide 5.3.1' });

export const GroupSchema = z
  .object({
    id: z.string(),
    creation_time: time,
    label: z.string(),
    description: z.string(),
    comments: z.string(),
    color: z.enum(GROUP_COLORS),
    industrial_impact: z.enum(INDUSTRIAL_IMPACTS),
    properties: z.array(z.object({ last_update: time, position: z.number().int(), label: z.string(), value: z.string() }).strict()),
    components: z.array(ComponentSchema),
  })
  .strict()
  .meta({ id: 'Group', description: 'guide 5.4' });

export const EventSchema = z
  .object({
    id: z.string(),
    creation_time: time,
    severity: z.enum(SEVERITIES),
    type: z.enum(EVENT_TYPES),
    family: z.enum(EVENT_FAMILIES),
    category: z.enum(EVENT_CATEGORIES),
    short_message: z.string(),
    message: z.string(),
    component: z.object({ id: z.string() }).optional(),
    flow: z.object({ id: z.string() }).optional(),
  })
  .strict()
  .meta({ id: 'Event', description: 'guide 5.5' });

const nullableTime = time.nullable();
export const SensorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    model: z.string(),
    hardware_type: z.string(),
    status: z.string(),
    processing_status: z.string(),
    filter: z.object({ capture_mode: z.string(), custom_input: z.string() }),
    serial_number: z.string(),
    auto_config: z.boolean(),
    ssh_reachable: z.boolean(),
    ssh_reachable_last_update: z.number().int().nullable(),
    creation_time: time,
    last_active_time: time,
    uptime: z.string(),
    snort_enabled: z.boolean(),
    ip: z.string(),
    recording: z.boolean(),
    recording_last_start: nullableTime,
    recording_last_stop: nullableTime,
    recording_last_size: z.number().int(),
    statistics: z.boolean(),
    has_presets: z.boolean(),
    flow_rate_day: z.number().int(),
    flow_count_day: z.number().int(),
    flows_percentage: z.string(),
  })
  .strict()
  .meta({ id: 'Sensor', description: 'guide 5.1, 6.2.1' });

const AccessSchema = z.object({ first: time, last: time, type: z.enum(VARIABLE_ACCESS_TYPES) }).strict();
export const VariableSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    authors: z.array(
      z.object({ id: z.string(), name: z.string(), read: AccessSchema.optional(), write: AccessSchema.optional() }).strict(),
    ),
  })
  .strict()
  .meta({ id: 'Variable', description: 'guide 5.6' });

export const TagSummarySchema = z
  .object({ tag: z.string(), label: z.string(), desc: z.string() })
  .strict()
  .meta({ id: 'TagSummary', description: 'guide 6.8.1.1', example: { tag: 'WEB', label: 'Web', desc: 'Web protocols' } });

export const TagSchema = z
  .object({
    tag: z.string(),
    label: z.string(),
    desc: z.string(),
    type: z.enum(TAG_TYPES),
    category: z.string(),
    IT: z.boolean(),
    OT: z.boolean(),
  })
  .strict()
  .meta({ id: 'Tag', description: 'guide 6.8.1.2' });

export const IconSummarySchema = z.object({ key: z.string(), description: z.string() }).strict().meta({ id: 'IconSummary' });
export const IconSchema = z
  .object({ key: z.string(), description: z.string(), image: z.string(), 'content-type': z.string() })
  .strict()
  .meta({ id: 'Icon', description: 'guide 6.3.6' });

const RuleCallSchema = z.object({ name: z.string(), params: z.record(z.string(), z.unknown()) });
export const PropertyRuleSchema = z
  .object({
    id: z.string(),
    test: z.object({ operator: z.enum(['and', 'or']), conditions: z.array(RuleCallSchema) }),
    actions: z.array(RuleCallSchema),
  })
  .meta({ id: 'PropertyRule', description: 'guide 6.8.2' });
export const PortRuleSchema = z
  .object({ id: z.string(), ports: z.array(z.union([z.string(), z.number().int()])), actions: z.array(RuleCallSchema) })
  .meta({ id: 'PortRule', description: 'guide 6.8.3' });
