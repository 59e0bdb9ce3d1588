/**
 * A sensor's provisioning package (Cisco 3.0 POST /sensors/package: "return the packaging zip
 * file"; Ansible saves it, clients.md 1.2 #43): a ZIP of a JSON configuration naming the Center,
 * the sensor and its capture mode, and a README. divergence: a real package carries the
 * sensor's certificate and key; the emulator's carries none (the README says so), so no secret
 * ever leaves it.
 */
import type { Sensor } from '../../../domain/types.js';
import { zip } from '../../zip.js';
import { isoSecond } from './common.js';

export interface PackageCenter {
  id: string;
  /** The address the client reached the Center at (the request's host). */
  address: string;
}

/** The package's file name: the sensor's serial number (or id), in characters any file system takes. */
export const packageFilename = (s: Sensor): string => `sensor-package-${(s.serialNumber || s.id).replace(/[^A-Za-z0-9._-]/g, '_')}.zip`;

export function sensorPackage(s: Sensor, center: PackageCenter, now: number): { filename: string; archive: Buffer } {
  const config = {
    center: { id: center.id, address: center.address },
    sensor: { id: s.id, serialNumber: s.serialNumber, name: s.name, model: s.model, ip: s.ip },
    capture: { mode: s.captureMode, customFilter: s.customInput },
    activeDiscovery: s.activeDiscovery ?? [],
    generated: isoSecond(now),
    emulated: true,
  };
  const readme = [
    `Provisioning package of sensor ${s.serialNumber} (${s.id}), made by an emulated Cisco Cyber Vision Center.`,
    '',
    'config.json names the Center, the sensor and its capture mode.',
    'It holds no certificate and no key: the emulator never makes real credentials.',
    '',
  ].join('\r\n');
  return { filename: packageFilename(s), archive: zip([{ name: 'config.json', data: `${JSON.stringify(config, null, 2)}\n` }, { name: 'README.txt', data: readme }], new Date(now / 1000)) };
}
