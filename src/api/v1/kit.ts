/** Small pieces every 1.0 route plugin uses: docs metadata, id checks, and query assembly. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { UUID_RE } from '../../domain/ids.js';
import type { PropertyFilter } from '../../domain/queries.js';
import { errors } from '../../errors.js';
import { AUTH_ERRORS, ErrorSchema } from './schemas.js';

export const SECURITY: { [scheme: string]: string[] }[] = [{ token: [] }, { tokenHeader: [] }];

/** OpenAPI metadata for a route: its resource tag, a summary and the guide section it follows. */
export function docs(tag: string, operationId: string, summary: string, section: string, description = '') {
  return {
    tags: [tag],
    operationId,
    summary,
    description: `Guide ${section}.${description ? ` ${description}` : ''}`,
    security: SECURITY,
  };
}

/** The standard error answers of a route (400 for bad parameters, 401, 402, and 404 if it can). */
export function errorResponses(withNotFound: boolean) {
  return {
    400: ErrorSchema.describe('Bad request: bad parameters'),
    ...AUTH_ERRORS,
    ...(withNotFound ? { 404: ErrorSchema.describe('Not found') } : {}),
  };
}

/** guide 6.3.9: "400 The provided IDs are not in the good format". */
export function checkId(id: string, what: string): string {
  if (!UUID_RE.test(id)) throw errors.badId(what, id);
  return id.toLowerCase();
}

export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw errors.notFound(what, id);
  return value;
}

/** `tag=` values name a tag by key or by label; one that names nothing matches nothing. */
export function tagFilter(app: FastifyInstance, values: string[] | undefined): string[][] | undefined {
  return values?.map((v) => {
    const keys = app.store.tags.resolve(v);
    return keys.length > 0 ? keys : [v];
  });
}

export function propertyFilter(...lists: (PropertyFilter[] | undefined)[]): PropertyFilter[] | undefined {
  const all = lists.flatMap((l) => l ?? []);
  return all.length > 0 ? all : undefined;
}

/**
 * guide 2.3: generation 0 is the live data; other generations are references, which the
 * emulator does not hold (divergence: they answer an empty list).
 */
export const isLive = (generation: number | undefined): boolean => generation === undefined || generation === 0;

/**
 * Sends a body that is already JSON (from the wire cache): Fastify sends strings as they are.
 * The route's response schema still documents its shape.
 */
export function sendJson<R extends FastifyReply>(reply: R, json: string): R {
  (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
  return reply;
}
