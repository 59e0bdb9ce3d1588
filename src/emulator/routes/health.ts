/**
 * GET /_emulator/health: the one control-plane route that needs no key (the Docker
 * HEALTHCHECK calls it). Says the process answers and its database reads; tells nothing secret.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VERSION } from '../../version.js';
import { CONTROL_TAG } from './common.js';

const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptime_s: z.number(),
  scenario: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  const started = process.hrtime.bigint();
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'getHealth',
        summary: 'Whether the emulator is up (no key needed)',
        description: 'Status, version, uptime, the scenario of the world and its row counts. The Docker HEALTHCHECK uses it.',
        security: [],
        response: {
          200: HealthSchema.meta({
            example: { status: 'ok', version: '0.1.0', uptime_s: 12.5, scenario: 'default', counts: { sensors: 11, components: 325, flows: 3005, events: 5009, variables: 514, groups: 10 } },
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      version: VERSION,
      uptime_s: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(3)),
      scenario: app.store.settings.get('world.scenario') ?? null,
      counts: app.store.rowCounts.all(),
    }),
  );
};

export default plugin;
