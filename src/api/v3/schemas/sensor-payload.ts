/**
 * What the sensor writes take (Cisco's CreateSensorBody, GetSensorPackageBody,
 * ConfigureActiveDiscoveryBody, SensorLocationEditBody, the capture mode filter) and what they
 * answer (Cisco's Sensor, SensorConfigureActiveDiscoveryOutput). Unknown fields are ignored, as
 * Go's decoder does.
 */
import { z } from 'zod';
import { UUID_RE } from '../../../domain/ids.js';
import { PresetSensorSchema } from '../../../domain/preset.js';
import { CAPTURE_FILTERS } from '../../../domain/sensor.js';
import { named } from '../registry.js';
import { objectBody } from './custom-properties.js';

const is = (what: string, mandatory = false) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined && mandatory ? 'is mandatory' : `must be ${what}`),
});
const text = (what = 'a string') => z.string(is(what));
const sensorId = z.string(is('a sensor id (a UUID)', true)).regex(UUID_RE, 'must be a sensor id (a UUID)');
const ip = z.union([z.literal(''), z.ipv4(), z.ipv6()], is('an IPv4 or IPv6 address'));

export const ActiveDiscoveryInterfaceSchema = named(
  'ActiveDiscoveryInterface',
  z.object({
    ip: ip.optional(),
    netmask: text().optional(),
    vlan: z.number(is('an integer from 0 to 4095')).int('must be an integer').min(0, 'must be from 0 to 4095').max(4095, 'must be from 0 to 4095').optional(),
    iface: text().optional(),
    disableScand: z.boolean(is('true or false')).optional(),
  }),
  'An address the sensor scans from: `ip`, `netmask` (e.g. "24"), `vlan` (0: none), the interface, and whether the scan daemon is off.',
);
const interfaces = z.array(ActiveDiscoveryInterfaceSchema, is('an array of interfaces'));

export const CreateSensorBodySchema = named(
  'CreateSensorBody',
  z.object(
    {
      serial: z.string(is('a string', true)).trim().min(1, 'must not be empty'),
      name: text().optional(),
      model: text().optional(),
      mode: z.enum([...CAPTURE_FILTERS, 'custom'], is('all, optimal, industrial_only or custom')).optional(),
      custom: text().optional(),
      ip: ip.optional(),
      centerip: text().optional(),
      gw: text().optional(),
      netmask: text().optional(),
      rspan_capture: z.boolean(is('true or false')).optional(),
      active_discovery_interfaces: interfaces.optional(),
    },
    objectBody,
  ).refine((b) => b.mode !== 'custom' || (b.custom ?? '').trim() !== '', { path: ['custom'], message: 'must hold the custom filter when mode is custom' }),
  'A sensor to declare: `serial` is mandatory; `name` defaults to the serial, `mode` to optimal (`custom` with the filter in `custom`). `centerip`, `gw`, `netmask` and `rspan_capture` are accepted and not kept.',
);

export const GetSensorPackageBodySchema = named('GetSensorPackageBody', z.object({ id: sensorId }, objectBody), 'The sensor whose provisioning package to make.');

export const ConfigureActiveDiscoveryBodySchema = named(
  'ConfigureActiveDiscoveryBody',
  z.object({ id: sensorId, active_discovery_interfaces: interfaces.default([]) }, objectBody),
  'The sensor and its active discovery interfaces (they replace its own; none turns active discovery off).',
);

export const SensorConfigureActiveDiscoveryOutputSchema = named(
  'SensorConfigureActiveDiscoveryOutput',
  z.object({ reloaded: z.boolean() }),
  'Whether the sensor reloaded its configuration (a connected sensor does).',
);

const degrees = (max: number) =>
  z.number(is(`a number from -${max} to ${max}`, true)).min(-max, `must be from -${max} to ${max}`).max(max, `must be from -${max} to ${max}`);

export const SensorLocationEditBodySchema = named(
  'SensorLocationEditBody',
  z.object({ latitude: degrees(90), longitude: degrees(180) }, objectBody),
  'WGS84 decimal degrees: `latitude` -90 to 90, `longitude` -180 to 180; both mandatory.',
);

export const SensorCaptureModeFilterSchema = z.object(
  { filter: z.string(is('a string', true)).trim().min(1, 'must not be empty') },
  objectBody,
);

/**
 * Cisco's Sensor (the domain's preset sensor), as POST /sensors answers it.
 * divergence: with `Id` too, the same id: real Centers answer it, and Ansible reads it (clients.md 1.2 #43).
 */
export const CreatedSensorSchema = named(
  'CreatedSensor',
  PresetSensorSchema.extend({ Id: z.string(), label: z.string(), ip: z.string(), serialNumber: z.string(), captureMode: z.string(), centerId: z.string() }),
  "Cisco's Sensor, plus `Id` (the same id) as real Centers answer it.",
);
