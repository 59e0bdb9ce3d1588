/** Sensors (guide 6.2). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as serialize from '../serialize.js';
import { SensorSchema } from '../schemas.js';
import { EXAMPLES, answer } from '../examples.js';
import { docs, errorResponses } from '../kit.js';
import { repeatable } from '../params.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/sensor',
    {
      schema: {
        ...docs('Sensors', 'getSensors', 'Get sensors', '6.2.1', 'An object keyed by sensor id.'),
        querystring: z.object({
          status: repeatable(z.string()).meta({
            description: 'Status, without regard to case, e.g. active, inactive, connected, disconnected (repeatable: any of them).',
            example: ['active', 'inactive'],
          }),
        }),
        response: { 200: answer(z.record(z.string(), SensorSchema), 'The sensors, keyed by id (guide 5.1)', EXAMPLES.sensors), ...errorResponses() },
      },
    },
    async (request) => Object.fromEntries(app.store.sensors.list(request.query.status).map((s) => [s.id, serialize.sensor(s)])),
  );
};

export default plugin;
