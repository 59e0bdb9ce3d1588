/**
 * What the request log may show. Fastify logs each request's URL, and an API token travels in
 * the query string (guide 6.1: `?token=…`): the log keeps its first characters only. Headers
 * (x-token-id, x-emulator-key) are never logged.
 */
import type { FastifyRequest } from 'fastify';

/**
 * `token=ics-1a2b…` instead of the secret, wherever it is in the query string; and any other
 * text shaped like a token (ics-<40 hex>-<40 hex>), wherever a client put it: under another
 * name (`?%74oken=`, which the query parser reads as `token`), or in the path (a forgotten `?`).
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&]token=)([^&#]*)/gi, (_, key: string, value: string) => `${key}${value.slice(0, 8)}…`)
    .replace(/ics-[0-9a-f]{40}-[0-9a-f]{40}/gi, 'ics-…');
}

/** Pino serializers for Fastify's logger options. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), hostname: request.hostname, remoteAddress: request.ip };
  },
};
