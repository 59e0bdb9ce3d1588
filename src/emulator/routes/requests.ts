/**
 * The request journal (src/emulator/journal.ts): GET /_emulator/requests lists what /api/
 * received and answered, newest first; DELETE /_emulator/requests clears it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { repeatable, scalar } from '../../api/params.js';
import { EmptySchema, ErrorSchema } from '../../api/schemas.js';
import { formatTimestamp } from '../../domain/time.js';
import { FAULT_METHODS, pathMatcher, pathSpecProblem } from '../faults.js';
import { BODY_LIMIT, type JournalEntry } from '../journal.js';
import { CONTROL_TAG } from './common.js';

const DEFAULT_LIMIT = 100;

export const JournalEntrySchema = z
  .object({
    id: z.number().int().meta({ description: 'Increasing; a clear does not restart it.' }),
    time: z.string().meta({ description: 'Arrival, on the emulated clock (RFC 3339).' }),
    method: z.string(),
    path: z.string().meta({ description: 'As sent, without the query string.' }),
    route: z.string().nullable().meta({ description: 'The matched route pattern; null when none matched (404).' }),
    query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).meta({ description: 'As sent; the token is masked (ics-…1234).' }),
    status: z.number().int().nullable().meta({ description: 'null: no answer (a "reset" fault).' }),
    duration_ms: z.number().meta({ description: 'Real time from arrival to the end of the answer.' }),
    token_name: z.string().nullable().meta({ description: 'The API token used, when it was valid.' }),
    request_body: z.string().nullable().meta({ description: `The first ${BODY_LIMIT} bytes; null when none was sent or read. API tokens masked.` }),
    request_body_truncated: z.boolean(),
    response_body: z.string().nullable().meta({ description: `The first ${BODY_LIMIT} bytes; a binary answer is "<binary: N bytes>". API tokens masked.` }),
    response_body_truncated: z.boolean(),
    fault: z.number().int().nullable().meta({ description: 'The fault that answered or reset the request instead of the route.' }),
    delayed_by_fault: z.number().int().nullable().meta({ description: 'The fault that only delayed it.' }),
  })
  .meta({
    id: 'JournalEntry',
    example: {
      id: 42,
      time: '2026-11-01T12:00:00Z',
      method: 'GET',
      path: '/api/1.0/component/02074cd3-dbe6-52b6-963c-7247ef33a2b1',
      route: '/api/1.0/component/:id',
      query: { token: 'ics-…abcd' },
      status: 200,
      duration_ms: 1.234,
      token_name: 'CCV_TOKEN',
      request_body: null,
      request_body_truncated: false,
      response_body: '{"id":"02074cd3-dbe6-52b6-963c-7247ef33a2b1"}',
      response_body_truncated: false,
      fault: null,
      delayed_by_fault: null,
    },
  });

const wire = (e: JournalEntry): z.infer<typeof JournalEntrySchema> => ({
  id: e.id,
  time: formatTimestamp(e.time),
  method: e.method,
  path: e.path,
  route: e.route,
  query: e.query,
  status: e.status,
  duration_ms: e.durationMs,
  token_name: e.tokenName,
  request_body: e.requestBody,
  request_body_truncated: e.requestBodyTruncated,
  response_body: e.responseBody,
  response_body_truncated: e.responseBodyTruncated,
  fault: e.fault,
  delayed_by_fault: e.delayedByFault,
});

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().min(min, `must be >= ${min}`).max(max, `must be <= ${max}`));

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { journal } = app.services;
  const maxLimit = Math.max(journal.capacity, 1);

  app.get(
    '/requests',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'listRequests',
        summary: 'The requests /api/ received, newest first',
        description:
          `Every request under /api/ (401, 402, 404, 400 and fault answers included), as long as the journal holds it: the last CCV_JOURNAL_SIZE (here ${journal.capacity}; 0 turns it off). ` +
          'Filters combine: `method` and `status` repeat (any of them); `path` is a route pattern (`/api/1.0/component/:id`), an exact path, or a prefix ending with `*` or `/`, as for faults.',
        querystring: z.object({
          method: repeatable(z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(FAULT_METHODS, { error: `must be one of ${FAULT_METHODS.join(', ')}` }))).meta({
            description: 'Only these methods (repeatable).',
            example: 'GET',
          }),
          path: scalar(
            z
              .string()
              .refine((s) => pathSpecProblem(s) === undefined, { error: (iss) => pathSpecProblem(String(iss.input)) ?? 'is invalid' })
              .optional(),
          ).meta({ description: 'A route pattern, an exact path, or a prefix ending with `*` or `/`.', example: '/api/1.0/component/:id' }),
          status: repeatable(integer(100, 599)).meta({ description: 'Only these statuses (repeatable).', example: 404 }),
          limit: scalar(integer(1, maxLimit).default(Math.min(DEFAULT_LIMIT, maxLimit))).meta({
            description: `How many (default ${DEFAULT_LIMIT}, at most the journal size).`,
            example: 20,
          }),
        }),
        response: { 200: z.array(JournalEntrySchema), 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => {
      const q = request.query;
      return journal
        .list({ methods: q.method, statuses: q.status, matches: q.path === undefined ? undefined : pathMatcher(q.path), limit: q.limit })
        .map(wire);
    },
  );

  app.delete(
    '/requests',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'clearRequests',
        summary: 'Empty the request journal',
        description: 'Ids go on from where they were. Coverage starts afresh too: it is computed from the journal.',
        response: { 204: EmptySchema, 401: ErrorSchema },
      },
    },
    async (_request, reply) => {
      journal.clear();
      return reply.code(204).send();
    },
  );
};

export default plugin;
