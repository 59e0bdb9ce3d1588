/**
 * Fault injection: make chosen /api/ requests fail (any status, or a reset connection), or
 * slow down, on purpose — so a client's retry and error paths can be tested. Pure: the root
 * onRequest hook in src/app.ts asks `decide` before the route and before the token checks;
 * /_emulator/faults manages the list.
 *
 * Replayable: each fault draws from its own seeded Random (src/random.ts), once per request it
 * matches, so the same definition hits the same call indices on every run.
 */
import { z } from 'zod';
import type { Micros } from '../domain/time.js';
import { Random } from '../random.js';

export const FAULT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type FaultMethod = (typeof FAULT_METHODS)[number];
/** The longest delay a fault may add: long enough for any client timeout, short enough not to hang a run. */
export const MAX_DELAY_MS = 600_000;

// ---- paths: one syntax for faults and for the journal's filter ----

/**
 * A path spec: a route pattern (`/api/1.0/component/:id`, or `{id}` as OpenAPI writes it), an
 * exact path, or a prefix ending with `*` or `/` (`/api/1.0/analyzer/*`).
 */
export function pathSpecProblem(spec: string): string | undefined {
  if (!spec.startsWith('/')) return 'must start with /';
  const star = spec.indexOf('*');
  if (star !== -1 && star !== spec.length - 1) return "may hold '*' only at its end";
  if (/[?#\s]/.test(spec)) return 'must be a path: no query string, fragment or spaces';
  return undefined;
}

const segments = (path: string): string[] => path.split('/').filter((s) => s !== '');
const isParam = (segment: string): boolean => segment.startsWith(':');

/**
 * The test for a path spec (see pathSpecProblem). A prefix matches the concrete path by its
 * start. In a pattern, `:x` matches a path parameter of the matched route (any one segment when
 * no route matched, a 404), and every other segment the same text in the concrete path: so
 * `/api/1.0/component/:id` hits `/api/1.0/component/<uuid>` but not the static route
 * `/api/1.0/component/remove-tags`. Empty segments do not count, as the router ignores
 * duplicate and trailing slashes.
 */
export function pathMatcher(spec: string): (path: string, route: string | null) => boolean {
  const normal = spec.replace(/\{([^/}]+)\}/g, ':$1');
  if (normal.endsWith('*') || (normal.endsWith('/') && normal.length > 1)) {
    const prefix = normal.endsWith('*') ? normal.slice(0, -1) : normal;
    return (path) => path.startsWith(prefix);
  }
  const pattern = segments(normal);
  return (path, route) => {
    const concrete = segments(path);
    const routed = route === null ? undefined : segments(route);
    if (concrete.length !== pattern.length || (routed && routed.length !== pattern.length)) return false;
    return pattern.every((p, i) => (isParam(p) ? !routed || isParam(routed[i] as string) : p === concrete[i]));
  };
}

// ---- the definition ----

const STATUS_RULE = 'must be an HTTP status from 100 to 599, or "reset"';
const objectBody = { error: (iss: { code?: string }) => (iss.code === 'invalid_type' ? 'a JSON object is required' : undefined) };

export const FaultInput = z
  .object(
    {
      method: z
        .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(FAULT_METHODS, { error: `must be one of ${FAULT_METHODS.join(', ')}` }))
        .optional()
        .meta({ description: 'Only requests with this method (any when absent).', example: 'GET' }),
      path: z
        .string({ error: (iss) => (iss.input === undefined ? 'is mandatory' : 'must be a string') })
        .superRefine((s, ctx) => {
          const problem = pathSpecProblem(s) ?? (s.startsWith('/api/') ? undefined : 'must start with /api/: faults apply to the API only');
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .meta({
          description:
            'A route pattern (`/api/1.0/component/:id`, `{id}` also accepted), where `:x` matches a path parameter of the route (any one segment when no route matches) and other segments the same text; an exact path; or a prefix ending with `*` or `/`. Must start with /api/.',
          example: '/api/1.0/component/:id',
        }),
      status: z
        .union(
          [
            z.literal('reset'),
            z.number().int(STATUS_RULE).min(100, STATUS_RULE).max(599, STATUS_RULE),
          ],
          { error: STATUS_RULE },
        )
        .optional()
        .meta({ description: 'The answer instead of the route\'s; "reset" closes the connection with no answer at all.', example: 503 }),
      body: z
        .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())], { error: 'must be a string (the message of the error envelope) or a JSON object or array (sent as it is)' })
        .optional()
        .meta({ description: 'With a status: a string is the message of the {"status": "error", "message"} envelope; an object or array is sent as it is. Default: the envelope naming the fault.' }),
      delay_ms: z
        .number({ error: 'must be a number' })
        .int('must be an integer')
        .min(0, 'must be >= 0')
        .max(MAX_DELAY_MS, `must be <= ${MAX_DELAY_MS}`)
        .optional()
        .meta({ description: 'Wait this long (real time) first; alone, the request then goes on normally.', example: 250 }),
      probability: z
        .number({ error: 'must be a number' })
        .min(0, 'must be >= 0')
        .max(1, 'must be <= 1')
        .optional()
        .meta({ description: 'The chance that a matching request is hit (default 1), drawn from the seeded source.', example: 0.5 }),
      times: z
        .number({ error: 'must be a number' })
        .int('must be an integer')
        .min(1, 'must be >= 1')
        .optional()
        .meta({ description: 'Hits before the fault retires (default: never).', example: 3 }),
      seed: z
        .number({ error: 'must be a number' })
        .int('must be an integer')
        .min(0, 'must be >= 0')
        .max(2 ** 32 - 1, 'must be < 2^32')
        .optional()
        .meta({ description: 'Seed of the draws (default 0): the same definition hits the same calls on every run.', example: 7 }),
    },
    objectBody,
  )
  .strict()
  .superRefine((f, ctx) => {
    if (f.status === undefined && f.delay_ms === undefined) ctx.addIssue({ code: 'custom', path: ['status'], message: 'give a status, a delay_ms or both' });
    if (f.body !== undefined && (f.status === undefined || f.status === 'reset')) ctx.addIssue({ code: 'custom', path: ['body'], message: 'needs a status from 100 to 599' });
  })
  .meta({ example: { method: 'GET', path: '/api/1.0/component/:id', status: 503, probability: 0.5, seed: 7, times: 3 } });

