/** Coverage: the documented routes read from OpenAPI, the scorecard, and GET /_emulator/coverage. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Coverage, type DocumentedRoute, computeCoverage, documentedRoutes } from '../../src/emulator/coverage.js';
import type { JournalEntry } from '../../src/emulator/journal.js';
import { CoverageSchema } from '../../src/emulator/routes/coverage.js';
import { API, API3, TOKEN, type TestCenter, UNKNOWN, expectError, expectShape, journalEntry, testCenter } from '../helpers.js';

describe('documentedRoutes', () => {
  it('reads the /api/1.0 operations of an OpenAPI document in Fastify form, with parameters and numeric statuses', () => {
    const doc = {
      paths: {
        '/api/1.0/thing/{id}': {
          parameters: [{ name: 'id', in: 'path' }],
          get: {
            operationId: 'getThing',
            parameters: [{ name: 'limit', in: 'query' }, { name: 'x-h', in: 'header' }],
            responses: { 404: {}, 200: {}, default: {} },
          },
          delete: { responses: { 204: {} } },
        },
        '/_emulator/clock': { get: { responses: { 200: {} } } },
      },
    };
    expect(documentedRoutes(doc)).toEqual<DocumentedRoute[]>([
      {
        method: 'GET',
        route: '/api/1.0/thing/:id',
        operationId: 'getThing',
        params: [
          { name: 'limit', in: 'query' },
          { name: 'id', in: 'path' },
        ],
        statuses: [200, 404],
      },
      { method: 'DELETE', route: '/api/1.0/thing/:id', operationId: null, params: [{ name: 'id', in: 'path' }], statuses: [204] },
    ]);
    expect(documentedRoutes({})).toEqual([]);
  });
});

describe('computeCoverage', () => {
  const routes: DocumentedRoute[] = [
    { method: 'GET', route: '/api/1.0/thing/:id', operationId: 'getThing', params: [{ name: 'id', in: 'path' }, { name: 'depth', in: 'query' }], statuses: [200, 400, 404] },
    { method: 'GET', route: '/api/1.0/things', operationId: 'getThings', params: [{ name: 'limit', in: 'query' }], statuses: [200, 400] },
  ];
  let id = 0;
  const e = (over: Partial<JournalEntry>): JournalEntry => {
    const { request: _request, response: _response, ...seen } = journalEntry({ path: '/api/1.0/thing/1', route: '/api/1.0/thing/:id' });
    const bodies = { requestBody: null, requestBodyTruncated: false, responseBody: null, responseBodyTruncated: false };
    return { id: ++id, ...seen, ...bodies, ...over };
  };


  it('scores routes, parameters and statuses; lists unknown routes; leaves fault answers out', () => {
    id = 0;
    const cov = computeCoverage(routes, [
      e({ query: { token: 'ics-…1234', sort: 'x' } }),
      e({ status: 404 }),
      e({ status: 500 }),
      e({ status: 503, fault: 1, query: { depth: '2' } }), // a fault answered: left out
      e({ status: null, fault: 2 }), // a reset
      e({ status: 200, delayedByFault: 3, query: { depth: '1' } }), // only delayed: counts
      e({ path: '/api/1.0/nope', route: null, status: 404 }),
      e({ path: '/api/1.0/nope', route: null, status: 401 }),
      e({ method: 'HEAD', path: '/api/1.0/things', route: '/api/1.0/things', status: 200 }),
    ]);
    expect(cov).toEqual<Coverage>({
      journal: { entries: 9, first_id: 1, last_id: 9, fault_answers: 2 },
      totals: { routes: { exercised: 1, total: 2 }, parameters: { used: 2, total: 3 }, status_codes: { seen: 2, total: 5 } },
      routes: [
        {
          method: 'GET',
          route: '/api/1.0/thing/:id',
          operation_id: 'getThing',
          exercised: true,
          requests: 4,
          parameters: { used: ['id', 'depth'], never: [], undocumented: ['sort'] },
          status_codes: { seen: [200, 404], never: [400], undocumented: [500] },
        },
        {
          method: 'GET',
          route: '/api/1.0/things',
          operation_id: 'getThings',
          exercised: false,
          requests: 0,
          parameters: { used: [], never: ['limit'], undocumented: [] },
          status_codes: { seen: [], never: [200, 400], undocumented: [] },
        },
      ],
      unknown_routes: [
        { method: 'GET', route: null, path: '/api/1.0/nope', requests: 2, statuses: [401, 404] },
        { method: 'HEAD', route: '/api/1.0/things', path: '/api/1.0/things', requests: 1, statuses: [200] },
      ],
    });
  });

  it('is all "never" for an empty journal', () => {
    const cov = computeCoverage(routes, []);
    expect(cov.journal).toEqual({ entries: 0, first_id: null, last_id: null, fault_answers: 0 });
    expect(cov.totals).toEqual({ routes: { exercised: 0, total: 2 }, parameters: { used: 0, total: 3 }, status_codes: { seen: 0, total: 5 } });
  });
});

let c: TestCenter;
beforeEach(async () => {
  c = await testCenter();
});
afterEach(async () => {
  await c.close();
});

const coverage = async (): Promise<Coverage> => {
  const res = await c.control('GET', '/_emulator/coverage');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as Coverage;
  expectShape(CoverageSchema, body);
  return body;
};

const routeOf = (cov: Coverage, method: string, route: string) => {
  const r = cov.routes.find((x) => x.method === method && x.route === route);
  if (!r) throw new Error(`${method} ${route} is not in the scorecard`);
  return r;
};

describe('GET /_emulator/coverage', () => {
  it('scores every documented /api/1.0 and /api/3.0 operation of the OpenAPI documents', async () => {
    await c.app.ready();
    const count = (version: '1.0' | '3.0', prefix: string): number => {
      const doc = c.app.openapiDocuments.get(version)?.() as { paths: Record<string, Record<string, unknown>> };
      return Object.entries(doc.paths)
        .filter(([p]) => p.startsWith(`${prefix}/`))
        .flatMap(([, item]) => Object.keys(item).filter((m) => ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'].includes(m))).length;
    };
    const cov = await coverage();
    expect(count('3.0', API3)).toBeGreaterThan(0);
    expect(cov.totals.routes).toEqual({ exercised: 0, total: count('1.0', API) + count('3.0', API3) });
    expect(cov.routes.every((r) => (r.route.startsWith(`${API}/`) || r.route.startsWith(`${API3}/`)) && !r.route.includes('{'))).toBe(true);
    expect(cov.routes.every((r) => !r.exercised && r.parameters.used.length === 0 && r.status_codes.seen.length === 0)).toBe(true);
  });

  it('after a few calls, names what was exercised and what never was', async () => {
    const [component] = await c.json<{ id: string }[]>(`${API}/component?limit=1&offset=0`);
    await c.get(`${API}/component/${component?.id}`); // 200
    await c.get(`${API}/component/${UNKNOWN}`); // 404
    await c.get(`${API}/flows?limit=1&port=102&colour=red`); // 200, an undocumented parameter
    await c.get(`${API}/nothing`); // 404, no route
    const cov = await coverage();

    expect(routeOf(cov, 'GET', `${API}/component/:id`)).toMatchObject({
      exercised: true,
      requests: 2,
      parameters: { used: ['id'], never: [], undocumented: [] },
      status_codes: { seen: [200, 404], never: [400, 401, 402], undocumented: [] },
    });
    const list = routeOf(cov, 'GET', `${API}/component`);
    expect(list.parameters.used.sort()).toEqual(['limit', 'offset']);
    expect(list.parameters.never).toContain('order');
    const flows = routeOf(cov, 'GET', `${API}/flows`);
    expect(flows.parameters.used.sort()).toEqual(['limit', 'port']);
    expect(flows.parameters.never).toEqual(expect.arrayContaining(['ip', 'mac', 'netcat']));
    expect(flows.parameters.undocumented).toEqual(['colour']);
    expect(routeOf(cov, 'DELETE', `${API}/group/:id`)).toMatchObject({ exercised: false, requests: 0, status_codes: { seen: [] } });
    expect(cov.unknown_routes).toEqual([{ method: 'GET', route: null, path: `${API}/nothing`, requests: 1, statuses: [404] }]);
    expect(cov.totals.routes.exercised).toBe(3);
    expect(cov.journal).toMatchObject({ entries: 5, fault_answers: 0 });
  });

  it('scores a 3.0 call on its route', async () => {
    await c.v3('GET', '/version');
    await c.app.inject({ url: `${API3}/version` }); // 401
    expect(routeOf(await coverage(), 'GET', `${API3}/version`)).toMatchObject({ exercised: true, requests: 2, status_codes: { seen: [200, 401], never: [402] } });
  });

  it("scores a 3.0 call on a route whose Cisco parameter has a hyphen, and the tus HEAD", async () => {
    await c.v3('GET', `/reports2/reports-metadata/reports/${UNKNOWN}/download?filetype=PDF`); // 404
    await c.app.inject({ method: 'HEAD', url: `${API3}/pcapReplays/uploads/0123456789abcdef0123456789abcdef`, headers: { 'x-token-id': TOKEN, 'tus-resumable': '1.0.0' } }); // 404
    const cov = await coverage();
    expect(routeOf(cov, 'GET', `${API3}/reports2/reports-metadata/reports/:reports_id/download`)).toMatchObject({ exercised: true, requests: 1, status_codes: { seen: [404] } });
    expect(routeOf(cov, 'HEAD', `${API3}/pcapReplays/uploads/:tusId`)).toMatchObject({ exercised: true, requests: 1, status_codes: { seen: [404] } });
    expect(cov.unknown_routes).toEqual([]);
  });

  it('leaves out what a fault answered', async () => {
    const fault = await c.control('POST', '/_emulator/faults', { path: `${API}/sensor`, status: 503 });
    expect(fault.statusCode).toBe(201);
    expectError(await c.get(`${API}/sensor`), 503);
    const cov = await coverage();
    expect(routeOf(cov, 'GET', `${API}/sensor`).exercised).toBe(false);
    expect(cov.journal.fault_answers).toBe(1);
  });

  it('starts afresh once the journal is cleared', async () => {
    await c.get(`${API}/sensor`);
    expect(routeOf(await coverage(), 'GET', `${API}/sensor`).exercised).toBe(true);
    expect((await c.control('DELETE', '/_emulator/requests')).statusCode).toBe(204);
    expect((await coverage()).totals.routes.exercised).toBe(0);
  });

  it('answers 401 without the admin key', async () => {
    expectError(await c.control('GET', '/_emulator/coverage', undefined, null), 401, /x-emulator-key/);
  });
});
