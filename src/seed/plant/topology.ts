/**
 * The plant's devices and where they sit: production cells (one /24 each, 10.10.<n>.0/24 and on),
 * the control room (10.20.x), the offices (10.1.x), a DMZ (172.16.10.x) and a management network
 * (10.0.x). Each device has a MAC from its vendor's OUI and, unless it is an L2-only field
 * device (Profinet I/O, drives), an IP. Devices are sized so that the distinct (mac, ip)
 * endpoints the observations will show land on the profile's component count.
 */
import { componentId } from '../../domain/ids.js';
import type { Micros } from '../../domain/time.js';
import type { Random } from '../../random.js';
import { type DeviceModel, type DeviceRole, modelsOf, type Oui, type Vendor, vendorByKey, vendorNameFor } from '../vendors.js';
import { SubnetAllocator } from './addressing.js';
import { type AddOpts, type DeviceFactory, fillCell } from './cells.js';
import { INTERNET_HOSTS, type InternetHost } from './exposure.js';
import { identityProps } from './identity.js';
import { pad, weighted } from './pick.js';

export type Zone = 'cell' | 'ops' | 'it' | 'dmz' | 'mgmt';
export type CellKind = 'siemens' | 'rockwell' | 'schneider' | 'mixed' | 'substation' | 'building';

/** What a device is for: its role, refined for servers and workstations. */
export type DeviceFunction =
  | 'plc' | 'hmi' | 'io' | 'drive' | 'rtu' | 'bms' | 'gateway' | 'switch' | 'router' | 'firewall' | 'camera' | 'printer'
  | 'scada' | 'historian' | 'engineering' | 'ot-dc' | 'it-dc' | 'file' | 'proxy' | 'jump' | 'web' | 'replica' | 'patch'
  | 'nms' | 'ntp' | 'bms-server' | 'nvr' | 'workstation' | 'rogue';

export interface Device {
  idx: number;
  fn: DeviceFunction;
  role: DeviceRole;
  vendor: Vendor;
  oui: Oui;
  vendorName: string;
  model: DeviceModel;
  zone: Zone;
  /** Index of the cell, or -1 outside the cells. */
  cell: number;
  /** Index of the sensor that watches it, or -1 when the scenario has no sensor. */
  sensor: number;
  hostname: string;
  mac: string;
  ip: string | null;
  /** Endpoint indexes: the (mac, ip) component and the (mac, no ip) one; -1 when absent. */
  ipEp: number;
  l2Ep: number;
  /** When it first appears on the network. */
  start: Micros;
  fw: string;
  serial: string;
  os: string | null;
}

/** One component-to-be: a (mac, ip) pair some observation will carry. */
export interface Endpoint {
  idx: number;
  device: number;
  mac: string;
  ip: string | null;
  /** Component properties the protocols reveal; `late` replaces them from `upgradeAt` on. */
  props: Record<string, string> | undefined;
  late: Record<string, string> | undefined;
  upgradeAt: Micros;
}

export interface Cell {
  idx: number;
  kind: CellKind;
  name: string;
  code: string;
  subnet: string;
  sensor: number;
  devices: number[];
}

export interface Topology {
  devices: Device[];
  endpoints: Endpoint[];
  cells: Cell[];
  broadcast: number;
  lldpMulticast: number;
  /** Public hosts the plant talks to (./exposure.ts). */
  internet: InternetHost[];
  byFn: Map<DeviceFunction, number[]>;
  endpointId(ep: number): string;
}

const CELL_NAMES: Record<CellKind, readonly [string, string][]> = {
  siemens: [['Filling Line', 'FL'], ['Bottling Line', 'BL'], ['Mixing', 'MX'], ['Palletizing', 'PZ'], ['Packaging Line', 'PK']],
  rockwell: [['Press Shop', 'PS'], ['Body Welding', 'BW'], ['Paint Shop', 'PT'], ['Assembly Line', 'AL'], ['Conveyors', 'CV']],
  schneider: [['Water Treatment', 'WT'], ['Pumping Station', 'PU'], ['Wastewater', 'WW'], ['Boiler House', 'BH']],
  mixed: [['Compressors', 'CP'], ['Utilities', 'UT'], ['Test Bench', 'TB'], ['Warehouse', 'WH']],
  substation: [['Substation', 'SS']],
  building: [['Building Automation', 'BA']],
};
const KIND_WEIGHTS: readonly [CellKind, number][] = [
  ['siemens', 30], ['rockwell', 24], ['schneider', 14], ['mixed', 14], ['substation', 9], ['building', 9],
];

