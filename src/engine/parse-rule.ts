/**
 * Parses analyzer rule bodies (guide 6.8.2.3, 6.8.3.3) and says what is wrong in the guide's
 * words: every failure is a 400 `Invalid syntax for rule.\n<reason>`, the reason shaped like the
 * guide's own example, `Wrong action name : "TagFlow2"`. Pure: the tag catalogue comes in as a
 * predicate.
 */
import type { PortRule, PropertyRule, RuleCall } from '../domain/rules.js';
import { errors } from '../errors.js';
import { parsePort } from './ports.js';
import { ACTIONS, CONDITIONS, OPERATORS, type ParamSpec, type Signature } from './vocabulary.js';

export interface RuleContext {
  /** Whether a tag key is in the catalogue (guide 6.8: "all available tags from the Tags API"). */
  tagExists(key: string): boolean;
}

export type PropertyRuleBody = Omit<PropertyRule, 'id'>;
export type PortRuleBody = Omit<PortRule, 'id'>;

const fail = (reason: string): never => {
  throw errors.invalidRule(reason);
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** The body's own fields: only `known` (plus `id`, which the routes compare with the path). */
function fields(body: unknown, known: readonly string[]): Json {
  if (!isObject(body)) return fail('The rule must be a JSON object');
  for (const key of Object.keys(body)) if (key !== 'id' && !known.includes(key)) fail(`Unknown field : "${key}"`);
  for (const key of known) if (body[key] === undefined) fail(`Missing field : "${key}"`);
  return body;
}

function list(value: unknown, path: string, what: string): unknown[] {
  if (!Array.isArray(value)) return fail(`Wrong field type : "${path}" must be an array`);
  if (value.length === 0) fail(`Empty field : "${path}" must hold at least one ${what}`);
  return value;
}

const KIND_TEXT: Record<string, string> = {
  string: 'a non-empty string',
  value: 'a string or a number',
  boolean: 'a boolean',
  tag: 'a tag name',
  names: 'a non-empty array of property names',
};

function param(value: unknown, name: string, spec: ParamSpec, owner: string, ctx: RuleContext): unknown {
  const wrongType = () => fail(`Wrong parameter type : "${name}" of ${owner} must be ${KIND_TEXT[spec.kind as string] ?? 'a string'}`);
  const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  switch (spec.kind) {
    case 'string':
      return nonEmpty(value) ? value : wrongType();
    case 'value':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : wrongType();
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType();
    case 'names':
      return Array.isArray(value) && value.length > 0 && value.every(nonEmpty) ? value : wrongType();
    case 'tag': {
      if (!nonEmpty(value)) return wrongType();
      // divergence: the guide's own 6.8.2.3 example names the tag "S7 "; surrounding spaces are dropped.
      const key = value.trim();
      return ctx.tagExists(key) ? key : fail(`Unknown tag : "${key}" (see GET /api/1.0/tags)`);
    }
    default: {
      const values = spec.kind;
      if (typeof value !== 'string') return wrongType();
      return values.includes(value)
        ? value
        : fail(`Wrong parameter value : ${name} = ${show(value)} for ${owner} (available values: [${values.join('|')}])`);
    }
  }
}

/** One condition or action: `{"name": …, "params": {…}}` checked against its signature. */
function call(entry: unknown, path: string, kind: 'condition' | 'action', table: Readonly<Record<string, Signature>>, ctx: RuleContext): RuleCall {
  if (!isObject(entry)) return fail(`Wrong field type : "${path}" must be an object with "name" and "params"`);
  for (const key of Object.keys(entry)) if (key !== 'name' && key !== 'params') fail(`Unknown field : "${path}.${key}"`);
  const { name } = entry;
  if (name === undefined) fail(`Missing field : "${path}.name"`);
  if (typeof name !== 'string' || !Object.hasOwn(table, name)) return fail(`Wrong ${kind} name : ${show(name)}`);
  const signature = table[name] as Signature;
  const owner = `${kind} "${name}"`;
  const given = entry['params'] ?? {};
  if (!isObject(given)) return fail(`Wrong field type : "${path}.params" must be an object`);
  for (const key of Object.keys(given)) if (!Object.hasOwn(signature, key)) fail(`Unknown parameter : "${key}" for ${owner}`);
  const params: Json = {};
  for (const [key, spec] of Object.entries(signature)) {
    if (given[key] === undefined) {
      if (!spec.optional) fail(`Missing parameter : "${key}" for ${owner}`);
      continue;
    }
    params[key] = param(given[key], key, spec, owner, ctx);
  }
  return { name, params };
}

const actionsOf = (value: unknown, ctx: RuleContext): RuleCall[] =>
  list(value, 'actions', 'action').map((a, i) => call(a, `actions[${i}]`, 'action', ACTIONS, ctx));

/** guide 6.8.2.3: `{"test": {"operator", "conditions"}, "actions"}`. */
export function parsePropertyRule(body: unknown, ctx: RuleContext): PropertyRuleBody {
  const b = fields(body, ['test', 'actions']);
  const test = b['test'];
  if (!isObject(test)) return fail('Wrong field type : "test" must be an object');
  for (const key of Object.keys(test)) if (key !== 'operator' && key !== 'conditions') fail(`Unknown field : "test.${key}"`);
  if (test['operator'] === undefined) fail('Missing field : "test.operator"');
  const operator = test['operator'];
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) return fail(`Wrong operator : ${show(operator)}`);
  if (test['conditions'] === undefined) fail('Missing field : "test.conditions"');
  const conditions = list(test['conditions'], 'test.conditions', 'condition').map((c, i) =>
    call(c, `test.conditions[${i}]`, 'condition', CONDITIONS, ctx),
  );
  return { test: { operator: operator as PropertyRuleBody['test']['operator'], conditions }, actions: actionsOf(b['actions'], ctx) };
}

/** guide 6.8.3.3: `{"ports": PORT_ARRAY, "actions"}`. */
export function parsePortRule(body: unknown, ctx: RuleContext): PortRuleBody {
  const b = fields(body, ['ports', 'actions']);
  const ports = list(b['ports'], 'ports', 'port').map((p) => (parsePort(p) ? (p as string | number) : fail(`Wrong port : ${show(p)}`)));
  return { ports, actions: actionsOf(b['actions'], ctx) };
}

/** The catalogue tags a rule's actions name (a tag they name cannot be deleted). */
export function tagsNamedBy(actions: readonly RuleCall[]): string[] {
  return actions.flatMap((a) => {
    const signature: Signature | undefined = Object.hasOwn(ACTIONS, a.name) ? ACTIONS[a.name as keyof typeof ACTIONS] : undefined;
    return Object.entries(signature ?? {})
      .filter(([, spec]) => spec.kind === 'tag')
      .map(([name]) => a.params[name])
      .filter((v): v is string => typeof v === 'string');
  });
}

/** A one-line summary of the rule language, for the API documentation (same table as the parser). */
export function describeRuleLanguage(): string {
  const kindText = (kind: ParamSpec['kind']) => (typeof kind === 'string' ? kind : kind.join('|'));
  const line = (name: string, sig: Signature) =>
    `${name} {${Object.entries(sig)
      .map(([p, spec]) => `${p}${spec.optional ? '?' : ''}: ${kindText(spec.kind)}`)
      .join(', ')}}`;
  return [
    `Operators: ${OPERATORS.join(', ')}.`,
    `Conditions: ${Object.entries(CONDITIONS).map(([n, s]) => line(n, s)).join('; ')}.`,
    `Actions: ${Object.entries(ACTIONS).map(([n, s]) => line(n, s)).join('; ')}.`,
  ].join(' ');
}
