/**
 * Security insights (API 3.0 dashboard-security): the DNS names, HTTP hosts and SMB shares the
 * plant's components request, read from the flow properties the Center's dissectors report.
 */
import type { ListFields } from './list-request.js';
import type { ComponentView } from './component-view.js';

export const INSIGHT_TYPES = ['dns', 'http', 'smb'] as const;
export type InsightType = (typeof INSIGHT_TYPES)[number];

/** The flow property that carries each kind of request value (src/seed/plant/kinds.ts sets them). */
export const INSIGHT_PROPERTIES: Readonly<Record<InsightType, string>> = {
  dns: 'dns-query-name',
  http: 'http-host',
  smb: 'smb-share',
};

/** A requested value: how many requests (flows) asked for it, and from how many components. */
export interface InsightValue {
  label: string;
  requests: number;
  componentsCount: number;
}

/** A component that requested a value, and how often (flows it opened with that value). */
export interface InsightRequester {
  view: ComponentView;
  requestsCount: number;
}

/** A dashboard-security list (SecurityInsightDashboardElement): the value, its requests (`value` on the wire), its requesters. */
export const INSIGHT_VALUE_FIELD_NAMES = ['label', 'value', 'componentsCount'] as const;
export type InsightValueField = (typeof INSIGHT_VALUE_FIELD_NAMES)[number];
export const INSIGHT_VALUE_FIELDS: ListFields<InsightValueField> = {
  label: { kind: 'text', sort: true, filter: true },
  value: { kind: 'number', sort: true },
  componentsCount: { kind: 'number', sort: true },
};

/** The components that requested a value (dashboard-security components): the fields OPS reads. */
export const INSIGHT_REQUESTER_FIELD_NAMES = ['label', 'ip', 'mac', 'requestsCount'] as const;
export type InsightRequesterField = (typeof INSIGHT_REQUESTER_FIELD_NAMES)[number];
export const INSIGHT_REQUESTER_FIELDS: ListFields<InsightRequesterField> = {
  label: { kind: 'text', sort: true, filter: true },
  ip: { kind: 'exact', sort: true, filter: true },
  mac: { kind: 'exact', sort: true, filter: true },
  requestsCount: { kind: 'number', sort: true },
};