const IT_DEPTS = ['FIN', 'HR', 'PUR', 'LOG', 'QA', 'MNT', 'SLS', 'ADM', 'IT', 'PRD'] as const;


export interface TopologyInput {
  rng: Random;
  components: number;
  sensors: number;
  historyStart: Micros;
  end: Micros;
}

export function buildTopology({ rng, components, sensors, historyStart, end }: TopologyInput): Topology {
  const devices: Device[] = [];
  const endpoints: Endpoint[] = [];
  const cells: Cell[] = [];
  const byFn = new Map<DeviceFunction, number[]>();
  const macs = new Set<string>();
  const span = end - historyStart;
  const names = new Map<string, number>();

  const newEndpoint = (device: number, mac: string, ip: string | null): number => {
    endpoints.push({ idx: endpoints.length, device, mac, ip, props: undefined, late: undefined, upgradeAt: Infinity });
    return endpoints.length - 1;
  };
  const special = (mac: string): number => newEndpoint(-1, mac, null);
  const broadcast = special('ff:ff:ff:ff:ff:ff');
  const lldpMulticast = special('01:80:c2:00:00:0e');

  function macFor(oui: Oui): string {
    for (;;) {
      const mac = `${oui.prefix}:${rng.hex(1)}:${rng.hex(1)}:${rng.hex(1)}`;
      if (!macs.has(mac)) {
        macs.add(mac);
        return mac;
      }
    }
  }
  function serialFor(v: Vendor): string {
    const alnum = () => rng.pick('ABCDEFGHJKLMNPRSTUVWXYZ0123456789'.split(''));
    switch (v.key) {
      case 'siemens':
        return `S C-${Array.from({ length: rng.int(8, 12) }, alnum).join('')}`; // guide: "S C-E7SJ1284"
      case 'rockwell':
      case 'omron':
        return rng.hex(4); // guide 5.3.2: enip-serial "60b71080"
      case 'cisco':
        return `FOC${rng.int(2100, 2699)}${Array.from({ length: 4 }, alnum).join('')}`;
      default:
        return `${v.short.slice(0, 2).toUpperCase()}${rng.int(10_000_000, 99_999_999)}`;
    }
  }
  function uniqueName(base: string): string {
    const n = (names.get(base) ?? 0) + 1;
    names.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  }

  function add(o: AddOpts): Device {
    const vendor = vendorByKey(o.vendorKey);
    const role = o.role ?? (o.fn as DeviceRole);
    const candidates = modelsOf(vendor, role, o.protocol).filter((x) => o.family === undefined || x.family === o.family);
    const model = rng.pick(candidates.length > 0 ? candidates : modelsOf(vendor, role));
    const oui = rng.pick(vendor.ouis);
    const idx = devices.length;
    const mac = macFor(oui);
    // A few devices join the network late in the history (a replacement, a new machine).
    const late = o.fn !== 'rogue' && rng.chance(0.02);
    const d: Device = {
      idx,
      fn: o.fn,
      role,
      vendor,
      oui,
      vendorName: vendorNameFor(vendor, oui),
      model,
      zone: o.zone,
      cell: o.cell,
      sensor: o.sensor,
      hostname: o.hostname,
      mac,
      ip: o.ip,
      ipEp: -1,
      l2Ep: -1,
      start: late ? historyStart + Math.floor(span * (0.2 + 0.75 * rng.next())) : historyStart,
      fw: rng.pick(model.firmware),
      serial: serialFor(vendor),
      os: o.os ?? null,
    };
    if (o.ip !== null) d.ipEp = newEndpoint(idx, mac, o.ip);
    if (o.l2) d.l2Ep = newEndpoint(idx, mac, null);
    devices.push(d);
    let list = byFn.get(o.fn);
    if (!list) byFn.set(o.fn, (list = []));
    list.push(idx);
    if (o.cell >= 0) cells[o.cell]?.devices.push(idx);
    return d;
  }

  const core = sensors > 0 ? 0 : -1;
  const ops = new SubnetAllocator(10, 20, 1);
  const it = new SubnetAllocator(10, 1, 1);
  const dmz = new SubnetAllocator(172, 16, 10);
  const mgmt = new SubnetAllocator(10, 0, 1, 250); // 10.0.250.0/24 is the sensors' network
  const winServer = () => rng.pick(['Windows Server 2019', 'Windows Server 2019', 'Windows Server 2016', 'Windows Server 2012 R2', 'Windows Server 2022']);
  const winOt = () => weighted(rng, [['Windows 10 Enterprise LTSC 2019', 5], ['Windows 7 Professional SP1', 2], ['Windows 10 Enterprise 1909', 1], ['Windows Server 2008 R2', 1]] as const);
  const vm = () => (rng.chance(0.75) ? 'vmware' : 'microsoft');
  const server = (fn: DeviceFunction, zone: Zone, alloc: SubnetAllocator, host: string, vendorKey = vm(), os: string | null = winServer()) =>
    add({ fn, vendorKey, role: 'server', zone, cell: -1, sensor: core, hostname: uniqueName(host), ip: alloc.next(), l2: false, os });

  // --- The site: control room, offices, DMZ, management (scaled with the plant). ---
  const C = components;
  const big = C >= 100;
  for (let i = 0; i < Math.max(1, Math.round(C / 400)); i++) server('scada', 'ops', ops, `SCADA-SRV${pad(i + 1)}`);
  for (let i = 0; i < Math.max(1, Math.round(C / 1200)); i++) server('historian', 'ops', ops, `HIST-SRV${pad(i + 1)}`);
  for (let i = 0; i < Math.max(1, Math.round(C / 150)); i++) {
    add({ fn: 'engineering', vendorKey: rng.pick(['dell', 'hp']), role: 'workstation', zone: 'ops', cell: -1, sensor: core, hostname: uniqueName(`ENG-WS${pad(i + 1)}`), ip: ops.next(), l2: false, os: winOt() });
  }
  if (big) for (let i = 0; i < 1 + Math.floor(C / 20_000); i++) server('ot-dc', 'ops', ops, `OT-DC${pad(i + 1)}`);
  for (let i = 0; i < 1 + Math.floor(C / 10_000); i++) server('it-dc', 'it', it, `IT-DC${pad(i + 1)}`);
  for (let i = 0; i < 1 + Math.floor(C / 10_000); i++) server('file', 'it', it, `FS${pad(i + 1)}`, rng.pick(['dell', 'hp']));
  if (big) server('proxy', 'it', it, 'PROXY01', 'vmware', 'Ubuntu 22.04 LTS');
  for (let i = 0; i < Math.floor(C / 600); i++) add({ fn: 'printer', vendorKey: 'hp', zone: 'it', cell: -1, sensor: core, hostname: uniqueName(`PRN${pad(i + 1, 3)}`), ip: it.next(), l2: false });
  for (let i = 0; i < 1 + Math.floor(C / 20_000); i++) server('jump', 'dmz', dmz, `JUMP${pad(i + 1)}`);
  server('web', 'dmz', dmz, 'WEB-RPT01', 'vmware', 'Ubuntu 22.04 LTS');
  if (big) {
    server('replica', 'dmz', dmz, 'PI-DMZ01');
    server('patch', 'dmz', dmz, 'WSUS01');
  }
  for (let i = 0; i < 1 + Math.floor(C / 25_000); i++) server('nms', 'mgmt', mgmt, `NMS${pad(i + 1)}`);
  if (big) server('ntp', 'mgmt', mgmt, 'NTP01', 'vmware', 'Ubuntu 22.04 LTS');
  for (let i = 0; i < 1 + Math.floor(C / 2000); i++) {
    add({ fn: 'switch', vendorKey: 'cisco', protocol: 'ip', zone: 'mgmt', cell: -1, sensor: core, hostname: uniqueName(`CORE-SW${pad(i + 1)}`), ip: mgmt.next(), l2: true });
  }
  add({ fn: 'firewall', vendorKey: 'fortinet', zone: 'mgmt', cell: -1, sensor: core, hostname: 'FW-ITOT01', ip: mgmt.next(), l2: false });
  if (big) add({ fn: 'firewall', vendorKey: 'paloalto', zone: 'mgmt', cell: -1, sensor: core, hostname: 'FW-DMZ01', ip: mgmt.next(), l2: false });
  // The internet as the sensors see it: public addresses behind the MAC of the edge firewall (the last one).
  const edge = devices[devices.length - 1] as Device;
  const internet = INTERNET_HOSTS.filter((h) => big || h.always).map((h) => ({ ep: newEndpoint(-1, edge.mac, h.ip), name: h.name, role: h.role }));

  // --- The cells. ---
  const rogueCount = 1;
  const fixed = endpoints.length + rogueCount;
  const budget = Math.max(0, C - fixed);
  const cellBudget = Math.round(budget * 0.74);
  let cellSize = Math.min(200, Math.max(8, Math.round(Math.sqrt(C) * 1.2)));
  if (sensors > 2) cellSize = Math.max(8, Math.min(cellSize, Math.floor(cellBudget / (sensors - 1))));
  const nCells = Math.max(1, Math.round(cellBudget / cellSize));
  const cellSensor = (c: number): number => (sensors <= 0 ? -1 : sensors === 1 ? 0 : 1 + Math.floor((c * (sensors - 1)) / nCells));
  const factory: DeviceFactory = { rng, add, endpointCount: () => endpoints.length, mgmtIp: () => mgmt.next(), winOt };
  const counters = new Map<string, number>();
  let used = 0;
  for (let c = 0; c < nCells; c++) {
    const kind: CellKind = c === 0 ? 'siemens' : c === 1 ? 'rockwell' : c === 2 ? 'schneider' : weighted(rng, KIND_WEIGHTS);
    const [base, code0] = rng.pick(CELL_NAMES[kind]);
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    const subnet = `10.${10 + Math.floor(c / 250)}.${(c % 250) + 1}`;
    const cell: Cell = { idx: c, kind, name: `${base} ${n}`, code: `${code0}${n}`, subnet, sensor: cellSensor(c), devices: [] };
    cells.push(cell);
    const target = c === nCells - 1 ? Math.max(6, cellBudget - used) : Math.max(6, Math.round(cellSize * (0.7 + 0.6 * rng.next())));
    const before = endpoints.length;
    fillCell(factory, cell, target);
    used += endpoints.length - before;
  }

  // --- A rogue laptop that shows up late and scans (rare, realistic). ---
  add({ fn: 'rogue', vendorKey: 'intel', role: 'workstation', zone: 'cell', cell: 0, sensor: cells[0]?.sensor ?? core, hostname: 'DESKTOP-7Q2M4KD', ip: `${cells[0]?.subnet ?? '10.10.1'}.240`, l2: false, os: 'Windows 10 Pro 22H2' });
  const rogue = devices[devices.length - 1] as Device;
  rogue.start = end - Math.floor(Math.min(span * 0.3, 3 * 86_400_000_000) * (0.3 + 0.7 * rng.next()));

  // --- Office workstations fill the rest. ---
  const deptCount = new Map<string, number>();
  while (endpoints.length < C) {
    const dept = rng.pick(IT_DEPTS);
    const n = (deptCount.get(dept) ?? 0) + 1;
    deptCount.set(dept, n);
    const os = weighted(rng, [['Windows 10 Enterprise 22H2', 7], ['Windows 11 Enterprise 23H2', 2], ['Windows 10 Enterprise 1909', 1]] as const);
    add({ fn: 'workstation', vendorKey: weighted(rng, [['dell', 6], ['hp', 3], ['intel', 1]] as const), zone: 'it', cell: -1, sensor: core, hostname: `${dept}-PC${pad(n, 4)}`, ip: it.next(), l2: false, os });
  }

  for (const d of devices) identityProps(rng, d, endpoints, historyStart, end);

  const ids: (string | undefined)[] = [];
  return {
    devices,
    endpoints,
    cells,
    broadcast,
    lldpMulticast,
    internet,
    byFn,
    endpointId(ep: number): string {
      let id = ids[ep];
      if (id === undefined) {
        const e = endpoints[ep] as Endpoint;
        id = ids[ep] = componentId(e.mac, e.ip);
      }
      return id;
    },
  };
}
