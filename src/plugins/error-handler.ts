/**
 * One place turns every failure into the guide's envelope (5.7): {"status": "error", "message"}
 * with application/json — our ApiErrors, Fastify's schema and body-parsing errors, unknown
 * routes, and anything unexpected (a generic 500; the details go to the log only).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, errors } from '../errors.js';

export function envelope(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ status: 'error', message });
}

const WHERE: Record<string, string> = { querystring: 'query parameter', params: 'path parameter', body: 'body field', headers: 'header' };

/** "Invalid query parameter "limit": is mandatory" from a Fastify/zod validation error. */
function validationMessage(err: FastifyError): string {
  const where = WHERE[err.validationContext ?? ''] ?? 'input';
  const first = err.validation?.[0];
  if (!first) return `Invalid ${where}: ${err.message}`;
  // "/port/0" (the first value of a repeated parameter) names the parameter: "port".
  const path = (first.instancePath ?? '').replace(/^\//, '').replace(/\/\d+$/, '').replace(/\//g, '.');
  const message = first.message ?? 'is invalid';
  if (!path && where === 'body field') return `Invalid body: ${message}`;
  return `Invalid ${where}${path ? ` "${path}"` : ''}: ${message}`;
}

/** Fastify's own client errors, as the Center's 400 (divergence: 413 and 415 answer 400). */
function fastifyClientError(err: FastifyError): string | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `The provided JSON can't be properly parsed: ${err.message}`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported Content-Type: send the body as application/json`;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'The Content-Length header does not match the body';
    default:
      return undefined;
  }
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
      if (err instanceof ApiError) return envelope(reply, err.statusCode, err.message);
      if (err.validation) return envelope(reply, 400, validationMessage(err));
      const clientMessage = fastifyClientError(err);
      if (clientMessage) return envelope(reply, 400, clientMessage);
      if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
        return envelope(reply, err.statusCode, err.message);
      }
      request.log.error({ err }, 'unexpected error');
      const internal = errors.internal();
      return envelope(reply, internal.statusCode, internal.message);
    });

    app.setNotFoundHandler((request, reply) => {
      const e = errors.routeNotFound(request.method, request.url.split('?')[0] ?? request.url);
      return envelope(reply, e.statusCode, e.message);
    });
  },
  { name: 'error-handler' },
);
