/**
 * Security insights of a preset's dashboard (Cisco's dashboard-security): the DNS names, HTTP
 * hosts and SMB shares its components request (SecurityInsightDashboardElement), and the
 * components that requested one. Cisco types both answers as one object; they are lists (spec/v3
 * README, quirk 1).
 */
import { z } from 'zod';
import { INSIGHT_TYPES } from '../../../domain/security-insights.js';
import { named } from '../registry.js';
import { GroupSchema, TagSchema, int } from './common.js';

export const InsightTypeSchema = z.enum(INSIGHT_TYPES, { error: "must be 'dns', 'http' or 'smb'" });

export const SecurityInsightDashboardElementSchema = named(
  'SecurityInsightDashboardElement',
  z.object({ label: z.string(), value: int, componentsCount: int }),
  'A requested value: `value` is how many requests (flows) asked for it, `componentsCount` from how many components.',
);

/**
 * The fields of Cisco's ComponentFields that OPS reads (`requestsCount`, `label`, `ip`, `mac`)
 * and what names and draws the component. divergence: not yet the whole ComponentFields; the
 * /components serializer replaces it once merged.
 */
export const SecurityInsightComponentSchema = named(
  'SecurityInsightComponent',
  z.object({
    id: z.string(),
    label: z.string(),
    originalLabel: z.string(),
    customLabel: z.string(),
    icon: z.string(),
    ip: z.string(),
    mac: z.string(),
    group: GroupSchema.nullable(),
    tags: z.array(TagSchema),
    requestsCount: int,
  }),
  'A component that requested the value (ComponentFields\' fields): `requestsCount` is how many of its requests asked for it; `ip` is "" when it has none.',
);
