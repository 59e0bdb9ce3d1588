/**
 * The analyzer rule language (guide 6.8): operators, conditions, actions and their parameters.
 * One table feeds the rule parser (parse-rule.ts), the OpenAPI description of rule bodies and,
 * later, the evaluator.
 */
import { EVENT_CATEGORIES, EVENT_FAMILIES, EVENT_TYPES, NETWORK_CATEGORIES, SEVERITIES, TAG_CLASSES } from '../domain/vocabulary.js';

/** guide 6.8 OPERATOR_TYPE: "[or|and]". */
export const OPERATORS = ['and', 'or'] as const;
export type Operator = (typeof OPERATORS)[number];

/** guide 6.8: "target component, Source or Destination … [src|dst]". */
export const TARGETS = ['src', 'dst'] as const;

/** guide 6.8 SendEvent: the event triggers. */
export const TRIGGERS = [
  'PROG_DL_DETECTED',
  'PROG_UL_DETECTED',
  'NEW_COMM_DETECTED',
  'EXCEPTION_DETECTED',
  'INIT_DETECTED',
  'START_CPU_DETECTED',
  'STOP_CPU_DETECTED',
] as const;

/**
 * What a parameter holds: a non-empty string, a property value (string or number), a boolean,
 * a tag of the catalogue, a non-empty list of property names, or one value of a list.
 */
export type ParamKind = 'string' | 'value' | 'boolean' | 'tag' | 'names' | readonly string[];

export interface ParamSpec {
  kind: ParamKind;
  optional?: boolean;
  description: string;
}

export type Signature = Readonly<Record<string, ParamSpec>>;

/** guide 6.8 CONDITION_TYPE. */
export const CONDITIONS = {
  HasProp: { property: { kind: 'string', description: 'property name' } },
  PropValue: {
    property: { kind: 'string', description: 'property name' },
    value: { kind: 'value', description: 'property value' },
  },
} as const satisfies Record<string, Signature>;
export type ConditionName = keyof typeof CONDITIONS;

const EVENT_PARAMS = {
  trigger: { kind: TRIGGERS, description: 'event trigger' },
  type: { kind: EVENT_TYPES, description: 'event type' },
  severity: { kind: SEVERITIES, description: 'event severity' },
  category: { kind: EVENT_CATEGORIES, description: 'event category' },
  family: { kind: EVENT_FAMILIES, description: 'event family' },
} as const satisfies Signature;

/** guide 6.8 ACTION_TYPE. */
export const ACTIONS = {
  TagFlow: {
    tag: { kind: 'tag', description: 'tag name, one of GET /tags' },
    type: { kind: TAG_CLASSES, description: 'tag class' },
    // divergence: the guide lists it without saying it is optional; absent means false.
    throw_admin_event: { kind: 'boolean', optional: true, description: 'throw an admin event (default false)' },
  },
  Netcat: { value: { kind: NETWORK_CATEGORIES, description: 'network category' } },
  TagComponent: {
    tag: { kind: 'tag', description: 'tag name, one of GET /tags' },
    value: { kind: TAG_CLASSES, description: 'tag class' },
    target: { kind: TARGETS, description: 'target component' },
  },
  SetComponentProperty: {
    target: { kind: TARGETS, description: 'target component' },
    property: { kind: 'string', description: 'component property name' },
    value: { kind: 'value', description: 'property value' },
  },
  RemoveComponentProperty: {
    target: { kind: TARGETS, description: 'target component' },
    property: { kind: 'string', description: 'component property name' },
  },
  CopyProperties: {
    properties: { kind: 'names', description: 'flow properties to copy' },
    target: { kind: TARGETS, description: 'target component' },
    protocol: { kind: 'string', description: 'protocol related to these properties' },
  },
  SendEvent: EVENT_PARAMS,
  SendEventException: EVENT_PARAMS,
} as const satisfies Record<string, Signature>;
export type ActionName = keyof typeof ACTIONS;
