/**
 * The request journal and fault injection on every /api/ request (src/emulator/journal.ts,
 * faults.ts): root hooks, before any route, so they see 401, 402 and 404 answers too. The
 * documentation pages (src/api/surfaces.ts) are not the API: neither journaled nor faulted.
 * Without the control plane nobody could read the journal or set a fault: no hooks then.
 */
import { performance } from 'node:perf_hooks';
import { Transform, pipeline } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Micros } from '../domain/time.js';
import { BODY_LIMIT, type QueryValue, type SeenBody, maskTokens, recordedQuery, seenBody } from '../emulator/journal.js';
import type { Services } from '../emulator/services.js';
import { isApiRequest } from '../api/surfaces.js';
import { envelope } from './error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The name of the API token the auth hook accepted (src/plugins/auth.ts). */
    tokenName: string | null;
    /** What the journal gathers about an /api/ request while it runs. */
    trace: Trace | null;
  }
}

interface Trace {
  started: number;
  time: Micros;
  query: Record<string, QueryValue>;
  /** The first BODY_LIMIT + 1 bytes of the request body, as the parser read it. */
  body: Buffer[] | null;
  payload: unknown;
  fault: number | null;
  delayedBy: number | null;
  recorded: boolean;
}

const pathOf = (url: string): string => url.split('?', 1)[0] ?? url;
const routeOf = (request: FastifyRequest): string | null => (request.is404 ? null : (request.routeOptions.url ?? null));

/** The answer as recorded: JSON and text as they are; a binary answer or a stream by its kind only. */
function seenPayload(payload: unknown, type: unknown): SeenBody | null {
  if (payload === null || payload === undefined) return null;
  if (typeof payload === 'string') return seenBody(payload);
  if (Buffer.isBuffer(payload)) return seenBody(/json|text/.test(String(type ?? '')) ? payload : `<binary: ${payload.length} bytes>`);
  return seenBody('<stream>');
}

/**
 * The journal records every /api/ request once it is answered (onResponse: the final status and
 * the whole duration), or at once when a fault resets it; a fault's onRequest hook runs here,
 * before the route's token and licence checks.
 */
function journalAndFaults(app: FastifyInstance, { services, control }: { services: Services; control: boolean }): void {
  const { journal, faults } = services;
  app.decorateRequest('tokenName', null);
  app.decorateRequest('trace', null);
  if (!control) return;

  const record = (request: FastifyRequest, status: number | null, type: unknown): void => {
    const t = request.trace;
    if (!t || t.recorded) return;
    t.recorded = true;
    // HEAD, 1xx, 204 and 304 answers carry no body, whatever the route gave.
    const bodiless = request.method === 'HEAD' || status === null || status < 200 || status === 204 || status === 304;
    journal.record({
      time: t.time,
      method: request.method,
      path: maskTokens(pathOf(request.url)),
      route: routeOf(request),
      query: t.query,
      status,
      durationMs: Math.round((performance.now() - t.started) * 1000) / 1000,
      tokenName: request.tokenName,
      request: t.body === null ? null : seenBody(Buffer.concat(t.body)),
      response: bodiless ? null : seenPayload(t.payload, type),
      fault: t.fault,
      delayedByFault: t.delayedBy,
    });
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isApiRequest(request.url)) return;
    if (journal.enabled) {
      request.trace = {
        started: performance.now(),
        time: app.clock.now(),
        query: recordedQuery(request.query),
        body: null,
        payload: null,
        fault: null,
        delayedBy: null,
        recorded: false,
      };
    }
    const action = faults.decide(request.method, pathOf(request.url), routeOf(request));
    if (!action) return;
    if (action.delayMs > 0) await sleep(action.delayMs);
    const t = request.trace;
    if (action.kind === 'delay') {
      if (t) t.delayedBy = action.fault.id;
      return;
    }
    if (t) t.fault = action.fault.id;
    if (action.kind === 'reset') {
      // No answer at all: the connection is destroyed (a client sees ECONNRESET or "socket hang up").
      reply.hijack();
      reply.raw.destroy();
      record(request, null, undefined);
      return reply;
    }
    const { status, answer } = action;
    if ('message' in answer) return envelope(reply, status, answer.message);
    return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(answer.json));
  });

  if (!journal.enabled) return;

  // A copy of the first bytes of the request body as it streams to the parser (so even a body
  // that is no JSON is recorded as sent).
  app.addHook('preParsing', async (request, _reply, payload) => {
    const t = request.trace;
    const { headers } = request;
    const hasBody = headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
    if (!t || !hasBody || request.method === 'GET' || request.method === 'HEAD') return payload;
    const kept: Buffer[] = [];
    let size = 0;
    t.body = kept;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (size <= BODY_LIMIT) {
          kept.push(chunk.subarray(0, BODY_LIMIT + 1 - size));
          size += chunk.length;
        }
        done(null, chunk);
      },
    });
    return pipeline(payload, tee, () => {});
  });

  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.trace) request.trace.payload = payload;
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    record(request, reply.statusCode, reply.getHeader('content-type'));
  });
}

export default fp(async (app: FastifyInstance, opts: { services: Services; control: boolean }) => journalAndFaults(app, opts), { name: 'journal-faults' });
