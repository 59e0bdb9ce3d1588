/**
 * Security insights (API 3.0 dashboard-security): the DNS names, HTTP hosts and SMB shares the
 * plant's components request, read from the flow properties the Center's dissectors report.
 */
import type { Component } from './types.js';

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
  component: Component;
  requestsCount: number;
}
