/**
 * Property and port analyzer rules (guide 6.8.2, 6.8.3). Bodies are parsed by the engine, which
 * speaks the guide's language ("Invalid syntax for rule.\nWrong action name : …"); a rule
 * written here applies to the flows ingested after it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PortRule, PropertyRule } from '../../../domain/rules.js';
import { describeRuleLanguage } from '../../../engine/parse-rule.js';
import { errors } from '../../../errors.js';
import { PORT_RULES, PROPERTY_RULES, type RuleKind as RuleOperations, createRule, deleteRule, updateRule } from '../../../operations/rules.js';
import { EmptySchema, PortRuleSchema, PropertyRuleSchema } from '../schemas.js';
import { EXAMPLES, IDS, answer } from '../examples.js';
import { MESSAGES, checkId, docs, errorResponses, found, idErrors } from '../kit.js';
import { idParams } from '../params.js';

const TAG = 'Tags and analyzer rules';

const tagFlow = { name: 'TagFlow', params: { tag: 'S7', type: 'info', throw_admin_event: true } };

interface RuleKind<R extends { id: string }> {
  /** "property" or "port": the path segment and the operation names. */
  kind: 'property' | 'port';
  title: 'Property' | 'Port';
  section: string;
  schema: z.ZodType;
  example: Omit<R, 'id'>;
  /** The guide's rules of this kind (6.8.2.1, 6.8.3.1). */
  printed: readonly unknown[];
  /** The writes (src/operations/rules.ts). */
  operations: RuleOperations<R>;
}

const PROPERTY: RuleKind<PropertyRule> = {
  kind: 'property',
  title: 'Property',
  section: '6.8.2',
  schema: PropertyRuleSchema,
  example: { test: { operator: 'or', conditions: [{ name: 'HasProp', params: { property: 's7plus-function' } }] }, actions: [tagFlow] },
  printed: EXAMPLES.propertyRules,
  operations: PROPERTY_RULES,
};

const PORT: RuleKind<PortRule> = {
  kind: 'port',
  title: 'Port',
  section: '6.8.3',
  schema: PortRuleSchema,
  example: { ports: ['22'], actions: [{ name: 'TagFlow', params: { tag: 'SSH', type: 'important', throw_admin_event: true } }] },
  printed: EXAMPLES.portRules,
  operations: PORT_RULES,
};

/** The five routes of one kind of rule. */
function ruleRoutes<R extends { id: string }>(k: RuleKind<R>): FastifyPluginAsyncZod {
  return async (app) => {
    const repo = k.operations.repo(app.store);
    const ctx = { store: app.store, newId: () => app.newId() };
    const base = `/analyzer/${k.kind}/rule`;
    const name = k.operations.name;
    const [first] = k.printed;
    const created = { id: '0b9e3f7a-5d2c-4e81-9f64-3a7c1d2e8b50', ...k.example };
    const updated = { id: IDS.rule, ...k.example };
    const invalid = errors.invalidRule('Wrong action name : "TagFlow2"').message;
    // The body is checked by the engine, so that every error reads like the guide's.
    const body = (example: object) =>
      z.unknown().meta({ description: `A ${k.kind} rule (guide 6.8). ${describeRuleLanguage()}`, example });

    app.get(
      base,
      {
        schema: {
          ...docs(TAG, `get${k.title}Rules`, `Get all ${k.kind} analyzer rules`, `${k.section}.1`, 'In creation order.'),
          response: { 200: answer(z.array(k.schema), `The ${k.kind} rules`, k.printed), ...errorResponses() },
        },
      },
      async () => repo.list(),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          ...docs(TAG, `get${k.title}Rule`, `Get a ${k.kind} analyzer rule`, `${k.section}.2`),
          params: idParams('rule', IDS.rule),
          response: { 200: answer(k.schema, `The ${k.kind} rule`, first), ...errorResponses(idErrors('rule', name)) },
        },
      },
      async (request) => {
        const id = checkId(request.params.id, 'rule');
        return found(repo.get(id), name, id);
      },
    );

    app.post(
      base,
      {
        schema: {
          ...docs(TAG, `create${k.title}Rule`, `Create a ${k.kind} analyzer rule`, `${k.section}.3`, 'Answers the rule with its new id.'),
          body: body(k.example),
          response: { 200: answer(k.schema, 'The created rule, with its id', created), ...errorResponses({ badRequest: invalid }) },
        },
      },
      async (request) => createRule(ctx, k.operations, request.body),
    );

    app.put(
      `${base}/:id`,
      {
        schema: {
          ...docs(TAG, `update${k.title}Rule`, `Update a ${k.kind} analyzer rule`, `${k.section}.4`, 'A body `id` must equal the path. Answers the updated rule.'),
          params: idParams('rule', IDS.rule),
          body: body(updated),
          response: { 200: answer(k.schema, 'The updated rule', updated), ...errorResponses({ badRequest: invalid, notFound: MESSAGES.notFound(name) }) },
        },
      },
      async (request) => updateRule(ctx, k.operations, checkId(request.params.id, 'rule'), request.body),
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          ...docs(TAG, `delete${k.title}Rule`, `Delete a ${k.kind} analyzer rule`, `${k.section}.5`),
          params: idParams('rule', IDS.rule),
          response: { 200: EmptySchema, ...errorResponses(idErrors('rule', name)) },
        },
      },
      async (request, reply) => {
        deleteRule(ctx, k.operations, checkId(request.params.id, 'rule'));
        return reply.send();
      },
    );
  };
}

export const propertyRules = ruleRoutes(PROPERTY);
export const portRules = ruleRoutes(PORT);
