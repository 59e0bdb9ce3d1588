/**
 * A production cell's devices, by the cell's kind: switches, controllers of one vendor family,
 * HMIs, sometimes a local engineering PC or a gateway, then remote I/O and drives up to the
 * cell's size (Siemens cells: Profinet I/O without IP; Rockwell: EtherNet/IP adapters; Modbus
 * cells: Wago, Phoenix, Schneider couplers). Substations hold RTUs and relays; building
 * automation holds BACnet controllers and cameras.
 */
import type { DeviceModel, DeviceRole } from '../vendors.js';
import { pad, weighted } from './pick.js';
import type { Cell, CellKind, Device, DeviceFunction, Zone } from './topology.js';
import type { Random } from '../../random.js';

export interface AddOpts {
  fn: DeviceFunction;
  vendorKey: string;
  role?: DeviceRole;
  protocol?: DeviceModel['protocol'];
  /** Restricts the model to a family (e.g. the JACE supervisor vs the Spyder controllers). */
  family?: string;
  zone: Zone;
  cell: number;
  sensor: number;
  hostname: string;
  ip: string | null;
  l2: boolean;
  os?: string | null;
}

/** What a cell builder needs from the topology under construction. */
export interface DeviceFactory {
  rng: Random;
  add(o: AddOpts): Device;
  endpointCount(): number;
  /** The next address of the management network (switch management interfaces). */
  mgmtIp(): string;
  /** An operating system for a Windows machine on the plant floor. */
  winOt(): string;
}

export function fillCell(f: DeviceFactory, cell: Cell, target: number): void {
  const { rng } = f;
  let host = 10;
  const ip = () => `${cell.subnet}.${host++}`;
  const count = new Map<string, number>();
  const nm = (what: string) => {
    const k = (count.get(what) ?? 0) + 1;
    count.set(what, k);
    return `${cell.code}_${what}${pad(k)}`;
  };
  const base = { zone: 'cell' as const, cell: cell.idx, sensor: cell.sensor };
  const start = f.endpointCount();
  const size = () => f.endpointCount() - start;
  const dev = (fn: DeviceFunction, vendorKey: string, o: Partial<AddOpts> = {}) =>
    f.add({
      fn,
      vendorKey,
      ...base,
      l2: false,
      ...o,
      hostname: o.hostname ?? nm(fn.toUpperCase()),
      ip: o.ip !== undefined ? o.ip : ip(),
    });
  const switchVendor: Record<CellKind, readonly [string, number][]> = {
    siemens: [['siemens', 5], ['hirschmann', 3], ['cisco', 2]],
    rockwell: [['rockwell', 6], ['cisco', 4]],
    schneider: [['hirschmann', 4], ['moxa', 4], ['phoenix', 2]],
    mixed: [['moxa', 3], ['phoenix', 3], ['hirschmann', 3]],
    substation: [['cisco', 5], ['hirschmann', 5]],
    building: [['cisco', 1]],
  };
  const nSwitch = 1 + Math.floor(target / 40);
  for (let i = 0; i < nSwitch; i++) {
    dev('switch', weighted(rng, switchVendor[cell.kind]), { protocol: 'ip', ip: f.mgmtIp(), l2: true, hostname: `${cell.code}-SW${pad(i + 1)}` });
  }
  const k = cell.kind;
  if (k === 'substation') {
    dev('router', 'cisco', { hostname: `${cell.code}-RTR01` });
    dev('hmi', 'advantech', { hostname: nm('HMI'), os: f.winOt() });
    while (size() < target) {
      dev('rtu', weighted(rng, [['sel', 4], ['abb', 3], ['ge', 2], ['schneider', 1], ['yokogawa', 1]] as const), { hostname: nm('RTU') });
    }
    return;
  }
  if (k === 'building') {
    dev('bms-server', 'dell', { role: 'workstation', hostname: nm('BMS'), os: f.winOt() });
    dev('bms', 'honeywell', { hostname: nm('JACE'), family: 'WEBs' });
    const cams = target >= 12 ? Math.max(1, Math.floor(target / 6)) : 0;
    if (cams > 0) dev('nvr', 'dell', { role: 'server', hostname: nm('NVR'), os: 'Windows Server 2019' });
    for (let i = 0; i < cams && size() < target - 1; i++) dev('camera', 'axis', { hostname: nm('CAM') });
    while (size() < target) dev('bms', 'honeywell', { hostname: nm('DDC'), family: 'Spyder' });
    return;
  }
  const nPlc = Math.max(1, Math.round(target * 0.15));
  const nHmi = Math.max(1, Math.round(target * 0.1));
  const plcVendor: Record<string, readonly [string, number][]> = {
    siemens: [['siemens', 1]],
    rockwell: [['rockwell', 8], ['omron', 2]],
    schneider: [['schneider', 1]],
    mixed: [['wago', 2], ['phoenix', 2], ['mitsubishi', 2], ['ge', 1], ['abb', 1], ['beckhoff', 2]],
  };
  const hmiVendor: Record<string, readonly [string, number][]> = {
    siemens: [['siemens', 7], ['weintek', 3]],
    rockwell: [['rockwell', 8], ['weintek', 2]],
    schneider: [['schneider', 6], ['weintek', 4]],
    mixed: [['mitsubishi', 3], ['weintek', 4], ['advantech', 3]],
  };
  for (let i = 0; i < nPlc; i++) {
    const v = weighted(rng, plcVendor[k] ?? []);
    dev('plc', v, { hostname: nm('PLC'), l2: k === 'siemens' });
  }
  for (let i = 0; i < nHmi; i++) {
    const v = weighted(rng, hmiVendor[k] ?? []);
    dev('hmi', v, { hostname: nm('HMI'), os: v === 'advantech' ? f.winOt() : null });
  }
  if (target >= 15 && rng.chance(0.3)) {
    dev('engineering', rng.pick(['dell', 'hp']), { role: 'workstation', hostname: `${cell.code}-ENG01`, os: f.winOt() });
  }
  if (k === 'schneider' || k === 'mixed') {
    if (rng.chance(0.5)) dev('gateway', k === 'schneider' ? 'moxa' : 'advantech', { protocol: 'modbus', hostname: nm('GW') });
  }
  while (size() < target) {
    if (k === 'siemens') {
      const drive = rng.chance(0.25);
      dev(drive ? 'drive' : 'io', 'siemens', { ip: null, l2: true, hostname: `${cell.code.toLowerCase()}-${drive ? 'g120' : 'et200'}-${pad(size(), 3)}` });
    } else if (k === 'rockwell') {
      const drive = rng.chance(0.3);
      dev(drive ? 'drive' : 'io', 'rockwell', { hostname: nm(drive ? 'DRV' : 'IO') });
    } else {
      const v = weighted(rng, k === 'schneider' ? [['schneider', 4], ['wago', 2], ['phoenix', 2], ['abb', 2]] : [['wago', 4], ['phoenix', 4], ['abb', 2]]);
      dev(v === 'abb' ? 'drive' : 'io', v, { protocol: 'modbus', hostname: nm(v === 'abb' ? 'DRV' : 'IO') });
    }
  }
}
