/**
 * Reviews of a baseline's differences (Cisco's "BaselineDifferences", the writes): ack (the
 * baseline takes the difference in), nack (it is reported abnormal and stays), ignore (it is
 * hidden while its value stays), delete (the baseline forgets what it held of a target). Over
 * src/operations/baseline-reviews.ts; each answers 402 outside advantage mode (Cisco: "accessible
 * only in advantage mode"), after the token, and 204 with no body.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DIFFERENCE_KINDS, REVIEW_ACTIONS } from '../../../domain/baseline.js';
import { errors } from '../../../errors.js';
import { reviewAllBaselines, reviewBaseline, reviewDifference, reviewTarget } from '../../../operations/baseline-reviews.js';
import { checkId } from '../../kit.js';
import { BASELINE_ERRORS, TARGET_NOT_FOUND as NOT_FOUND, baselineId, baselineKit, checkedTarget, pathEnum, targetIdParam as targetId } from '../baseline-kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc } from '../registry.js';
import { OptionalDifferenceReviewSchema as Review } from '../schemas/baselines.js';

const reviewAction = pathEnum(['ack', 'nack', 'ignore'] as const, 'the action to do on the differences');
const NO_CONTENT = { 204: doc(z.void(), { type: 'null', description: 'difference review success' }) };

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { ctx, advantageOnly } = baselineKit(app);
  const ADVANTAGE = { onRequest: advantageOnly };

  const reviewAll = operation('POST', '/baselines/{id}/differences/{action}', 'Reviews every difference of the baseline: ack takes them into the baseline, nack reports them abnormal, ignore hides them while their values stay.');
  app.post(
    reviewAll.url,
    {
      ...ADVANTAGE,
      schema: {
        ...reviewAll.docs,
        params: z.object({ id: baselineId, action: reviewAction }),
        body: Review,
        response: { ...NO_CONTENT, ...errorResponses(BASELINE_ERRORS) },
      },
    },
    async (request, reply) => {
      reviewBaseline(ctx, checkId(request.params.id, 'baseline'), request.params.action, request.body);
      return reply.code(204).send();
    },
  );


  const reviewOne = operation(
    'POST',
    '/baselines/{baseline_id}/{target}/{target_id}/{diff_type}/{action}',
    'Reviews the differences of one target of that type (`allwithrelated`: with those of its activities, or of an activity\'s ends). A `variables` target is a variable id: the differing accesses to it. delete makes the baseline forget what it holds of the target (of that type), so that the world\'s state shows as differences.',
  );
  app.post(
    reviewOne.url,
    {
      ...ADVANTAGE,
      schema: {
        ...reviewOne.docs,
        params: z.object({
          baseline_id: baselineId,
          target: pathEnum(['components', 'activities', 'variables'] as const, 'the target on which to get the differences'),
          target_id: targetId,
          diff_type: pathEnum(DIFFERENCE_KINDS, 'type of difference'),
          action: pathEnum(REVIEW_ACTIONS, 'the action to do on the differences'),
        }),
        body: Review,
        response: { ...NO_CONTENT, ...errorResponses(NOT_FOUND) },
      },
    },
    async (request, reply) => {
      const { baseline_id, target: t, target_id, diff_type, action } = request.params;
      const id = t === 'variables' ? checkId(target_id, 'variable') : checkedTarget(t, target_id);
      reviewTarget(ctx, checkId(baseline_id, 'baseline'), t, id, diff_type, action, request.body);
      return reply.code(204).send();
    },
  );

  const reviewById = operation('POST', '/differences/{id}/{action}', 'Reviews one difference, of whichever baseline shows it; 404 when none does.');
  app.post(
    reviewById.url,
    {
      ...ADVANTAGE,
      schema: {
        ...reviewById.docs,
        params: z.object({ id: doc(z.string(), { description: 'difference id (uuid)' }), action: reviewAction }),
        body: Review,
        response: { ...NO_CONTENT, ...errorResponses({ badRequest: errors.badId('difference', 'x').message, notFound: errors.notFound('Difference', '…').message }) },
      },
    },
    async (request, reply) => {
      reviewDifference(ctx, checkId(request.params.id, 'difference'), request.params.action, request.body);
      return reply.code(204).send();
    },
  );

  const reviewEvery = operation('POST', '/presets/baselines/differences/{action}', 'Reviews every difference of every baseline; 404 when there is no baseline.');
  app.post(
    reviewEvery.url,
    {
      ...ADVANTAGE,
      schema: {
        ...reviewEvery.docs,
        params: z.object({ action: reviewAction }),
        body: Review,
        response: { ...NO_CONTENT, ...errorResponses({ badRequest: "Invalid path parameter \"action\": must be one of 'ack', 'nack', 'ignore'", notFound: 'No baseline found' }) },
      },
    },
    async (request, reply) => {
      reviewAllBaselines(ctx, request.params.action, request.body);
      return reply.code(204).send();
    },
  );
};

export default plugin;
