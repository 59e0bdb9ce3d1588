/**
 * A sensor folder and its sensors → Cisco's SensorFolder (../schemas/sensor-folders.ts).
 * divergence: Cisco does not say how statuses aggregate. Health is each sensor's 3.0
 * operational status (CONNECTED success, DISCONNECTED danger, UNKNOWN warning), `healthStatus`
 * the worst present; processing is the 1.0 processing status, `processingStatus` the most
 * common; versions compare as numbers part by part; no sensor is being updated (all `na`).
 */
import { sensorStatus } from '../../../domain/sensor.js';
import type { FolderSensor, SensorFolderRow } from '../../../store/sensor-folders.js';
import type { AggregatedStatusSchema, SensorFolderSchema } from '../schemas/sensor-folders.js';
import type { Wire } from './common.js';

type Aggregated = Wire<typeof AggregatedStatusSchema>;
const NONE: Aggregated = { count: 0, indicator: '', label: '' };
const HEALTH: Record<string, string> = { CONNECTED: 'success', UNKNOWN: 'warning', DISCONNECTED: 'danger' };
const WORST = ['danger', 'warning', 'success'];

function aggregate(labels: readonly string[], indicator: (label: string) => string): Aggregated[] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ count, indicator: indicator(label), label }));
}

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function sensorFolder(f: SensorFolderRow, sensors: readonly FolderSensor[]): Wire<typeof SensorFolderSchema> {
  const health = aggregate(sensors.map((s) => sensorStatus(s.status).operationalStatus), (l) => HEALTH[l] ?? 'warning');
  const processing = aggregate(sensors.map((s) => s.processingStatus), () => 'neutral');
  const versions = sensors.map((s) => s.version).filter((v) => v !== '').sort(byVersion);
  const worst = [...health].sort((a, b) => WORST.indexOf(a.indicator) - WORST.indexOf(b.indicator))[0];
  const common = [...processing].sort((a, b) => b.count - a.count)[0];
  return {
    description: f.description,
    healthStatus: worst ?? NONE,
    healthStatusList: health,
    id: f.id,
    label: f.label,
    location: f.location,
    maxVersion: versions.at(-1) ?? '',
    minVersion: versions[0] ?? '',
    processingStatus: common ?? NONE,
    processingStatusList: processing,
    properties: f.properties,
    sensorCount: sensors.length,
    updateStatus: { failed: 0, na: sensors.length, pending: 0, updating: 0, uploading: 0 },
  };
}
