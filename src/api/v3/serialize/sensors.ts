/** The 1.0 sensors → 3.0 (../schemas/sensors.ts): SensorOverview and SensorDetails. */
import { uuidv5 } from '../../../domain/ids.js';
import type { Sensor } from '../../../domain/types.js';
import type { ENROLLMENT_STATUSES, OPERATIONAL_STATUSES, SensorDetailsSchema, SensorOverviewSchema } from '../schemas/sensors.js';
import { type Wire, ms } from './common.js';

type Status = { enrollmentStatus: (typeof ENROLLMENT_STATUSES)[number]; operationalStatus: (typeof OPERATIONAL_STATUSES)[number] };

/**
 * guide 5.1's statuses ("Active", "Inactive", "Connected", "Disconnected", "Unknown"…) as 3.0's
 * pair. Every sensor the Center lists is enrolled in it; Active (SENSOR3's word for it) is up.
 */
const STATUSES: Record<string, Status> = {
  connected: { enrollmentStatus: 'ENROLLED', operationalStatus: 'CONNECTED' },
  active: { enrollmentStatus: 'ENROLLED', operationalStatus: 'CONNECTED' },
  disconnected: { enrollmentStatus: 'ENROLLED', operationalStatus: 'DISCONNECTED' },
  inactive: { enrollmentStatus: 'ENROLLED', operationalStatus: 'DISCONNECTED' },
};
const UNKNOWN: Status = { enrollmentStatus: 'UNKNOWN', operationalStatus: 'UNKNOWN' };

export const sensorStatus = (status: string): Status => (Object.hasOwn(STATUSES, status.toLowerCase()) ? (STATUSES[status.toLowerCase()] as Status) : UNKNOWN);

/**
 * invented: the 1.0 sensor has no MAC and no certificate; both are derived from its id, so that
 * they stay the same across runs. The MAC is locally administered (02:…), never a vendor's.
 */
function sensorMac(id: string): string {
  const hex = uuidv5(`sensor-mac|${id}`).replace(/-/g, '');
  return ['02', ...(hex.slice(0, 10).match(/../g) as string[])].join(':');
}
const certificateSerial = (id: string): string => uuidv5(`sensor-certificate|${id}`).replace(/-/g, '').toUpperCase();

/** guide 5.1's uptime text ("2d 3h 41m", "7m 25s ") in seconds; "" (not connected) is 0. */
export function uptimeSeconds(text: string): number {
  const unit: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1 };
  let total = 0;
  for (const [, n, u] of text.matchAll(/(\d+)\s*([dhms])/g)) total += Number(n) * (unit[u as string] as number);
  return total;
}

export function sensorOverview(s: Sensor, centerId: string): Wire<typeof SensorOverviewSchema> {
  return {
    id: s.id,
    name: s.name,
    serialNumber: s.serialNumber,
    model: s.model,
    status: { ...sensorStatus(s.status), lastReceivedSysinfo: ms(s.lastActiveTime) },
    creationTime: ms(s.creationTime),
    filter: { capture_mode: s.captureMode, custom_input: s.customInput },
    mac: sensorMac(s.id),
    certificateSerial: certificateSerial(s.id),
    centerId,
  };
}

/**
 * divergence: Cisco's SensorDetails names no field for 1.0's processing status or flow counts,
 * so they are not served (1.0 GET /sensor has them); nor its network settings (gateway, netmask…),
 * which the world does not hold. Active discovery is off on every sensor of the world.
 */
export function sensorDetails(s: Sensor, centerId: string): Wire<typeof SensorDetailsSchema> {
  return {
    ...sensorOverview(s, centerId),
    ip: s.ip,
    version: s.version,
    hardwareType: s.hardwareType,
    uptime: uptimeSeconds(s.uptime),
    lastUpdate: ms(s.lastActiveTime),
    snortEnabled: s.snortEnabled,
    recording: s.recording,
    ...(s.recordingLastStart === null ? {} : { recordingLastStart: ms(s.recordingLastStart) }),
    ...(s.recordingLastStop === null ? {} : { recordingLastStop: ms(s.recordingLastStop) }),
    awaitingSync: false,
    activeDiscoveryEnabled: false,
    activeDiscoveryInProgress: false,
  };
}
