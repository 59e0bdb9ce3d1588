/**
 * Sensors as 3.0 answers them (Cisco's definitions SensorList = [SensorOverview], SensorDetails,
 * SensorStatus, SensorFilter). Times are integer ms.
 */
import { z } from 'zod';
import { ENROLLMENT_STATUSES, OPERATIONAL_STATUSES } from '../../../domain/sensor.js';
import { doc, named } from '../registry.js';
import { ActiveDiscoveryInterfaceSchema } from './sensor-payload.js';
import { int, ms } from './common.js';

/** A sensor id as the sensor routes' examples show it. */
export const SENSOR_EXAMPLE_ID = 'e352adf5-6125-4194-805c-dc61b7cc7c4b';

/** The `{id}` of the /sensors/{id}… routes (checked as a UUID by the handler, for the 400 in the envelope). */
export const SensorIdParams = z.object({ id: doc(z.string(), { description: 'sensor id (uuid)', example: SENSOR_EXAMPLE_ID }) });

export const SensorStatusSchema = named(
  'SensorStatus',
  z.object({ enrollmentStatus: z.enum(ENROLLMENT_STATUSES), operationalStatus: z.enum(OPERATIONAL_STATUSES), lastReceivedSysinfo: ms }),
  "Where the sensor stands: enrolled in this Center, connected or not; `lastReceivedSysinfo` is when it last reported (ms).",
);

export const SensorFilterSchema = named(
  'SensorFilter',
  z.object({ capture_mode: z.string(), custom_input: z.string() }),
  'What the sensor captures: `capture_mode` is all, optimal, industrial-only or custom; `custom_input` the custom filter ("" otherwise).',
);

export const SensorOverviewSchema = named(
  'SensorOverview',
  z.object({
    id: z.string(),
    name: z.string(),
    serialNumber: z.string(),
    model: z.string(),
    status: SensorStatusSchema,
    creationTime: ms,
    filter: SensorFilterSchema,
    mac: z.string(),
    certificateSerial: z.string(),
    centerId: z.string(),
  }),
  'A sensor as the list gives it.',
);

export const SensorDetailsSchema = named(
  'SensorDetails',
  SensorOverviewSchema.extend({
    ip: z.string(),
    version: z.string(),
    hardwareType: z.string(),
    uptime: int,
    lastUpdate: ms,
    snortEnabled: z.boolean(),
    recording: z.boolean(),
    recordingLastStart: ms.optional(),
    recordingLastStop: ms.optional(),
    awaitingSync: z.boolean(),
    activeDiscoveryEnabled: z.boolean(),
    activeDiscoveryInProgress: z.boolean(),
    activeDiscoveryConfig: z.array(ActiveDiscoveryInterfaceSchema),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
  }),
  'A sensor with its details: `uptime` in seconds (0 when it is not connected); `recordingLastStart` and `recordingLastStop` (ms) only when it has recorded; `latitude` and `longitude` (WGS84 decimal degrees) only when a location was given; `activeDiscoveryConfig` its active discovery interfaces.',
);

const graphEntries = z.array(named('GraphEntry', z.object({ data: z.number(), timestamp: ms }), 'A usage percentage at a time (ms).'));

export const SensorStatsSchema = named(
  'SensorStats',
  z.object({
    name: z.string(),
    serial: z.string(),
    ip: z.string(),
    mac: z.string(),
    status: z.string(),
    version: z.string(),
    start: ms,
    end: ms,
    system_date: ms,
    uptime: int,
    snort_enabled: z.boolean(),
    filter: SensorFilterSchema,
    pkt_count: int,
    pkt_rate: int,
    pkt_drop_count: int,
    pkt: named('PktEntries', z.object({ processed: z.array(z.number()), dropped: z.array(z.number()), timestamp: z.array(ms) }), 'Packets processed and dropped, by time.'),
    cpu: graphEntries,
    ram: graphEntries,
    disk: graphEntries,
    cpu_usage: z.number(),
    ram_usage: z.number(),
    disk_usage: z.number(),
    disk_io_read: int,
    disk_io_write: int,
    disk_io: named('DiskIOEntries', z.object({ read: z.array(z.number()), write: z.array(z.number()), timestamp: z.array(ms) }), 'Disk reads and writes (B/s), by time.'),
    network: z.array(z.unknown()),
    active_discovery_enabled: z.boolean(),
    active_discovery_in_progress: z.boolean(),
    extension_credentials_invalid: z.boolean(),
  }),
  "A sensor's statistics over a period: its packets are those of the flows it captured that were active in the period; the host figures (CPU, memory, disk, network) are not emulated.",
);
