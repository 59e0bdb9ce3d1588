/**
 * What the 3.0 route plugins share: each route's documentation comes from Cisco's operation of
 * the same method and path (fixtures/v3/operations.json), so a route cannot be named or placed
 * otherwise; its error answers are the 3.0 envelope.
 */
import { z } from 'zod';
import { errorResponsesOf } from '../kit.js';
import { ciscoOperation, fastifyPath } from './operations.js';
import { doc, named } from './registry.js';

/** Cisco's scheme: `token`, an apiKey in the `x-token-id` header. */
export const SECURITY = [{ token: [] }];

/**
 * The 3.0 error body. Cisco's document gives none; clients written against real 3.x Centers
 * report `error`, and 1.0 answers {"status": "error", "message"}: 3.0 errors carry all three.
 */
export const ErrorSchema = named(
  'Error',
  z.object({ status: z.literal('error'), message: z.string(), error: z.string() }),
  'Every 3.0 error: the 1.0 envelope (guide 5.7) with the message also under "error".',
);

const errorAnswer = (description: string, message: string) => doc(ErrorSchema, { description, examples: [{ status: 'error', message, error: message }] });

/** The error answers of a 3.0 route: 400 and 404 when it can give them, and 401, 402 always. */
export const errorResponses = errorResponsesOf(errorAnswer);

/** The route's URL (Fastify's form of Cisco's path) and its documentation, from Cisco's operation. */
export function operation(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, description?: string) {
  const op = ciscoOperation(method, path);
  return {
    url: fastifyPath(path),
    docs: {
      tags: op.tag ? [op.tag] : [],
      operationId: op.operationId ?? undefined,
      summary: op.summary ?? undefined,
      ...(description ? { description } : {}),
      security: SECURITY,
    },
  };
}
