/**
 * Catalogue entries → VulnerabilityDetail (../schemas/catalogue.ts), and the date-time text of
 * the other two vulnerability shapes (quirk 7).
 */
import type { Micros } from '../../../domain/time.js';
import type { SeverityCounts, Vulnerability } from '../../../domain/vulnerability.js';
import type { VulnerabilityDetailSchema, WidgetVulnerableDevicesResponseSchema } from '../schemas/catalogue.js';
import { type Wire, ms } from './common.js';

/** The catalogue entry's fields every vulnerability shape prints (schemas/catalogue.ts advisoryFields), and its links. */
export const advisory = (v: Vulnerability) => ({
  id: v.id,
  cve: v.cve,
  title: v.title,
  summary: v.summary,
  solution: v.solution,
  fullDescription: v.fullDescription,
  CVSS: v.cvss,
  CVSSVersion: v.cvssVersion,
  links: v.links,
});

export function vulnerabilityDetail(v: Vulnerability): Wire<typeof VulnerabilityDetailSchema> {
  return {
    ...advisory(v),
    cvssVectorString: v.cvssVectorString,
    publishTime: ms(v.publishTime),
    vendorId: v.vendorId,
  };
}

/**
 * A vulnerability date as the preset vulnerability-list prints it: "2022-03-31T00:00:00Z", to
 * the second (FAR parses it with %Y-%m-%dT%H:%M:%SZ; spec/v3 clients.md row 5). The
 * per-component and per-device lists print the recorded form, fractions kept (formatTimestamp).
 */
export function vulnerabilityTime(t: Micros): string {
  return `${new Date(ms(t)).toISOString().slice(0, 19)}Z`;
}

/**
 * The vulnerable devices by severity. `total` first (STE reads the values of the first nested
 * object by position), its counters in the order of Cisco's document. divergence: the document
 * gives no order (its definitions list fields alphabetically); we keep that one.
 */
export function vulnerableDevices(c: SeverityCounts): Wire<typeof WidgetVulnerableDevicesResponseSchema> {
  return { total: { critical: c.critical, high: c.high, low: c.low, medium: c.medium, total: c.total }, centers: [] };
}