export type FaultInput = z.infer<typeof FaultInput>;

export interface Fault {
  id: number;
  method: FaultMethod | null;
  path: string;
  status: number | 'reset' | null;
  body: unknown;
  delayMs: number | null;
  probability: number;
  times: number | null;
  seed: number;
  createdAt: Micros;
  /** Requests it matched (each drew once). */
  matched: number;
  /** Requests it applied to. */
  hits: number;
  /** false once it has hit `times` times. */
  active: boolean;
}

/** What a fault with a status answers: the 5.7 envelope with a message, or a JSON body as it is. */
export type FaultAnswer = { message: string } | { json: unknown };

/** What a hit does: answer (after the delay, if any), close the connection, or only wait. */
export type FaultAction =
  | { kind: 'answer'; fault: Fault; delayMs: number; status: number; answer: FaultAnswer }
  | { kind: 'reset'; fault: Fault; delayMs: number }
  | { kind: 'delay'; fault: Fault; delayMs: number };

/** A string body is the envelope's message; an object or array is sent as it is; none: a message naming the fault. */
export function faultAnswer(f: Fault, status: number): FaultAnswer {
  if (typeof f.body === 'string') return { message: f.body };
  if (f.body !== null && f.body !== undefined) return { json: f.body };
  return { message: `Fault ${f.id} injected by the emulator: ${status} for ${f.method ?? 'any method'} ${f.path}` };
}

export function createFaults() {
  interface Live {
    fault: Fault;
    rng: Random;
    matches: (path: string, route: string | null) => boolean;
  }
  let live: Live[] = [];
  let lastId = 0;

  return {
    add(input: FaultInput, now: Micros): Fault {
      const fault: Fault = {
        id: ++lastId,
        method: input.method ?? null,
        path: input.path,
        status: input.status ?? null,
        body: input.body ?? null,
        delayMs: input.delay_ms ?? null,
        probability: input.probability ?? 1,
        times: input.times ?? null,
        seed: input.seed ?? 0,
        createdAt: now,
        matched: 0,
        hits: 0,
        active: true,
      };
      live.push({ fault, rng: new Random(fault.seed), matches: pathMatcher(fault.path) });
      return { ...fault };
    },

    /** In creation order, retired ones included (with their counts). */
    list(): Fault[] {
      return live.map((l) => ({ ...l.fault }));
    },

    remove(id: number): boolean {
      const before = live.length;
      live = live.filter((l) => l.fault.id !== id);
      return live.length < before;
    },

    clear(): void {
      live = [];
    },

    /**
     * The first active fault (in creation order) matching the request draws; a hit returns what
     * to do, a miss lets the request go on (later faults are not asked).
     */
    decide(method: string, path: string, route: string | null): FaultAction | undefined {
      const l = live.find((x) => x.fault.active && (x.fault.method === null || x.fault.method === method) && x.matches(path, route));
      if (!l) return undefined;
      const f = l.fault;
      f.matched++;
      if (!(l.rng.next() < f.probability)) return undefined;
      f.hits++;
      if (f.times !== null && f.hits >= f.times) f.active = false;
      const delayMs = f.delayMs ?? 0;
      const snapshot = { ...f };
      if (f.status === null) return { kind: 'delay', fault: snapshot, delayMs };
      if (f.status === 'reset') return { kind: 'reset', fault: snapshot, delayMs };
      return { kind: 'answer', fault: snapshot, delayMs, status: f.status, answer: faultAnswer(f, f.status) };
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
