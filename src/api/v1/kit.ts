/** What the 1.0 route plugins share: docs metadata, error answers, and query assembly. */
import type { FastifyInstance } from 'fastify';
import type { PropertyFilter } from '../../domain/queries.js';
import { errors } from '../../errors.js';
import { UNKNOWN_ID } from './examples.js';
import { errorAnswer } from './schemas.js';
import { type ErrorExamples, checkId, errorResponsesOf, found, sendJson } from '../kit.js';

/** The 1.0 routes take the shared pieces from here. */
export { type ErrorExamples, checkId, found, sendJson };

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

/** The error answers of a 1.0 route: 400 and 404 when it can give them, and 401, 402 always. */
export const errorResponses = errorResponsesOf(errorAnswer);

/** Example messages, made by the error constructors the routes throw and worded as the error handler words validation. */
export const MESSAGES = {
  limitMissing: 'Invalid query parameter "limit": is mandatory',
  badJson: "The provided JSON can't be properly parsed: Body is not valid JSON but content-type is set to 'application/json'",
  badId: (what: string) => errors.badId(what, 'PLC_3').message,
  notFound: (name: string, id: string = UNKNOWN_ID) => errors.notFound(name, id).message,
} as const;

/** The errors of a route on one object named by its id: 400 for a malformed id, 404 for an unknown one. */
export const idErrors = (what: string, name: string): ErrorExamples => ({ badRequest: MESSAGES.badId(what), notFound: MESSAGES.notFound(name) });


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
