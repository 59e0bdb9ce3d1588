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

export interface RuleSet {
  port: { id: string; matches: PortMatch[]; actions: RuleCall[] }[];
  property: PropertyRule[];
}

export function compileRules(propertyRules: readonly PropertyRule[], portRules: readonly PortRule[]): RuleSet {
  return {
    port: portRules.map((r) => ({ id: r.id, matches: r.ports.map(parsePort).filter((m): m is PortMatch => m !== undefined), actions: r.actions })),
    property: [...propertyRules],
  };
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
type Building = Required<Omit<Effects, 'networkCategory'>> & { networkCategory?: NetworkCategory };

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
  for (const r of rules.port) {
    if (r.matches.some((m) => portMatches(m, flow.protocol, flow.srcPort, flow.dstPort))) act(r.actions, r.id, flow, fx);
  }
  for (const r of rules.property) if (ruleMatches(r, flow)) act(r.actions, r.id, flow, fx);
  return fx;
}

/** The rules as an analyzer for the ingest pipeline. */
export const rulesAnalyzer = (rules: RuleSet): Analyzer => (flow) => evaluate(rules, flow);
