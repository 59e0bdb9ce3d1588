/** Security insights → SecurityInsightDashboardElement and the requesting components (../schemas/security-insights.ts). */
import type { InsightRequester, InsightValue } from '../../../domain/security-insights.js';
import type { SecurityInsightComponentSchema, SecurityInsightDashboardElementSchema } from '../schemas/security-insights.js';
import { type Lookups, type Wire, componentIcon, componentLabels, group, tags } from './common.js';

export function insightValue(v: InsightValue): Wire<typeof SecurityInsightDashboardElementSchema> {
  return { label: v.label, value: v.requests, componentsCount: v.componentsCount };
}

export function insightRequester(r: InsightRequester, l: Lookups): Wire<typeof SecurityInsightComponentSchema> {
  const c = r.component;
  return {
    id: c.id,
    ...componentLabels(c),
    icon: componentIcon(c),
    // ComponentFields' ip is a string: "" when the component has none (as /components prints it).
    ip: c.ip ?? '',
    mac: c.mac,
    group: group(c.groupId, l),
    tags: tags(c.tags, l),
    requestsCount: r.requestsCount,
  };
}
