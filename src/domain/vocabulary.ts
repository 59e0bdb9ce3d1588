/**
 * The Center's enumerations (guide 5.x, 6.8), as `as const` tuples: one source for
 * validation (zod enums), TypeScript types and the OpenAPI document.
 */
import { z } from 'zod';

/** guide 5.5: the spellings events carry in responses. */
export const SEVERITIES = ['Very High', 'High', 'Medium', 'Low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** guide 6.6.1: the filter spellings (`severity=veryhigh`). */
export const SEVERITY_FILTERS = { veryhigh: 'Very High', high: 'High', medium: 'Medium', low: 'Low' } as const;

export const EVENT_TYPES = ['Behavioral', 'Classification', 'Changes', 'Software'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_FAMILIES = ['Component', 'ICS Cybervision', 'PLC Control', 'Property', 'Protocol Events'] as const;
export type EventFamily = (typeof EVENT_FAMILIES)[number];

export const EVENT_CATEGORIES = [
  'Communication',
  'Configuration',
  'Data Management',
  'Decode Failure',
  'Identification',
  'Run Orders',
  'Security',
  'User Management',
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** guide 5.3: the network category of a flow. */
export const NETWORK_CATEGORIES = ['eth', 'net', 'control', 'field'] as const;
export type NetworkCategory = (typeof NETWORK_CATEGORIES)[number];

/** guide 5.4 lists seven colours; its own samples use GRAY too (divergence: accepted). */
export const GROUP_COLORS = ['LIGHTBLUE', 'BLUE', 'PINK', 'RED', 'ORANGE', 'YELLOW', 'GREEN', 'GRAY'] as const;
export type GroupColor = (typeof GROUP_COLORS)[number];

export const INDUSTRIAL_IMPACTS = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;
export type IndustrialImpact = (typeof INDUSTRIAL_IMPACTS)[number];

/** guide 6.8: the class of a tag on a flow or a component. */
export const TAG_CLASSES = ['info', 'important'] as const;
export type TagClass = (typeof TAG_CLASSES)[number];

export const TAG_TYPES = ['flow', 'component'] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** guide 5.3.1 */
export const FLOW_DIRECTIONS = ['Client→Server', 'Server→Client'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];
export const DIRECTION_METHODS = ['detected', 'inferred'] as const;
export type DirectionMethod = (typeof DIRECTION_METHODS)[number];

/** guide 5.1 */
export const CAPTURE_MODES = ['all', 'optimal', 'industrial-only', 'custom'] as const;
export type CaptureMode = (typeof CAPTURE_MODES)[number];

export const VARIABLE_ACCESS_TYPES = ['read', 'write'] as const;
export type VariableAccessType = (typeof VARIABLE_ACCESS_TYPES)[number];

export const SeveritySchema = z.enum(SEVERITIES);
export const NetworkCategorySchema = z.enum(NETWORK_CATEGORIES);
export const GroupColorSchema = z.enum(GROUP_COLORS);
export const IndustrialImpactSchema = z.enum(INDUSTRIAL_IMPACTS);
export const TagClassSchema = z.enum(TAG_CLASSES);
