/**
 * The analyzer rules applied to a flow (guide 2.4, 6.8): pure. `compileRules` turns stored rules
 * into a rule set once; `evaluate` answers the effects of every rule that matches a flow, port
 * rules first, then property rules, each kind in creation order. Conflicts resolve in that
 * order: the last Netcat wins, a property set then removed is removed, and a tag once
 * "important" stays important (the pipeline never downgrades a tag).
 */
import type { PortRule, PropertyRule, RuleCall } from '../domain/rules.js';
import type { NetworkCategory, TagClass } from '../domain/vocabulary.js';
import type { Analyzer, Effects, EventSpec, FlowView, PropertyChanges } from './effects.js';
import { type PortMatch, parsePort, portMatches } from './ports.js';

/**
 * Rules in creation order, with indexes that name the few rules a flow could match: a port rule
 * by its ports, a property rule by a property (and value) one of its conditions needs. With a
 * thousand rules, a flow is checked against a handful; the order of the effects is unchanged.
 */
export interface RuleSet {
  port: { id: string; matches: PortMatch[]; actions: RuleCall[] }[];
  property: PropertyRule[];
  portsIndex: Map<number, number[]>;
  /** Keyed by property name (HasProp) or by name and value (PropValue): see `propertyKey`. */
  propertyIndex: Map<string, number[]>;
  /** Property rules every flow must be checked against (conditions on derived properties). */
  alwaysChecked: number[];
}

/** Properties derived from the flow itself: every flow has them (or may). */
const DERIVED = new Set(['src_port', 'dst_port', 'protocol', 'ethertype']);

const propertyKey = (name: string, value?: string): string => (value === undefined ? name : `${name}\u0000${value}`);

function push(index: Map<string | number, number[]>, key: string | number, i: number): void {
  const list = index.get(key);
  if (list) {
    if (list[list.length - 1] !== i) list.push(i);
  } else index.set(key, [i]);
}

/** The index keys under which a flow could satisfy the rule, or undefined when any flow could. */
function keysOf(rule: PropertyRule): string[] | undefined {
  const keyOf = (c: RuleCall): string | undefined => {
    const name = String(c.params['property']);
    if (DERIVED.has(name)) return undefined;
    if (c.name === 'PropValue') return propertyKey(name, String(c.params['value']));
    if (c.name === 'HasProp') return propertyKey(name);
    return undefined;
  };
  const keys = rule.test.conditions.map(keyOf);
  if (rule.test.operator === 'and') {
    // Every condition must hold: one that needs a value is the most selective.
    const needed = keys.find((k) => k?.includes('\u0000')) ?? keys.find((k) => k !== undefined);
    return needed === undefined ? undefined : [needed];
  }
  return keys.every((k) => k !== undefined) ? (keys as string[]) : undefined;
}

export function compileRules(propertyRules: readonly PropertyRule[], portRules: readonly PortRule[]): RuleSet {
  const port = portRules.map((r) => ({ id: r.id, matches: r.ports.map(parsePort).filter((m): m is PortMatch => m !== undefined), actions: r.actions }));
  const portsIndex = new Map<number, number[]>();
  port.forEach((r, i) => {
    for (const m of r.matches) push(portsIndex, m.port, i);
  });
  const propertyIndex = new Map<string, number[]>();
  const alwaysChecked: number[] = [];
  propertyRules.forEach((r, i) => {
    const keys = keysOf(r);
    if (keys === undefined) alwaysChecked.push(i);
    else for (const k of keys) push(propertyIndex, k, i);
  });
  return { port, property: [...propertyRules], portsIndex, propertyIndex, alwaysChecked };
}

/** The rule numbers of the lists, once each, in creation order. */
function merged(lists: readonly (readonly number[] | undefined)[]): number[] {
  const present = lists.filter((l): l is readonly number[] => l !== undefined && l.length > 0);
  if (present.length === 0) return [];
  if (present.length === 1) return present[0] as number[];
  return [...new Set(present.flat())].sort((a, b) => a - b);
}

/** The property rules a flow could match. */
function propertyCandidates(rules: RuleSet, flow: FlowView): number[] {
  const lists: (readonly number[] | undefined)[] = [rules.alwaysChecked];
  for (const [name, value] of Object.entries(flow.properties)) {
    lists.push(rules.propertyIndex.get(propertyKey(name)), rules.propertyIndex.get(propertyKey(name, value)));
  }
  return merged(lists);
}

/**
 * A property a condition reads: the flow's own, or one derived from the flow (routes.md: the
 * guide's example tests `dst_port = 22`).
 */
function propertyOf(flow: FlowView, name: string): string | undefined {
  switch (name) {
    case 'src_port':
      return flow.srcPort == null ? undefined : String(flow.srcPort);
    case 'dst_port':
      return flow.dstPort == null ? undefined : String(flow.dstPort);
    case 'protocol':
      return flow.protocol ?? undefined;
    case 'ethertype':
      return flow.ethertype ?? undefined;
    default:
      return Object.hasOwn(flow.properties, name) ? flow.properties[name] : undefined;
  }
}

