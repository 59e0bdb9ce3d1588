/**
 * GET /_emulator/coverage: the conformance scorecard (src/emulator/coverage.ts) of what the
 * journal holds, against the /api/1.0 and /api/3.0 routes of the app's own OpenAPI documents.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../api/schemas.js';
import { SURFACES } from '../../api/surfaces.js';
import { type DocumentedRoute, computeCoverage, documentedRoutes } from '../coverage.js';
import { CONTROL_TAG } from './common.js';

const count = z.number().int();

const RouteCoverageSchema = z.object({
  method: z.string(),
  route: z.string().meta({ description: "Fastify's form of the OpenAPI path: `:id` for `{id}`." }),
  operation_id: z.string().nullable(),
  exercised: z.boolean(),
  requests: count,
  parameters: z.object({
    used: z.array(z.string()).meta({ description: 'Documented path and query parameters that some request gave (a path parameter: when the route was exercised).' }),
    never: z.array(z.string()),
    undocumented: z.array(z.string()).meta({ description: 'Query parameters sent that the route does not document (`token` aside).' }),
  }),
  status_codes: z.object({
    seen: z.array(count),
    never: z.array(count),
    undocumented: z.array(count).meta({ description: 'Statuses answered that the route does not document.' }),
  }),
});

export const CoverageSchema = z
  .object({
    journal: z.object({
      entries: count.meta({ description: 'Requests scored: what the journal holds.' }),
      first_id: count.nullable(),
      last_id: count.nullable(),
      fault_answers: count.meta({ description: 'Requests a fault answered or reset: left out, the route never ran.' }),
    }),
    totals: z.object({
      routes: z.object({ exercised: count, total: count }),
      parameters: z.object({ used: count, total: count }),
      status_codes: z.object({ seen: count, total: count }),
    }),
    routes: z.array(RouteCoverageSchema),
    unknown_routes: z
      .array(z.object({ method: z.string(), route: z.string().nullable(), path: z.string(), requests: count, statuses: z.array(count) }))
      .meta({ description: 'Requests that matched no documented route (404s, HEAD…), by method and route (or path when none matched).' }),
  })
  .meta({
    example: {
      journal: { entries: 3, first_id: 1, last_id: 3, fault_answers: 0 },
      totals: { routes: { exercised: 1, total: 41 }, parameters: { used: 1, total: 180 }, status_codes: { seen: 2, total: 200 } },
      routes: [
        {
          method: 'GET',
          route: '/api/1.0/component/:id',
          operation_id: 'getComponent',
          exercised: true,
          requests: 2,
          parameters: { used: ['id'], never: [], undocumented: [] },
          status_codes: { seen: [200, 404], never: [400, 401, 402], undocumented: [] },
        },
      ],
      unknown_routes: [{ method: 'GET', route: null, path: '/api/1.0/nothing', requests: 1, statuses: [404] }],
    },
  });

const plugin: FastifyPluginAsyncZod = async (app) => {
  // The document does not change once the app is ready: read it on the first call.
  let routes: DocumentedRoute[] | undefined;

  app.get(
    '/coverage',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'getCoverage',
        summary: 'Which documented /api/1.0 and /api/3.0 routes, parameters and statuses the journal shows used',
        description:
          'Scores the requests the journal holds (the last CCV_JOURNAL_SIZE; DELETE /_emulator/requests starts afresh) against every operation of the OpenAPI documents the emulator generates from its route schemas (/api/1.0: openapi/openapi.json; /api/3.0: openapi/openapi-3.0.json): ' +
          'for each, whether it was exercised, which documented parameters and response statuses were used or seen and which never, and what was sent or answered that it does not document.',
        response: { 200: CoverageSchema, 401: ErrorSchema },
      },
    },
    async () => {
      routes ??= SURFACES.flatMap((s) => {
        const document = app.openapiDocuments.get(s.version);
        return document ? documentedRoutes(document(), `${s.prefix}/`) : [];
      });
      return computeCoverage(routes, app.services.journal.all());
    },
  );
};

export default plugin;
