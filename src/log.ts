/**
 * The server's log: one line per request (method, URL, status, time), as a short line a person
 * reads on a terminal or as one JSON object per line, and never a token. Fastify logs each
 * request twice ("incoming request", then "request completed") and each listener it binds;
 * the hooks below keep one line per request and leave the announcing to the start banner
 * (src/cli/serve.ts), which comes only once both listeners are bound.
 *
 * Tokens: Fastify logs each request's URL, and an API token travels in the query string (guide
 * 6.1: `?token=…`): the URL keeps its first characters only, and any token-shaped text left in
 * a line (an error message quoting a URL) is cut the same way. Headers (x-token-id,
 * x-emulator-key) are never logged.
 */
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config.js';

/** Keeps the first 8 characters of a secret: `ics-1a2b…`, enough to tell tokens apart. */
const cut = (secret: string): string => `${secret.slice(0, 8)}…`;

/**
 * `token=ics-1a2b…` instead of the secret, wherever it is in the query string; and any other
 * text shaped like a token (ics-<40 hex>-<40 hex>), wherever a client put it: under another
 * name (`?%74oken=`, which the query parser reads as `token`), or in the path (a forgotten `?`).
 */
export function redactUrl(url: string): string {
  return redactTokens(url.replace(/([?&]token=)([^&#]*)/gi, (_, key: string, value: string) => `${key}${cut(value)}`));
}

/** An API token anywhere in a text (the Center's shape: ics-<40 hex>-<40 hex>). */
const TOKEN_IN_TEXT_RE = /ics-[0-9a-f]{40}-[0-9a-f]{40}/gi;

/** The text with every token-shaped string cut to its first characters. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT_RE, cut);
}

/** Pino serializers for Fastify's logger options. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), hostname: request.hostname, remoteAddress: request.ip };
  },
};

type Writer = { write(text: string): unknown };

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `17:42:01.123`, local time: a terminal line is read by the person beside it. */
function clockTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/**
 * One JSON log line as a person reads it: `17:42:01.123 GET /api/1.0/sensor?token=ics-1a2b… 200
 * 1.4 ms` for a request, `17:42:01.123 ERROR unexpected error` and the stack for anything else.
 */
export function prettyLine(json: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  if (!isRecord(entry)) return `${json}\n`;
  const time = clockTime(typeof entry['time'] === 'number' ? entry['time'] : Date.now());
  const level = typeof entry['level'] === 'number' ? entry['level'] : 30;
  const label = level === 30 ? '' : `${LEVEL_NAMES[level] ?? `LEVEL ${level}`} `;
  const { req, res, responseTime, err } = entry;
  let text: string;
  if (isRecord(req) && isRecord(res) && typeof responseTime === 'number') {
    text = `${String(req['method'])} ${String(req['url'])} ${String(res['statusCode'])} ${responseTime.toFixed(1)} ms`;
    if (level !== 30 && typeof entry['msg'] === 'string') text += ` (${entry['msg']})`;
  } else {
    text = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  }
  let line = `${time} ${label}${text}`.trimEnd();
  if (isRecord(err) && typeof err['stack'] === 'string') line += `\n${err['stack'].replace(/^/gm, '    ')}`;
  return `${line}\n`;
}

/** A pino destination that writes each JSON line as prettyLine does. */
export function prettyStream(out: Writer): Writer {
  return { write: (json: string) => out.write(prettyLine(json)) };
}

/** Fastify's `logger` option as an object: its own settings and pino's. */
export type LoggerOptions = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

export interface LogOptions {
  /** Not `silent`: a silent server gets `logger: false`. */
  level: Exclude<LogLevel, 'silent'>;
  format: 'pretty' | 'json';
  /** Where the lines go. */
  out: Writer;
}

/**
 * Fastify's `logger` option: the level, the serializers, the hooks that make one line per
 * request and cut tokens, and the destination in the chosen format.
 */
export function loggerOptions(opts: LogOptions): LoggerOptions {
  return {
    level: opts.level,
    serializers: logSerializers,
    hooks: {
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        // The "request completed" line says it all; the start banner announces the listeners.
        if (second === 'incoming request') return;
        if (typeof first === 'string' && first.startsWith('Server listening at ')) return;
        // Fastify's completed (or errored) line names the reply only: the request goes with it.
        if (isRecord(first) && 'responseTime' in first && isRecord(first['res']) && !('req' in first)) {
          const reply = first['res'] as unknown as FastifyReply;
          (args as unknown[])[0] = { req: reply.request, ...first };
        }
        method.apply(this, args);
      },
      streamWrite: redactTokens,
    },
    stream: opts.format === 'pretty' ? prettyStream(opts.out) : opts.out,
  };
}
