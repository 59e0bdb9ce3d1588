/**
 * Sensors as both APIs see them: the 1.0 status words (guide 5.1) read as 3.0's enrollment and
 * operational pair, what a sensor declared through 3.0 starts as, and 3.0's capture mode filter
 * in 1.0's words.
 */
import type { CaptureMode } from './vocabulary.js';

/**
 * Cisco's SensorEnrollStatus and SensorOperationalStatus are bare strings in its document (no
 * enum). The values clients test are ENROLLED and CONNECTED (clients.md row 29, Ansible).
 * divergence: the others are ours: DISCONNECTED, and UNKNOWN for a 1.0 status we cannot read.
 */
export const ENROLLMENT_STATUSES = ['ENROLLED', 'UNKNOWN'] as const;
export const OPERATIONAL_STATUSES = ['CONNECTED', 'DISCONNECTED', 'UNKNOWN'] as const;

export interface SensorStatusPair {
  enrollmentStatus: (typeof ENROLLMENT_STATUSES)[number];
  operationalStatus: (typeof OPERATIONAL_STATUSES)[number];
}

/**
 * guide 5.1's statuses ("Active", "Inactive", "Connected", "Disconnected", "Unknown"…) as 3.0's
 * pair. Every sensor the Center lists is enrolled in it; Active (SENSOR3's word for it) is up.
 */
const STATUSES: Record<string, SensorStatusPair> = {
  connected: { enrollmentStatus: 'ENROLLED', operationalStatus: 'CONNECTED' },
  active: { enrollmentStatus: 'ENROLLED', operationalStatus: 'CONNECTED' },
  disconnected: { enrollmentStatus: 'ENROLLED', operationalStatus: 'DISCONNECTED' },
  inactive: { enrollmentStatus: 'ENROLLED', operationalStatus: 'DISCONNECTED' },
};
const UNKNOWN: SensorStatusPair = { enrollmentStatus: 'UNKNOWN', operationalStatus: 'UNKNOWN' };

export const sensorStatus = (status: string): SensorStatusPair => STATUSES[status.toLowerCase()] ?? UNKNOWN;

/** Whether a sensor of this 1.0 status is enrolled in the Center (and so may capture traffic). */
export const isEnrolled = (status: string): boolean => sensorStatus(status).enrollmentStatus === 'ENROLLED';

/** The ids of the sensors that capture: the enrolled ones (live traffic and the control plane's ingest take only these). */
export const enrolledIds = (sensors: readonly { id: string; status: string }[]): Set<string> =>
  new Set(sensors.filter((s) => isEnrolled(s.status)).map((s) => s.id));

/**
 * A sensor declared through 3.0 (POST /sensors) has not enrolled yet: guide 5.1's "Unknown" (3.0:
 * UNKNOWN/UNKNOWN, so a client that waits for ENROLLED/CONNECTED keeps waiting), not processing.
 * divergence: the guide lists the words, not which one a declared sensor shows; a real Center
 * shows its own "pending" state, which the guide's vocabulary has no word for.
 */
export const DECLARED_STATUS = 'Unknown';
export const DECLARED_PROCESSING_STATUS = 'Not processing';

/** Cisco's capture mode filter (updateSensorCaptureModeFilter, CreateSensorBody `mode`): "all, industrial_only, optimal and any custom mode". */
export const CAPTURE_FILTERS = ['all', 'optimal', 'industrial_only'] as const;

/**
 * A 3.0 capture mode filter in 1.0's words (guide 5.1 `filter`: capture_mode all, optimal,
 * industrial-only or custom, with custom_input holding a custom filter). Any other text is a
 * custom filter (Cisco's example: "not arp"). divergence: 1.0's spelling `industrial-only` is
 * taken as `industrial_only`, not as a custom filter.
 */
export function captureModeOf(filter: string): { captureMode: CaptureMode; customInput: string } {
  const f = filter.trim();
  if (f === 'industrial_only' || f === 'industrial-only') return { captureMode: 'industrial-only', customInput: '' };
  if (f === 'all' || f === 'optimal') return { captureMode: f, customInput: '' };
  return { captureMode: 'custom', customInput: f };
}

/** WGS84 decimal degrees (Cisco's SensorLocationEditBody). */
export interface SensorLocation {
  latitude: number;
  longitude: number;
}

/** Cisco's ActiveDiscoveryInterface: an address the sensor scans from. */
export interface ActiveDiscoveryInterface {
  ip?: string;
  netmask?: string;
  vlan?: number;
  iface?: string;
  disableScand?: boolean;
}
