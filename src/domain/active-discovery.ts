/**
 * Active discovery (Cisco 3.0 "ActiveDiscovery"): policies, profiles and scans, as the store
 * keeps them, and the pure parts of a scan. The emulator sends no packet: a scan is a record
 * made at once, on the injected clock.
 */
import { parseCidr } from './custom-network.js';
import { ipv4ToInt } from './network.js';

/** Cisco's ActiveDiscoveryProtocol. */
export interface AdProtocol {
  id: string;
  protocol: string;
  enabled: boolean;
  parameters: string;
}

export interface AdPolicy {
  id: string;
  name: string;
  broadcast: AdProtocol[];
  unicast: AdProtocol[];
}

export interface AdProfile {
  id: string;
  name: string;
  policyId: string | null;
  allSensorSelected: boolean;
  /** Sensor ids, in the order given. */
  sensorIds: string[];
  /** Preset ids, in the order given. */
  presetIds: string[];
  ipRanges: string[];
  ipTargets: string[];
  runOnce: string;
  scanFrequency: string;
  scheduled: boolean;
  /** As given (ms, 0: none). */
  startTime: number;
  endTime: number;
}

/** Cisco's ActiveDiscoveryScanConsolidatedReportDetails, times in ms. */
export interface AdScanRequest {
  scanID: string;
  sensorName: string;
  protocol: string;
  protocolMode: 'BROADCAST' | 'UNICAST';
  ipRanges: string[];
  ipTargets: string[];
  ipTargetsCount: number;
  percentageProgress: number;
  startDate: number;
  endDate: number;
  status: string;
  statusText: string;
}

export interface AdScan {
  id: string;
  /** µs. */
  startTime: number;
  endTime: number;
  status: string;
  statusText: string;
  requests: AdScanRequest[];
}

/** invented: Cisco's ActiveDiscoveryScanStatus and SchedulingStatus are bare strings; start and stop name SCHEDULED and NOT_SCHEDULED. */
export const SCAN_COMPLETED = 'COMPLETED';
export const SCAN_ERROR = 'ERROR';
export const NO_PACKET = 'Emulated: no packet was sent';

/** An IPv4 range: CIDR ("10.0.0.0/24") or "first-last"; its address count, undefined when it is neither. */
export function rangeSize(text: string): number | undefined {
  const cidr = parseCidr(text);
  if (cidr) return cidr.last - cidr.first + 1;
  const m = /^\s*([\d.]+)\s*-\s*([\d.]+)\s*$/.exec(text);
  if (!m) return undefined;
  const first = ipv4ToInt(m[1] as string);
  const last = ipv4ToInt(m[2] as string);
  return first === undefined || last === undefined || last < first ? undefined : last - first + 1;
}

export interface ScanSensor {
  name: string;
  /** Whether the sensor has active discovery interfaces (POST /sensors/active-discovery). */
  enabled: boolean;
}

/**
 * The scan a run records: one request per sensor and enabled protocol (broadcast ones without
 * targets, unicast ones on the profile's ranges and targets), all done at `nowMs`. A sensor
 * whose active discovery is off gives ERROR requests; a profile without a policy, a sensor or an
 * enabled protocol gives an ERROR scan without requests.
 */
export function runScan(profile: AdProfile, policy: AdPolicy | undefined, sensors: ScanSensor[], nowMs: number, nowMicros: number, newId: () => string): AdScan {
  const scan = (status: string, statusText: string, requests: AdScanRequest[]): AdScan => ({ id: newId(), startTime: nowMicros, endTime: nowMicros, status, statusText, requests });
  if (!policy) return scan(SCAN_ERROR, 'The profile has no policy: nothing was scanned', []);
  if (sensors.length === 0) return scan(SCAN_ERROR, 'The profile has no sensor: nothing was scanned', []);
  const protocols = [
    ...policy.broadcast.filter((p) => p.enabled).map((p) => ({ p, mode: 'BROADCAST' as const })),
    ...policy.unicast.filter((p) => p.enabled).map((p) => ({ p, mode: 'UNICAST' as const })),
  ];
  if (protocols.length === 0) return scan(SCAN_ERROR, 'The policy enables no protocol: nothing was scanned', []);
  const count = profile.ipTargets.length + profile.ipRanges.reduce((n, r) => n + (rangeSize(r) ?? 0), 0);
  const requests = sensors.flatMap((s) =>
    protocols.map(({ p, mode }): AdScanRequest => {
      const unicast = mode === 'UNICAST';
      return {
        scanID: newId(),
        sensorName: s.name,
        protocol: p.protocol,
        protocolMode: mode,
        ipRanges: unicast ? profile.ipRanges : [],
        ipTargets: unicast ? profile.ipTargets : [],
        ipTargetsCount: unicast ? count : 0,
        percentageProgress: s.enabled ? 100 : 0,
        startDate: nowMs,
        endDate: nowMs,
        status: s.enabled ? SCAN_COMPLETED : SCAN_ERROR,
        statusText: s.enabled ? NO_PACKET : 'Active discovery is disabled on the sensor',
      };
    }),
  );
  const failed = requests.some((r) => r.status !== SCAN_COMPLETED);
  return scan(failed ? SCAN_ERROR : SCAN_COMPLETED, failed ? 'Some sensors could not scan' : NO_PACKET, requests);
}
