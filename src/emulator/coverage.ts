/**
 * The conformance scorecard: the requests the journal holds, scored against the documented
 * /api/1.0 and /api/3.0 routes. The source of "documented" is each surface's OpenAPI document,
 * built from the route schemas (the same as openapi/openapi.json and openapi-3.0.json), so the
 * scorecard and the published contracts cannot disagree. Pure: the route reads the document and the journal.
 */
import type { JournalEntry } from './journal.js';

export interface DocumentedParam {
  name: string;
  in: 'path' | 'query';
}

export interface DocumentedRoute {
  method: string;
  /** Fastify's form: `/api/1.0/component/:id` (OpenAPI writes `{id}`). */
  route: string;
  operationId: string | null;
  params: DocumentedParam[];
  /** The documented response statuses, ascending. */
  statuses: number[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function paramsOf(list: unknown): DocumentedParam[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) =>
    isObject(p) && typeof p['name'] === 'string' && (p['in'] === 'path' || p['in'] === 'query') ? [{ name: p['name'], in: p['in'] }] : [],
  );
}

/** The operations of an OpenAPI document under `prefix`, in document order. */
export function documentedRoutes(doc: unknown, prefix = '/api/1.0/'): DocumentedRoute[] {
  const paths = isObject(doc) && isObject(doc['paths']) ? doc['paths'] : {};
  const out: DocumentedRoute[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith(prefix) || !isObject(item)) continue;
    const shared = paramsOf(item['parameters']);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const own = paramsOf(op['parameters']);
      const params = [...own, ...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in))];
      const statuses = Object.keys(isObject(op['responses']) ? op['responses'] : {})
        .filter((code) => /^\d{3}$/.test(code))
        .map(Number)
        .sort((a, b) => a - b);
      out.push({
        method: method.toUpperCase(),
        // Fastify's name of a parameter ends at a hyphen: Cisco's `{reports-id}` is the route's `:reports_id` (src/api/v3/operations.ts fastifyPath).
        route: path.replace(/\{([^/}]+)\}/g, (_, name: string) => `:${name.replace(/-/g, '_')}`),
        operationId: typeof op['operationId'] === 'string' ? op['operationId'] : null,
        params,
        statuses,
      });
    }
  }
  return out;
}

export interface RouteCoverage {
  method: string;
  route: string;
  operation_id: string | null;
  exercised: boolean;
  requests: number;
  parameters: { used: string[]; never: string[]; undocumented: string[] };
  status_codes: { seen: number[]; never: number[]; undocumented: number[] };
}

export interface UnknownRoute {
  method: string;
  /** The matched route when an undocumented one answered (e.g. HEAD); null for a 404. */
  route: string | null;
  /** The path of the first such request. */
  path: string;
  requests: number;
  statuses: number[];
}

export interface Coverage {
  journal: { entries: number; first_id: number | null; last_id: number | null; fault_answers: number };
  totals: {
    routes: { exercised: number; total: number };
    parameters: { used: number; total: number };
    status_codes: { seen: number; total: number };
  };
  routes: RouteCoverage[];
  unknown_routes: UnknownRoute[];
}

/** `token` is the authentication scheme (guide 6.1), not a parameter of any route. */
const AUTH_PARAM = 'token';

/**
 * Scores `entries` against `routes`. Requests that a fault answered are left out (the route
 * never ran; they are counted in `journal.fault_answers`); a request only delayed by a fault counts.
 */
export function computeCoverage(routes: readonly DocumentedRoute[], entries: readonly JournalEntry[]): Coverage {
  interface Tally {
    requests: number;
    query: Set<string>;
    statuses: Set<number>;
  }
  const key = (method: string, route: string) => `${method} ${route}`;
  const tallies = new Map<string, Tally>(routes.map((r) => [key(r.method, r.route), { requests: 0, query: new Set(), statuses: new Set() }]));
  const unknown = new Map<string, UnknownRoute>();
  let faultAnswers = 0;

  for (const e of entries) {
    if (e.fault !== null || e.status === null) {
      faultAnswers++;
      continue;
    }
    const tally = e.route === null ? undefined : tallies.get(key(e.method, e.route));
    if (!tally) {
      const k = key(e.method, e.route ?? e.path);
      const u = unknown.get(k) ?? { method: e.method, route: e.route, path: e.path, requests: 0, statuses: [] };
      u.requests++;
      if (!u.statuses.includes(e.status)) u.statuses.push(e.status);
      unknown.set(k, u);
      continue;
    }
    tally.requests++;
    tally.statuses.add(e.status);
    for (const name of Object.keys(e.query)) tally.query.add(name);
  }

  const totals = { routes: { exercised: 0, total: routes.length }, parameters: { used: 0, total: 0 }, status_codes: { seen: 0, total: 0 } };
  const scored = routes.map((r): RouteCoverage => {
    const t = tallies.get(key(r.method, r.route)) as Tally;
    const exercised = t.requests > 0;
    const used = r.params.filter((p) => exercised && (p.in === 'path' || t.query.has(p.name))).map((p) => p.name);
    const never = r.params.map((p) => p.name).filter((n) => !used.includes(n));
    const documentedQuery = new Set(r.params.filter((p) => p.in === 'query').map((p) => p.name));
    const undocumentedParams = [...t.query].filter((n) => n !== AUTH_PARAM && !documentedQuery.has(n)).sort();
    const seen = r.statuses.filter((s) => t.statuses.has(s));
    const undocumentedStatuses = [...t.statuses].filter((s) => !r.statuses.includes(s)).sort((a, b) => a - b);
    if (exercised) totals.routes.exercised++;
    totals.parameters.used += used.length;
    totals.parameters.total += r.params.length;
    totals.status_codes.seen += seen.length;
    totals.status_codes.total += r.statuses.length;
    return {
      method: r.method,
      route: r.route,
      operation_id: r.operationId,
      exercised,
      requests: t.requests,
      parameters: { used, never, undocumented: undocumentedParams },
      status_codes: { seen, never: r.statuses.filter((s) => !t.statuses.has(s)), undocumented: undocumentedStatuses },
    };
  });

  return {
    journal: { entries: entries.length, first_id: entries[0]?.id ?? null, last_id: entries.at(-1)?.id ?? null, fault_answers: faultAnswers },
    totals,
    routes: scored,
    unknown_routes: [...unknown.values()].map((u) => ({ ...u, statuses: [...u.statuses].sort((a, b) => a - b) })),
  };
}
