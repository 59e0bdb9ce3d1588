/**
 * Sensor writes (Cisco 3.0 "Sensors": createSensor, removeSensor, renameSensor,
 * updateSensorCaptureModeFilter, locationEdit, locationDelete, enableDisableIDS,
 * configureActiveDiscovery; clients.md 1.2 #43, #44). One table with 1.0 (`GET /api/1.0/sensor`
 * lists what is written here). Each operation is one transaction and throws ApiErrors before
 * its first write, so a failing request changes nothing.
 */
import type { Clock } from '../clock.js';
import {
  type ActiveDiscoveryInterface,
  DECLARED_PROCESSING_STATUS,
  DECLARED_STATUS,
  type SensorLocation,
  captureModeOf,
  sensorStatus,
} from '../domain/sensor.js';
import type { Sensor } from '../domain/types.js';
import { ApiError, errors } from '../errors.js';
import type { Store } from '../store/store.js';

export interface SensorContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

/** What POST /sensors takes (Cisco's CreateSensorBody, the fields the Center keeps). */
export interface NewSensor {
  serial: string;
  name?: string;
  model?: string;
  ip?: string;
  /** A capture mode filter: all, optimal, industrial_only, or a custom filter. */
  filter?: string;
  activeDiscovery?: ActiveDiscoveryInterface[];
}

export const sensorErrors = {
  /** Cisco, createSensor: "409 sensor already exists". */
  serialTaken: (serial: string) => new ApiError(409, `A sensor with the serial number "${serial}" already exists`),
};

function existing(store: Store, id: string): Sensor {
  const s = store.sensors.get(id);
  if (!s) throw errors.notFound('Sensor', id);
  return s;
}

/**
 * Declares a sensor: it has not enrolled (1.0 status "Unknown", 3.0 UNKNOWN/UNKNOWN), so it
 * captures nothing (the live traffic and the control plane's ingest take only enrolled sensors).
 * divergence: defaults Cisco leaves open: `name` is the serial number, `mode` optimal, `model`
 * and `ip` empty; the serial is compared without case; version, hardware type and uptime are
 * empty until the sensor reports (it never does in the emulator).
 */
export function createSensor(ctx: SensorContext, f: NewSensor): Sensor {
  return ctx.store.transaction(() => {
    if (ctx.store.sensors.withSerial(f.serial).length > 0) throw sensorErrors.serialTaken(f.serial);
    const now = ctx.clock.now();
    const s: Sensor = {
      id: ctx.newId(),
      name: f.name?.trim() || f.serial,
      serialNumber: f.serial,
      ip: f.ip ?? '',
      model: f.model ?? '',
      hardwareType: '',
      version: '',
      status: DECLARED_STATUS,
      processingStatus: DECLARED_PROCESSING_STATUS,
      ...captureModeOf(f.filter ?? 'optimal'),
      autoConfig: false,
      sshReachable: false,
      sshReachableLastUpdate: null,
      creationTime: now,
      // guide 5.1 prints a time here, never null: a sensor that never reported was last seen when declared.
      lastActiveTime: now,
      uptime: '',
      snortEnabled: false,
      recording: false,
      recordingLastStart: null,
      recordingLastStop: null,
      recordingLastSize: 0,
      statistics: false,
      hasPresets: false,
      flowRateDay: 0,
      flowCountDay: 0,
      flowsPercentage: '',
      location: null,
      activeDiscovery: f.activeDiscovery ?? [],
    };
    ctx.store.sensors.insert(s);
    return existing(ctx.store, s.id);
  });
}

/**
 * Deletes a sensor (Cisco: 204, 404 "sensor not found"). What it captured stays: its flows keep
 * their `sensor_id` (1.0) and show no sensor in 3.0 (`sensor: null`), components keep their
 * flows; presets that name it keep the filter, which then keeps nothing more than before.
 */
export function removeSensor(ctx: SensorContext, id: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.sensors.remove(id)) throw errors.notFound('Sensor', id);
  });
}

/** divergence: a blank name gives the sensor its serial number back as its name (Cisco: "serialNumber can be used as a fallback name"). */
export function renameSensor(ctx: SensorContext, id: string, name: string): void {
  ctx.store.transaction(() => {
    const s = existing(ctx.store, id);
    ctx.store.sensors.update(id, { name: name.trim() || s.serialNumber });
  });
}

/** Cisco: "valid values for filter are all, industrial_only, optimal and any custom mode for example not arp". */
export function setCaptureMode(ctx: SensorContext, id: string, filter: string): void {
  ctx.store.transaction(() => {
    existing(ctx.store, id);
    ctx.store.sensors.update(id, captureModeOf(filter));
  });
}

/** Sets (or, with null, removes) the sensor's location. */
export function setLocation(ctx: SensorContext, id: string, location: SensorLocation | null): void {
  ctx.store.transaction(() => {
    existing(ctx.store, id);
    ctx.store.sensors.update(id, { location });
  });
}

/** Snort on the sensor: 1.0's `snort_enabled`, 3.0's `snortEnabled`. */
export function setSnort(ctx: SensorContext, id: string, enabled: boolean): void {
  ctx.store.transaction(() => {
    existing(ctx.store, id);
    ctx.store.sensors.update(id, { snortEnabled: enabled });
  });
}

/**
 * Replaces the sensor's active discovery interfaces (an empty list turns it off). Cisco's
 * SensorConfigureActiveDiscoveryOutput says whether the sensor reloaded its configuration.
 * divergence: it does when it is connected; a sensor that is not takes it when it next connects.
 */
export function configureActiveDiscovery(ctx: SensorContext, id: string, interfaces: ActiveDiscoveryInterface[]): { reloaded: boolean } {
  return ctx.store.transaction(() => {
    const s = existing(ctx.store, id);
    ctx.store.sensors.update(id, { activeDiscovery: interfaces });
    return { reloaded: sensorStatus(s.status).operationalStatus === 'CONNECTED' };
  });
}
