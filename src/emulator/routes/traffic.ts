/** Live traffic (issue: "keeps the synthetic plant talking"): GET and POST /_emulator/traffic. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../../api/schemas.js';
import { MAX_RATE, type TrafficStatus } from '../traffic.js';
import { CONTROL_TAG } from './common.js';


const StatusSchema = z.object({ rate: z.number(), running: z.boolean(), observations: z.number().int(), last_error: z.string().nullable() });
const status = (s: TrafficStatus) => ({ rate: s.rate, running: s.running, observations: s.observations, last_error: s.lastError });

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/traffic',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'getTraffic',
        summary: 'The live traffic generator',
        response: { 200: StatusSchema, 401: ErrorSchema },
      },
    },
    async () => status(app.services.traffic.status()),
  );

  app.post(
    '/traffic',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'setTraffic',
        summary: 'Start, change or stop the live traffic',
        description: 'Flow observations per second through the ingest pipeline; 0 stops.',
        body: z
          .object({ rate: z.number({ error: 'must be a number' }).min(0, 'must be >= 0').max(MAX_RATE, `must be <= ${MAX_RATE}`) })
          .strict()
          .meta({ example: { rate: 20 } }),
        response: { 200: StatusSchema, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request) => status(app.services.traffic.setRate(request.body.rate)),
  );
};

export default plugin;
