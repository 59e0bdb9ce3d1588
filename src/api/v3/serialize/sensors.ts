/** The 1.0 sensors → 3.0 (../schemas/sensors.ts): SensorOverview and SensorDetails. */
import { uuidv5 } from '../../../domain/ids.js';
import type { Sensor } from '../../../domain/types.js';
import { sensorStatus } from '../../../domain/sensor.js';
import type { CreatedSensorSchema } from '../schemas/sensor-payload.js';
import type { SensorDetailsSchema, SensorOverviewSchema } from '../schemas/sensors.js';
import { type Wire, ms } from './common.js';

/**
 * invented: the 1.0 sensor has no MAC and no certificate; both are derived from its id, so that
 * they stay the same across runs. The MAC is locally administered (02:…), never a vendor's.
 */
export function sensorMac(id: string): string {
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
 * which the world does not hold. Active discovery is on when the sensor has interfaces for it
 * (POST /sensors/active-discovery); none of the world's has. The location (PUT
 * /sensors/{id}/location) is `latitude` and `longitude`, absent when none was given.
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
    activeDiscoveryEnabled: (s.activeDiscovery ?? []).length > 0,
    activeDiscoveryInProgress: false,
    activeDiscoveryConfig: s.activeDiscovery ?? [],
    ...(s.location ? { latitude: s.location.latitude, longitude: s.location.longitude } : {}),
  };
}

/** Cisco's Sensor as POST /sensors answers it, with `Id` beside `id` (divergence: real Centers answer it; Ansible reads it). */
export function createdSensor(s: Sensor, centerId: string): Wire<typeof CreatedSensorSchema> {
  return { id: s.id, Id: s.id, label: s.name, ip: s.ip, serialNumber: s.serialNumber, captureMode: s.captureMode, centerId };
}
