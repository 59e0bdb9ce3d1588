/**
 * One place turns every failure into the guide's envelope (5.7): {"status": "error", "message"}
 * with application/json, whatever layer refused the request:
 *   - the routes (ApiError), Fastify's schema and body-parsing errors, unknown routes, and
 *     anything unexpected (a generic 500; the details go to the log only): the error handler;
 *   - Fastify's router before any route (a malformed percent-encoding): `frameworkErrors`;
 *   - Node's HTTP parser (unknown method, bad bytes in the URL or a header, bad version,
 *     Content-Length with chunked, an unknown Transfer-Encoding, headers over the limit, a
 *     timeout): `clientErrorHandler`, which writes to the socket itself;
 *   - Node's server: an HTTP/1.1 request without Host and an Expect other than 100-continue
 *     reach Fastify (`requireHostHeader: false`, the 'checkExpectation' event) and are refused
 *     by a hook; CONNECT, which Node hands over as a bare socket, is answered on it.
 * The status stays what HTTP gives. No answer echoes a token (guide 6.1: ics-<40 hex>-<40 hex>):
 * a message that would is masked, and the HTTP layer's messages echo nothing of the request.
 */
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { surfaceOf } from '../api/surfaces.js';
import { ApiError, errors } from '../errors.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The longest path parameter the router takes (Fastify's default is 100, answered 414): as long
 * as the request line may be, so that a long id reaches its route and gets the guide's 400 for
 * an id "not in the good format" (6.3.9) like any other malformed id.
 */
export const MAX_PARAM_LENGTH = maxHeaderSize;

const TOKEN_TEXT = /ics-[0-9a-f]{40}-[0-9a-f]{40}/gi;
/** The text with every API token in it masked, as the control plane shows them ("ics-…"). */
export const withoutTokens = (text: string): string => text.replace(TOKEN_TEXT, 'ics-…');

/**
 * The envelope of an answer. Under /api/3.0 it also carries the message as `error`: Cisco's
 * document gives 3.0 errors no body, and clients written against real 3.x Centers report
 * `resp["error"]` (src/api/v3/kit.ts ErrorSchema).
 */
export function envelope(reply: FastifyReply, status: number, message: string): FastifyReply {
  const masked = withoutTokens(message);
  const body = surfaceOf(reply.request.url)?.version === '3.0' ? { status: 'error', message: masked, error: masked } : { status: 'error', message: masked };
  return reply.code(status).type(JSON_TYPE).send(body);
}

/**
 * A whole HTTP/1.1 answer carrying the envelope, for the layers below Fastify, which close the
 * connection. It has no URL to go by: the 1.0 form, whatever the surface. The Date header is the transport's, as Node writes it (RFC 9110 6.6.1), not the
 * emulated clock's.
 */
export function rawEnvelope(e: ApiError): string {
  const body = JSON.stringify({ status: 'error', message: withoutTokens(e.message) });
  return (
    `HTTP/1.1 ${e.statusCode} ${STATUS_CODES[e.statusCode] ?? 'Error'}\r\nDate: ${new Date().toUTCString()}\r\n` +
    `Content-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
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

/**
 * Fastify's router refusing a request before any route (FastifyServerOptions.frameworkErrors).
 * Fastify's own answer echoes the whole URL, token included; this one echoes nothing.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let e: ApiError;
  if (err.code === 'FST_ERR_BAD_URL') e = errors.badUrl();
  else if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') e = errors.paramTooLong(MAX_PARAM_LENGTH);
  else {
    request.log.error({ code: err.code }, 'unexpected router error');
    e = errors.internal();
  }
  void envelope(reply, e.statusCode, e.message);
}

/** What Node's HTTP parser reports (llhttp's HPE_* codes and Node's own), as HTTP answers it. */
function parserError(code: string | undefined): ApiError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return errors.headersTooLarge(maxHeaderSize);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return errors.chunkExtensionsTooLarge();
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return errors.requestTimeout();
    default:
      return errors.unparsableRequest();
  }
}

/** How long a refused connection stays open for its peer to read the answer and close. */
export const CLOSE_GRACE_MS = 2000;
const answered = new WeakSet<Socket>();

/**
 * A request Node's parser refuses (FastifyServerOptions.clientErrorHandler; `this` is the
 * instance). Written on the socket, which is then closed: the parser cannot go on. As Node
 * does, nothing is written when an answer to an earlier request has begun.
 */
export function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  // The parser reports again on each piece of data that follows: the first answer stands.
  if (answered.has(socket)) return;
  answered.add(socket);
  const e = parserError(err.code);
  // Neither the error (its rawPacket holds the request, token included) nor the URL is logged.
  this.log.info({ code: err.code, statusCode: e.statusCode }, 'request refused by the HTTP parser');
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawEnvelope(e));
  setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
}

/** RFC 9110 10.1.1 as Node reads it: a member 100-continue in the Expect header. */
const CONTINUE = /(?:^|\W)100-continue(?:$|\W)/i;

/**
 * Node's server answers some requests itself, with an empty body: hand them to Fastify instead
 * (the hook below refuses them in the envelope), and answer CONNECT, which Node would drop.
 * The 'request' listener is Fastify's handler: Node emits the event so when it has no doubt.
 */
export function guardServer(server: Server, log: FastifyBaseLogger): void {
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res));
  // divergence: the guide says nothing of CONNECT; it is a method no route takes, as TRACE: 404.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const e = errors.routeNotFound('CONNECT', req.url ?? '');
    log.info({ statusCode: e.statusCode }, 'CONNECT refused');
    socket.end(rawEnvelope(e));
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
  });
}

/** An HTTP/1.1 request with no Host header or several (RFC 9112 3.2). */
function hostMissing(request: FastifyRequest): boolean {
  if (request.raw.httpVersion !== '1.1') return false;
  if (request.headers.host === undefined) return true;
  const raw = request.raw.rawHeaders;
  let hosts = 0;
  for (let i = 0; i < raw.length; i += 2) if ((raw[i] as string).length === 4 && (raw[i] as string).toLowerCase() === 'host') hosts++;
  return hosts > 1;
}

export default fp(
  async (app: FastifyInstance) => {
    // First of the root hooks: what HTTP itself refuses is refused before any token check.
    app.addHook('onRequest', (request, _reply, done) => {
      if (hostMissing(request)) return done(errors.missingHost());
      const expectation = request.headers.expect;
      if (expectation !== undefined && request.raw.httpVersion === '1.1' && !CONTINUE.test(expectation)) return done(errors.expectationFailed());
      done();
    });

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
