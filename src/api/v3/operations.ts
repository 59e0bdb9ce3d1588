/**
 * Cisco's 3.0 operations (fixtures/v3/operations.json, derived from Cisco's Swagger document):
 * every 3.0 route takes its tag, operationId and summary from there, so that the emulator
 * cannot serve an operation Cisco's document does not have, nor name it otherwise.
 */
import { readFileSync } from 'node:fs';

export interface CiscoOperation {
  method: string;
  /** Relative to /api/3.0, with Cisco's parameter names: `/components/{id}`. */
  path: string;
  tag: string | null;
  operationId: string | null;
  summary: string | null;
  pathParams: string[];
  query: string[];
  headers: string[];
  body: boolean;
  responses: string[];
}

export const CISCO_OPERATIONS: readonly CiscoOperation[] = (
  JSON.parse(readFileSync(new URL('../../../fixtures/v3/operations.json', import.meta.url), 'utf8')) as { operations: CiscoOperation[] }
).operations;

/** Cisco's operation; throws when the document has none (a route of ours that is not Cisco's). */
export function ciscoOperation(method: string, path: string): CiscoOperation {
  const op = CISCO_OPERATIONS.find((o) => o.method === method && o.path === path);
  if (!op) throw new Error(`Cisco's 3.0 document has no operation ${method} ${path}`);
  return op;
}

/**
 * Fastify's form of a Cisco path: `/components/{id}` → `/components/:id`. A parameter name ends
 * at a hyphen for Fastify's router (`:a-:b` is two), so Cisco's `{reports-id}` becomes `:reports_id`.
 */
export const fastifyPath = (path: string): string => path.replace(/\{([^}]+)\}/g, (_, name: string) => `:${name.replace(/-/g, '_')}`);
