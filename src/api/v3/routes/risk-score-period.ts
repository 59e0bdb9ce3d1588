/**
 * The risk scores' activity tags period (Cisco's "RiskScores"): GET and PUT
 * /risk-score/activity-tags-period, over src/operations/risk-scores.ts. Only the activities of
 * the period (ending at the world's newest one) weigh in the devices' risk scores.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setActivityTagsPeriod } from '../../../operations/risk-scores.js';
import { activityTagsPeriod } from '../../../store/settings.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { RiskScorePeriodPayloadSchema, RiskScorePeriodSchema } from '../schemas/risk-score-period.js';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const read = operation(
    'GET',
    '/risk-score/activity-tags-period',
    'The activity tags period in seconds. divergence: 0 until one is set, and 0 means every activity counts, as the world was scored when built (Cisco gives no default; its example is 86400).',
  );
  app.get(read.url, { schema: { ...read.docs, response: { 200: doc(RiskScorePeriodSchema, { description: 'success' }), ...errorResponses() } } }, async () => ({
    period: activityTagsPeriod(app.store.settings),
  }));

  const write = operation(
    'PUT',
    '/risk-score/activity-tags-period',
    'Sets the activity tags period and scores every device again: only the tags of the activities last seen in the period ending at the world\'s newest activity count (divergence: not the clock\'s now). An empty 204; 400 naming `period` when it is not an integer from 0.',
  );
  app.put(
    write.url,
    {
      schema: {
        ...write.docs,
        body: RiskScorePeriodPayloadSchema,
        response: { 204: doc(z.void(), { type: 'null', description: 'Config has been updated' }), ...errorResponses({ badRequest: 'Invalid body field "period": must be an integer of seconds' }) },
      },
    },
    async (request, reply) => {
      setActivityTagsPeriod(app.store, request.body.period);
      return reply.code(204).send();
    },
  );
};

export default plugin;
