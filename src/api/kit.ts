/** Small pieces every surface's route plugins use: error answers, id checks, lookups, and bodies that are already JSON. */
import type { FastifyReply } from 'fastify';
import { UUID_RE } from '../domain/ids.js';
import { errors } from '../errors.js';

/** guide 6.3.9: "400 The provided IDs are not in the good format". */
export function checkId(id: string, what: string): string {
  if (!UUID_RE.test(id)) throw errors.badId(what, id);
  return id.toLowerCase();
}

export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw errors.notFound(what, id);
  return value;
}

/**
 * Sends a body that is already JSON (from the wire cache): Fastify sends strings and bytes as they are.
 * The route's response schema still documents its shape.
 */
export function sendJson<R extends FastifyReply>(reply: R, json: string | Buffer): R {
  (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
  return reply;
}

/** What a route's error answers say, as examples; a route without a 400 (or 404) has nothing to refuse (or to find). */
export interface ErrorExamples {
  /** A 400 this route gives: a bad parameter or body. */
  badRequest?: string;
  /** A 404 this route gives: what it names does not exist. */
  notFound?: string;
  /** A 309 this route gives: a component it would group is in another group (guide 6.5). */
  alreadyGrouped?: string;
  /** A 403 this route gives: the operation is not allowed there. */
  forbidden?: string;
  /** A 409 this route gives: a duplicate. */
  conflict?: string;
  /** A 422 this route gives: the body is well formed but cannot be applied. */
  unprocessable?: string;
  /** A 412 this route gives: a precondition of Cisco's (a length) the input misses. */
  preconditionFailed?: string;
}

/**
 * The error answers of a surface's routes, from its error answer schema: 400 and 404 when a
 * route can give them, and 401, 402 always (a licence without the API answers 402 everywhere).
 */
export function errorResponsesOf<S>(errorAnswer: (description: string, message: string) => S) {
  const auth = {
    401: errorAnswer('Token error: missing, unknown, expired, disabled or invalid', errors.invalidToken().message),
    402: errorAnswer("License error: the licence doesn't allow the API", errors.license().message),
  };
  return (examples: ErrorExamples = {}) => ({
    ...(examples.badRequest ? { 400: errorAnswer('Bad request: a parameter or the body is invalid', examples.badRequest) } : {}),
    ...auth,
    ...(examples.notFound ? { 404: errorAnswer('Not found', examples.notFound) } : {}),
    ...(examples.alreadyGrouped ? { 309: errorAnswer('A component is already in another group', examples.alreadyGrouped) } : {}),
    ...(examples.forbidden ? { 403: errorAnswer('Forbidden', examples.forbidden) } : {}),
    ...(examples.conflict ? { 409: errorAnswer('Conflict: a duplicate', examples.conflict) } : {}),
    ...(examples.unprocessable ? { 422: errorAnswer('Unprocessable', examples.unprocessable) } : {}),
    ...(examples.preconditionFailed ? { 412: errorAnswer('Precondition failed', examples.preconditionFailed) } : {}),
  });
}
