/** Sensors (guide 5.1, 6.2), and what API 3.0 writes on them. */
import type { ActiveDiscoveryInterface, SensorLocation } from '../domain/sensor.js';
import type { Sensor } from '../domain/types.js';
import type { CaptureMode } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import { bool, placeholders, statementCache } from './sql.js';

const parseJsonArray = <T>(text: unknown): T[] => (typeof text === 'string' ? (JSON.parse(text) as T[]) : []);

type SensorRow = Record<string, unknown> & { capture_mode: CaptureMode };

export function createSensorRepo(db: Db) {
  const prepare = statementCache(db);
  const insertStmt = db.prepare(
    `INSERT INTO sensor (id, name, serial_number, ip, model, hardware_type, version, status, processing_status,
       capture_mode, custom_input, auto_config, ssh_reachable, ssh_reachable_last_update, creation_time,
       last_active_time, uptime, snort_enabled, recording, recording_last_start, recording_last_stop,
       recording_last_size, statistics, has_presets, flow_rate_day, flow_count_day, flows_percentage,
       latitude, longitude, active_discovery_json)
     VALUES (@id, @name, @serialNumber, @ip, @model, @hardwareType, @version, @status, @processingStatus,
       @captureMode, @customInput, @autoConfig, @sshReachable, @sshReachableLastUpdate, @creationTime,
       @lastActiveTime, @uptime, @snortEnabled, @recording, @recordingLastStart, @recordingLastStop,
       @recordingLastSize, @statistics, @hasPresets, @flowRateDay, @flowCountDay, @flowsPercentage,
       @latitude, @longitude, @activeDiscoveryJson)`,
  );

  return {
    /** guide 6.2.1: `status` filters are case-insensitive and OR-ed. */
    list(statuses?: string[]): Sensor[] {
      const filter = statuses?.length ? `WHERE lower(status) IN (${placeholders(statuses.length)})` : '';
      const rows = prepare(`SELECT * FROM sensor ${filter} ORDER BY creation_time, rowid`).all(
        ...(statuses ?? []).map((s) => s.toLowerCase()),
      ) as SensorRow[];
      return rows.map(toSensor);
    },

    /** One sensor by id (lower-case UUID), or undefined. */
    get(id: string): Sensor | undefined {
      const row = prepare('SELECT * FROM sensor WHERE id = ?').get(id) as SensorRow | undefined;
      return row ? toSensor(row) : undefined;
    },

    /** The sensors with this serial number (compared without case). */
    withSerial(serialNumber: string): string[] {
      return prepare('SELECT id FROM sensor WHERE serial_number = ? COLLATE NOCASE ORDER BY rowid').pluck().all(serialNumber) as string[];
    },

    insert(s: Sensor): void {
      const flags = ['autoConfig', 'sshReachable', 'snortEnabled', 'recording', 'statistics', 'hasPresets'] as const;
      const { location, activeDiscovery, ...rest } = s;
      insertStmt.run({
        ...rest,
        ...Object.fromEntries(flags.map((k) => [k, s[k] ? 1 : 0])),
        latitude: location?.latitude ?? null,
        longitude: location?.longitude ?? null,
        activeDiscoveryJson: JSON.stringify(activeDiscovery ?? []),
      });
    },

    /** Deletes a sensor; false when it is unknown. What it captured (flows, components) stays. */
    remove(id: string): boolean {
      return prepare('DELETE FROM sensor WHERE id = ?').run(id).changes > 0;
    },

    /** The fields API 3.0 writes on a sensor; false when it is unknown. */
    update(id: string, change: SensorChange): boolean {
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = ?`);
        values.push(value);
      };
      if (change.name !== undefined) set('name', change.name);
      if (change.captureMode !== undefined) set('capture_mode', change.captureMode);
      if (change.customInput !== undefined) set('custom_input', change.customInput);
      if (change.snortEnabled !== undefined) set('snort_enabled', change.snortEnabled ? 1 : 0);
      if (change.location !== undefined) {
        set('latitude', change.location?.latitude ?? null);
        set('longitude', change.location?.longitude ?? null);
      }
      if (change.activeDiscovery !== undefined) set('active_discovery_json', JSON.stringify(change.activeDiscovery));
      if (sets.length === 0) return prepare('SELECT 1 FROM sensor WHERE id = ?').get(id) !== undefined;
      return prepare(`UPDATE sensor SET ${sets.join(', ')} WHERE id = ?`).run(...values, id).changes > 0;
    },
  };
}

/** What API 3.0 writes on a sensor; absent fields stay (`location: null` removes it). */
export interface SensorChange {
  name?: string;
  captureMode?: CaptureMode;
  customInput?: string;
  snortEnabled?: boolean;
  location?: SensorLocation | null;
  activeDiscovery?: ActiveDiscoveryInterface[];
}

export type SensorRepo = ReturnType<typeof createSensorRepo>;

function toSensor(r: SensorRow): Sensor {
  return {
    id: r.id as string,
    name: r.name as string,
    serialNumber: r.serial_number as string,
    ip: r.ip as string,
    model: r.model as string,
    hardwareType: r.hardware_type as string,
    version: r.version as string,
    status: r.status as string,
    processingStatus: r.processing_status as string,
    captureMode: r.capture_mode,
    customInput: r.custom_input as string,
    autoConfig: bool(r.auto_config),
    sshReachable: bool(r.ssh_reachable),
    sshReachableLastUpdate: r.ssh_reachable_last_update as number | null,
    creationTime: r.creation_time as number,
    lastActiveTime: r.last_active_time as number,
    uptime: r.uptime as string,
    snortEnabled: bool(r.snort_enabled),
    recording: bool(r.recording),
    recordingLastStart: r.recording_last_start as number | null,
    recordingLastStop: r.recording_last_stop as number | null,
    recordingLastSize: r.recording_last_size as number,
    statistics: bool(r.statistics),
    hasPresets: bool(r.has_presets),
    // A world built before flow_rate_day was an integer holds a fraction (0.002): the guide
    // prints an integer (6.2.1), so it is read as one.
    flowRateDay: Math.round(r.flow_rate_day as number),
    flowCountDay: r.flow_count_day as number,
    flowsPercentage: r.flows_percentage as string,
    location: r.latitude === null || r.longitude === null ? null : { latitude: r.latitude as number, longitude: r.longitude as number },
    activeDiscovery: parseJsonArray<ActiveDiscoveryInterface>(r.active_discovery_json),
  };
}
