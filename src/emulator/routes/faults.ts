/**
 * Fault injection (src/emulator/faults.ts): POST /_emulator/faults makes chosen /api/ requests
 * fail, reset or slow down; GET lists the faults with their counts; DELETE removes one or all.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EmptySchema, ErrorSchema } from '../../api/schemas.js';
import { formatTimestamp } from '../../domain/time.js';
import { errors } from '../../errors.js';
import { FAULT_METHODS, type Fault, FaultInput } from '../faults.js';
import { CONTROL_TAG } from './common.js';

export const FaultSchema = z
  .object({
    id: z.number().int(),
    method: z.enum(FAULT_METHODS).nullable().meta({ description: 'null: any method.' }),
    path: z.string(),
    status: z.union([z.number().int(), z.literal('reset')]).nullable().meta({ description: 'null: a delay only.' }),
    body: z.unknown().meta({ description: 'As given (null: the default envelope).' }),
    delay_ms: z.number().int().nullable(),
    probability: z.number(),
    times: z.number().int().nullable().meta({ description: 'null: never retires.' }),
    seed: z.number().int(),
    matched: z.number().int().meta({ description: 'Requests it matched, each drawing once.' }),
    hits: z.number().int().meta({ description: 'Requests it applied to.' }),
    active: z.boolean().meta({ description: 'false once it hit `times` times: kept in the list for its counts, it matches nothing more.' }),
    created_at: z.string(),
  })
  .meta({
    id: 'Fault',
    example: {
      id: 1,
      method: 'GET',
      path: '/api/1.0/component/:id',
      status: 503,
      body: null,
      delay_ms: null,
      probability: 0.5,
      times: 3,
      seed: 7,
      matched: 0,
      hits: 0,
      active: true,
      created_at: '2026-11-01T12:00:00Z',
    },
  });

const wire = (f: Fault): z.infer<typeof FaultSchema> => ({
  id: f.id,
  method: f.method,
  path: f.path,
  status: f.status,
  body: f.body,
  delay_ms: f.delayMs,
  probability: f.probability,
  times: f.times,
  seed: f.seed,
  matched: f.matched,
  hits: f.hits,
  active: f.active,
  created_at: formatTimestamp(f.createdAt),
});

const FaultIdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a fault id (an integer)')
    .transform(Number)
    .meta({ example: '1' }),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { faults } = app.services;

  app.post(
    '/faults',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'createFault',
        summary: 'Inject a fault into /api/',
        description:
          'Matching /api/ requests (checked before the route and before the token: the first matching fault in creation order decides) wait `delay_ms`, then get `status` instead of the route\'s answer, or lose their connection ("reset"). ' +
          'The answer is the {"status": "error", "message"} envelope (a string `body` is its message), or `body` as it is when an object or array. ' +
          'A miss (see `probability`) lets the request go on. The draws come from `seed`: the same definition hits the same calls on every run.',
        body: FaultInput,
        response: { 201: FaultSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(wire(faults.add(request.body, app.clock.now()))),
  );

  app.get(
    '/faults',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'listFaults',
        summary: 'The injected faults, in creation order, with their counts',
        response: { 200: z.array(FaultSchema), 401: ErrorSchema },
      },
    },
    async () => faults.list().map(wire),
  );

  app.delete(
    '/faults/:id',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'deleteFault',
        summary: 'Remove an injected fault',
        params: FaultIdParams,
        response: { 204: EmptySchema, 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema.describe('No fault has this id') },
      },
    },
    async (request, reply) => {
      if (!faults.remove(request.params.id)) throw errors.notFound('Fault', String(request.params.id));
      return reply.code(204).send();
    },
  );

  app.delete(
    '/faults',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'clearFaults',
        summary: 'Remove every injected fault',
        response: { 204: EmptySchema, 401: ErrorSchema },
      },
    },
    async (_request, reply) => {
      faults.clear();
      return reply.code(204).send();
    },
  );
};

export default plugin;