function holds(c: RuleCall, flow: FlowView): boolean {
  const value = propertyOf(flow, String(c.params['property']));
  if (c.name === 'HasProp') return value !== undefined;
  if (c.name === 'PropValue') return value !== undefined && value === String(c.params['value']);
  return false;
}

/** guide 6.8 OPERATOR_TYPE: "and" needs every condition, "or" one of them. */
export function ruleMatches(rule: PropertyRule, flow: FlowView): boolean {
  const { operator, conditions } = rule.test;
  return operator === 'and' ? conditions.every((c) => holds(c, flow)) : conditions.some((c) => holds(c, flow));
}

/** The event a trigger names (guide 6.8 SendEvent). */
const TRIGGER_TEXT: Record<string, string> = {
  PROG_DL_DETECTED: 'Program download detected',
  PROG_UL_DETECTED: 'Program upload detected',
  NEW_COMM_DETECTED: 'New communication detected',
  EXCEPTION_DETECTED: 'Exception detected',
  INIT_DETECTED: 'Initialization detected',
  START_CPU_DETECTED: 'Start CPU detected',
  STOP_CPU_DETECTED: 'Stop CPU detected',
};

/** Effects being built: every list present, the category only once an action sets it. */
type Building = Required<Omit<Effects, 'networkCategory' | 'dstCredentials'>> & { networkCategory?: NetworkCategory };

const side = (target: unknown): 'src' | 'dst' => (target === 'src' ? 'src' : 'dst');

/** Applies one rule's actions to the effects being built. */
function act(actions: readonly RuleCall[], ruleId: string, flow: FlowView, fx: Building): void {
  for (const { name, params: p } of actions) {
    switch (name) {
      case 'TagFlow': {
        const tag = String(p['tag']);
        const cls = p['type'] as TagClass;
        const before = fx.flowTags[tag] ?? flow.tags[tag];
        fx.flowTags[tag] = before === 'important' ? 'important' : cls;
        // One event when the rule tags the flow, not one per packet of an already tagged flow.
        if (p['throw_admin_event'] === true && before !== fx.flowTags[tag]) {
          // divergence: the guide does not describe the admin event; this one says which rule tagged what.
          fx.events.push({
            severity: cls === 'important' ? 'High' : 'Low',
            type: 'Behavioral',
            family: 'ICS Cybervision',
            category: 'Security',
            shortMessage: `Flow tagged ${tag}`,
            message: `Analyzer rule ${ruleId} tagged a flow ${tag} (${cls})`,
          });
        }
        break;
      }
      case 'Netcat':
        fx.networkCategory = p['value'] as NetworkCategory;
        break;
      case 'TagComponent': {
        const tags = fx[`${side(p['target'])}Tags`];
        const tag = String(p['tag']);
        tags[tag] = tags[tag] === 'important' ? 'important' : (p['value'] as TagClass);
        break;
      }
      case 'SetComponentProperty':
        fx[`${side(p['target'])}Properties`][String(p['property'])] = String(p['value']);
        break;
      case 'RemoveComponentProperty':
        fx[`${side(p['target'])}Properties`][String(p['property'])] = null;
        break;
      case 'CopyProperties': {
        // divergence: `protocol` labels the properties; it does not filter the flows.
        const into: PropertyChanges = fx[`${side(p['target'])}Properties`];
        for (const property of p['properties'] as string[]) {
          const value = flow.properties[property];
          if (value !== undefined) into[property] = value;
        }
        break;
      }
      case 'SendEvent':
      case 'SendEventException': {
        const text = TRIGGER_TEXT[String(p['trigger'])] ?? String(p['trigger']);
        const exception = name === 'SendEventException';
        fx.events.push({
          severity: p['severity'] as EventSpec['severity'],
          type: p['type'] as EventSpec['type'],
          family: p['family'] as EventSpec['family'],
          category: p['category'] as EventSpec['category'],
          shortMessage: exception ? `Exception: ${text}` : text,
          message: `${exception ? 'Exception: ' : ''}${text} (analyzer rule ${ruleId})`,
        });
        break;
      }
    }
  }
}

/** The effects of every matching rule on a flow. */
export function evaluate(rules: RuleSet, flow: FlowView): Effects {
  const fx: Building = {
    flowTags: {},
    srcTags: {},
    dstTags: {},
    srcProperties: {},
    dstProperties: {},
    events: [],
  };
  const ports = merged([flow.srcPort == null ? undefined : rules.portsIndex.get(flow.srcPort), flow.dstPort == null ? undefined : rules.portsIndex.get(flow.dstPort)]);
  for (const i of ports) {
    const r = rules.port[i] as RuleSet['port'][number];
    if (r.matches.some((m) => portMatches(m, flow.protocol, flow.srcPort, flow.dstPort))) act(r.actions, r.id, flow, fx);
  }
  for (const i of propertyCandidates(rules, flow)) {
    const r = rules.property[i] as PropertyRule;
    if (ruleMatches(r, flow)) act(r.actions, r.id, flow, fx);
  }
  return fx;
}

/** The rules as an analyzer for the ingest pipeline. */
export const rulesAnalyzer = (rules: RuleSet): Analyzer => (flow) => evaluate(rules, flow);
