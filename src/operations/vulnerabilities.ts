/**
 * Acknowledging vulnerabilities (Cisco's AcknowledgeVulnerabilityOnBulkDevices, PUT
 * /vulnerability/acknowledge; clients.md 1.2 #40: CDN ack_vuln sends {cve, deviceIds, comment}).
 * An acknowledgement is per device and CVE: one vulnerability_ack row per catalogue entry of the
 * CVE matched on the device's components, so every read (GET /components/{id}/vulnerabilities,
 * /devices/{id}/vulnerabilities) shows ackTime, ackAuthor and ackComment, and the device's risk
 * score no longer weighs it. Each write is one transaction that changes nothing when it fails.
 */
import type { Clock } from '../clock.js';
import { errors } from '../errors.js';
import { scoreDevices } from '../ingest/risk-scores.js';
import type { Store } from '../store/store.js';

export interface VulnerabilityContext {
  store: Store;
  clock: Clock;
}

export interface AckInput {
  cve: string;
  /** Device ids, lower case. */
  deviceIds: readonly string[];
  comment: string;
}

/**
 * Acknowledges a CVE on devices and scores them again; the author is whoever the caller names
 * (the 3.0 route: the token's name). A CVE the catalogue lacks is a 404 (Cisco: "vulnerability
 * not found"), so is a device none of whose components the CVE matches; an unknown device is a
 * 400 naming `deviceIds`. Acknowledging again replaces the time, author and comment.
 */
export function acknowledgeVulnerability(ctx: VulnerabilityContext, input: AckInput, author: string): void {
  const { store } = ctx;
  store.transaction(() => {
    const cve = input.cve.trim().toUpperCase();
    if (store.vulnerabilities.count({ cve }) === 0) throw errors.notFound('Vulnerability', cve);
    const devices = [...new Set(input.deviceIds)];
    const unknown = devices.filter((id) => store.devices.get(id) === undefined);
    if (unknown.length > 0) throw errors.badRequest(`Invalid body field "deviceIds": unknown device id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    const time = ctx.clock.now();
    for (const deviceId of devices) {
      const entries = store.vulnerabilities.matchedOnDevice(deviceId, cve);
      // divergence: Cisco's document does not say what acknowledging a CVE on a device it does not
      // affect does; it is its 404 ("vulnerability not found"), naming the device.
      if (entries.length === 0) throw errors.notFound('Vulnerability', `${cve} on device ${deviceId}`);
      for (const id of entries) store.vulnerabilities.acknowledge(deviceId, id, { time, author, comment: input.comment });
    }
    scoreDevices(store, store.riskInputs.of(devices));
  });
}
