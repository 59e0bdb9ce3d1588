/** Small pieces every surface's route plugins use: id checks, lookups, and bodies that are already JSON. */
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
