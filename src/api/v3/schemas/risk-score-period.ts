/**
 * Cisco 3.0 "RiskScores": the body of PUT /risk-score/activity-tags-period and the answer of its
 * GET, `{"period": 86400}`: "activity tags period in seconds".
 */
import { z } from 'zod';
import { doc, named } from '../registry.js';

const period = z.number({ error: 'must be an integer of seconds' }).int({ error: 'must be an integer of seconds' }).min(0, { error: 'must be 0 or more' }).max(2_147_483_647, { error: 'must be at most 2147483647' });

export const RiskScorePeriodSchema = named(
  'RiskScorePeriod',
  z.object({ period: doc(period, { description: 'activity tags period in seconds; 0: every activity counts (the default)', example: 86400 }) }),
  'The activity tags period used to compute risk scores.',
);

export const RiskScorePeriodPayloadSchema = doc(z.object({ period }, { error: 'a JSON object is required' }), {
  description: '"period": the activity tags period in seconds, an integer from 0 (0: every activity counts).',
  example: { period: 86400 },
});
