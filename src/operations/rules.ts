/**
 * Property and port analyzer rules written (guide 6.8.2.3-5, 6.8.3.3-5). The engine parses the
 * body under the write lock, so the tags a rule names cannot go meanwhile; each write is one
 * transaction that throws an ApiError and changes nothing when it fails. A rule written here
 * applies to the flows ingested after it.
 */
import { type RuleContext, parsePortRule, parsePropertyRule } from '../engine/parse-rule.js';
import type { PortRule, PropertyRule } from '../domain/rules.js';
import { errors } from '../errors.js';
import type { RuleRepo } from '../store/rules.js';
import type { Store } from '../store/store.js';

export interface RuleWriteContext {
  store: Store;
  newId: () => string;
}

/** What differs between the two kinds of rule. */
export interface RuleKind<R extends { id: string }> {
  /** "Property rule" or "Port rule", for the 404. */
  name: string;
  repo: (store: Store) => RuleRepo<R>;
  parse: (body: unknown, ctx: RuleContext) => Omit<R, 'id'>;
}

export const PROPERTY_RULES: RuleKind<PropertyRule> = { name: 'Property rule', repo: (store) => store.propertyRules, parse: parsePropertyRule };
export const PORT_RULES: RuleKind<PortRule> = { name: 'Port rule', repo: (store) => store.portRules, parse: parsePortRule };

const parseContext = (store: Store): RuleContext => ({ tagExists: (key) => store.tags.get(key) !== undefined });

/** Creates the rule a body describes, with a new id; 400 in the guide's words for a bad body. */
export function createRule<R extends { id: string }>(ctx: RuleWriteContext, kind: RuleKind<R>, body: unknown): R {
  return ctx.store.transaction(() => {
    const rule = { ...kind.parse(body, parseContext(ctx.store)), id: ctx.newId() } as R;
    kind.repo(ctx.store).insert(rule);
    return rule;
  });
}

/** Replaces a rule (404 when unknown); a body `id` must be the same one (400). */
export function updateRule<R extends { id: string }>(ctx: RuleWriteContext, kind: RuleKind<R>, id: string, body: unknown): R {
  const repo = kind.repo(ctx.store);
  return ctx.store.transaction(() => {
    if (!repo.get(id)) throw errors.notFound(kind.name, id);
    const given = (body as { id?: unknown } | null)?.id;
    if (given !== undefined && (typeof given !== 'string' || given.toLowerCase() !== id)) throw errors.idMismatch(String(given), id);
    const rule = { ...kind.parse(body, parseContext(ctx.store)), id } as R;
    repo.update(rule);
    return rule;
  });
}

/** Deletes a rule; 404 when unknown. */
export function deleteRule<R extends { id: string }>(ctx: RuleWriteContext, kind: RuleKind<R>, id: string): void {
  const repo = kind.repo(ctx.store);
  ctx.store.transaction(() => {
    if (!repo.get(id)) throw errors.notFound(kind.name, id);
    repo.delete(id);
  });
}
