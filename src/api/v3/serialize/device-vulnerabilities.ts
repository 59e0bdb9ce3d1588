/**
 * Vulnerabilities as devices print them (README quirk 7): `VulnerabilityDetail` (the catalogue's
 * shape, also `Device.vulnerabilities` and the risk score's most impacting one: publishTime in
 * ms) and `JsonVulnerabilityFullInfos` (GET /devices/{id}/vulnerabilities: dates as strings, the
 * match's reasons, the device's acknowledgement).
 * Kept small: the component form (R1) and the catalogue (/vulnerabilities) are unified at merge.
 */
import type { Micros } from '../../../domain/time.js';
import type { Vulnerability, VulnerabilityAck, VulnerabilityMatch } from '../../../domain/vulnerability.js';
import type { VulnerabilityDetailSchema, VulnerabilityFullInfosSchema } from '../schemas/devices.js';
import { type Wire, ms } from './common.js';

/** "2022-03-31T00:00:00Z": FAR parses `%Y-%m-%dT%H:%M:%SZ`, so no fraction of a second. */
export const dateTime = (t: Micros): string => new Date(ms(t)).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function vulnerabilityDetail(v: Vulnerability): Wire<typeof VulnerabilityDetailSchema> {
  return {
    id: v.id,
    cve: v.cve,
    title: v.title,
    summary: v.summary,
    solution: v.solution,
    fullDescription: v.fullDescription,
    CVSS: v.cvss,
    CVSSVersion: v.cvssVersion,
    cvssVectorString: v.cvssVectorString,
    vendorId: v.vendorId,
    links: v.links,
    publishTime: ms(v.publishTime),
  };
}

/** One vulnerability of a device: the union of its components' matches of it (the earliest, with every reason). */
export interface DeviceVulnerability {
  vulnerability: Vulnerability;
  matchingTime: Micros;
  reasons: string[];
}

/** A device's components' matches, one per catalogue entry, in match order. */
export function unionOfMatches(matches: readonly VulnerabilityMatch[]): DeviceVulnerability[] {
  const byId = new Map<string, DeviceVulnerability>();
  for (const m of matches) {
    const held = byId.get(m.vulnerability.id);
    if (!held) byId.set(m.vulnerability.id, { vulnerability: m.vulnerability, matchingTime: m.matchingTime, reasons: [...m.reasons] });
    else {
      held.matchingTime = Math.min(held.matchingTime, m.matchingTime);
      for (const r of m.reasons) if (!held.reasons.includes(r)) held.reasons.push(r);
    }
  }
  return [...byId.values()];
}

export function vulnerabilityFullInfos(d: DeviceVulnerability, ack: VulnerabilityAck | undefined): Wire<typeof VulnerabilityFullInfosSchema> {
  const v = d.vulnerability;
  return {
    id: v.id,
    cve: v.cve,
    title: v.title,
    summary: v.summary,
    solution: v.solution,
    fullDescription: v.fullDescription,
    CVSS: v.cvss,
    CVSSTemporal: v.cvssTemporal,
    CVSSVersion: v.cvssVersion,
    CVSSVectorString: v.cvssVectorString,
    vendorId: v.vendorId,
    links: v.links,
    reasons: d.reasons,
    creationTime: dateTime(v.creationTime),
    lastUpdate: dateTime(v.lastUpdate),
    publishTime: dateTime(v.publishTime),
    matchingTime: dateTime(d.matchingTime),
    ackTime: ack ? dateTime(ack.time) : null,
    ackAuthor: ack?.author ?? '',
    ackComment: ack?.comment ?? '',
  };
}
