/** Security insights → SecurityInsightDashboardElement (../schemas/security-insights.ts) and the requesting components (ComponentFields). */
import type { InsightRequester, InsightValue } from '../../../domain/security-insights.js';
import type { ComponentFieldsSchema } from '../schemas/components.js';
import type { SecurityInsightDashboardElementSchema } from '../schemas/security-insights.js';
import type { Lookups, Wire } from './common.js';
import { componentFields } from './components.js';

export function insightValue(v: InsightValue): Wire<typeof SecurityInsightDashboardElementSchema> {
  return { label: v.label, value: v.requests, componentsCount: v.componentsCount };
}

/** A requester: the component as lists show it, `requestsCount` counting its requests of this value. */
export function insightRequester(r: InsightRequester, l: Lookups): Wire<typeof ComponentFieldsSchema> {
  return { ...componentFields(r.view, l), requestsCount: r.requestsCount };
}
