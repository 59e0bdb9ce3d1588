/**
 * Security insights of a preset's dashboard (Cisco's dashboard-security): the DNS names, HTTP
 * hosts and SMB shares its components request (SecurityInsightDashboardElement), and the
 * components that requested one. Cisco types both answers as one object; they are lists (spec/v3
 * README, quirk 1).
 */
import { z } from 'zod';
import { INSIGHT_TYPES } from '../../../domain/security-insights.js';
import { named } from '../registry.js';
import { int } from './common.js';

export const InsightTypeSchema = z.enum(INSIGHT_TYPES, { error: "must be 'dns', 'http' or 'smb'" });

export const SecurityInsightDashboardElementSchema = named(
  'SecurityInsightDashboardElement',
  z.object({ label: z.string(), value: int, componentsCount: int }),
  'A requested value: `value` is how many requests (flows) asked for it, `componentsCount` from how many components.',
);

/** How many values each end of SecurityInsightDashboardCounts holds. divergence: Cisco does not say; the dashboard's widget shows ten. */
export const INSIGHT_COUNTS_ENDS = 10;

export const SecurityInsightDashboardCountsSchema = named(
  'SecurityInsightDashboardCounts',
  z.object({ top: z.array(SecurityInsightDashboardElementSchema), bottom: z.array(SecurityInsightDashboardElementSchema) }),
  `The two ends of the dashboard-security list, in its default order (the most requested first): \`top\` its first ${INSIGHT_COUNTS_ENDS} values, \`bottom\` its last ${INSIGHT_COUNTS_ENDS} (the same values when it holds fewer than ${2 * INSIGHT_COUNTS_ENDS}).`,
);
