/**
 * What users and the Knowledge DB add on top of the traffic: groups (guide 5.4: one per cell or
 * area, as operators arrange them), variables the HMIs, SCADA and engineering stations read and
 * write on the controllers (guide 5.6), and the vulnerabilities matching the devices (guide 5.2),
 * with what each match rests on.
 */
import { uuidv5 } from '../../domain/ids.js';
import type { Micros } from '../../domain/time.js';
import type { MatchReason, Vulnerability } from '../../domain/vulnerability.js';
import { GROUP_COLORS, type GroupColor, type IndustrialImpact } from '../../domain/vocabulary.js';
import type { Random } from '../../random.js';
import type { Conversations } from './conversations.js';
import { CVES, vulnerabilityOf } from './cves.js';
import type { Device, Topology, Zone } from './topology.js';

export interface PlantGroup {
  id: string;
  label: string;
  description: string;
  comments: string;
  color: GroupColor;
  industrialImpact: IndustrialImpact;
  creationTime: Micros;
  properties: { position: number; label: string; value: string; lastUpdate: Micros }[];
  componentIds: string[];
}

export interface PlantVariable {
  id: string;
  componentId: string;
  name: string;
  authors: { componentId: string; read?: { first: Micros; last: Micros }; write?: { first: Micros; last: Micros } }[];
}

interface Ctx {
  rng: Random;
  topo: Topology;
  historyStart: Micros;
  end: Micros;
}

const ZONE_GROUPS: readonly { zone: Zone; label: string; description: string; impact: IndustrialImpact; color: GroupColor }[] = [
  { zone: 'ops', label: 'Control Room', description: 'SCADA servers, historians and engineering stations (10.20.0.0/16)', impact: 'VERY_HIGH', color: 'RED' },
  { zone: 'it', label: 'Office Network', description: 'Corporate workstations, file and domain servers (10.1.0.0/16)', impact: 'LOW', color: 'LIGHTBLUE' },
  { zone: 'mgmt', label: 'Network Management', description: 'Core switches, firewalls, NMS and time servers (10.0.0.0/16)', impact: 'MEDIUM', color: 'GRAY' },
  { zone: 'dmz', label: 'DMZ', description: 'Jump hosts, reporting and replicated historian (172.16.10.0/24)', impact: 'LOW', color: 'PINK' },
];
const CELL_IMPACT: Record<string, IndustrialImpact> = { substation: 'VERY_HIGH', schneider: 'HIGH', siemens: 'HIGH', rockwell: 'HIGH', mixed: 'MEDIUM', building: 'LOW' };
const SHIFT_LEADS = ['J. Martin', 'A. Schmidt', 'L. Rossi', 'M. Nowak', 'S. Dubois', 'K. Tanaka', 'R. Silva', 'E. Jansen'];

function endpointIds(topo: Topology, ds: readonly Device[]): string[] {
  const ids: string[] = [];
  for (const d of ds) {
    if (d.ipEp >= 0) ids.push(topo.endpointId(d.ipEp));
    if (d.l2Ep >= 0) ids.push(topo.endpointId(d.l2Ep));
  }
  return ids;
}

export function buildGroups({ rng, topo, historyStart, end }: Ctx, count: number): PlantGroup[] {
  const span = end - historyStart;
  const nZone = count <= 0 ? 0 : Math.min(ZONE_GROUPS.length, Math.max(1, Math.floor(count / 4)));
  const nCell = Math.min(topo.cells.length, count - nZone);
  const groups: PlantGroup[] = [];
  const make = (label: string, description: string, impact: IndustrialImpact, color: GroupColor, location: string, ds: readonly Device[]): void => {
    const creationTime = historyStart + Math.floor(span * 0.1 * rng.next());
    const lastUpdate = creationTime + Math.floor((end - creationTime) * rng.next());
    const properties = [
      { position: 0, label: 'Location', value: location, lastUpdate },
      { position: 1, label: 'Owner', value: rng.pick(SHIFT_LEADS), lastUpdate },
    ];
    if (rng.chance(0.4)) properties.push({ position: 2, label: 'Maintenance window', value: rng.pick(['Sun 06:00-10:00', 'Sat 22:00-Sun 04:00', 'First Monday 05:00-07:00']), lastUpdate });
    groups.push({
      id: rng.uuid4(),
      label,
      description,
      comments: rng.chance(0.3) ? rng.pick(['Do not scan actively', 'Vendor remote access via jump host only', 'Audit scheduled next quarter']) : '',
      color,
      industrialImpact: impact,
      creationTime,
      properties,
      componentIds: endpointIds(topo, ds),
    });
  };
  for (let c = 0; c < nCell; c++) {
    const cell = topo.cells[c];
    if (!cell) break;
    const ds = cell.devices.map((i) => topo.devices[i] as Device).filter((d) => d.fn !== 'rogue');
    make(cell.name, `${cell.name}: ${cell.kind === 'building' ? 'building management' : cell.kind === 'substation' ? 'protection relays and RTUs' : 'controllers, HMIs and remote I/O'} (${cell.subnet}.0/24)`,
      CELL_IMPACT[cell.kind] ?? 'MEDIUM', rng.pick(GROUP_COLORS), `Building ${String.fromCharCode(65 + (c % 6))}, Hall ${1 + (c % 4)}`, ds);
  }
  for (let z = 0; z < nZone; z++) {
    const g = ZONE_GROUPS[z];
    if (!g) break;
    make(g.label, g.description, g.impact, g.color, g.zone === 'it' ? 'Administration building' : 'Main building, server room', topo.devices.filter((d) => d.zone === g.zone));
  }
  // More groups than cells and areas: empty groups an operator prepared for new lines.
  for (let i = groups.length; i < count; i++) {
    make(`Reserved ${String(i + 1).padStart(3, '0')}`, 'Prepared for a future line', 'VERY_LOW', 'GRAY', 'TBD', []);
  }
  const unsorted = unsortedGroup(topo, groups, historyStart);
  if (unsorted) groups.push(unsorted);
  return groups;
}

/** The catch-all group's label: no cell, area or reserved group is named so. */
export const UNSORTED_GROUP_LABEL = 'Unsorted devices';

/**
 * clients.md section 3: "every device needs components[0].group to be non-null" (OPS mccast
 * reads `components[0].group.label` of every device). The devices no cell or area group holds
 * (areas beyond the profile's group count, cells past it, the newcomer found in a cell) go to
 * one catch-all group, as an operator sorts what the Center found. Made without the random
 * source, so that the rest of the plant stays as it was; beyond the profile's group count.
 */
function unsortedGroup(topo: Topology, groups: readonly PlantGroup[], historyStart: Micros): PlantGroup | undefined {
  const held = new Set(groups.flatMap((g) => g.componentIds));
  const componentIds = endpointIds(topo, topo.devices).filter((id) => !held.has(id));
  if (componentIds.length === 0) return undefined;
  return {
    id: uuidv5(`group|${UNSORTED_GROUP_LABEL}`),
    label: UNSORTED_GROUP_LABEL,
    description: 'Devices no cell or area group holds yet: new on the network, or not sorted by an operator',
    comments: '',
    color: 'GRAY',
    industrialImpact: 'MEDIUM',
    creationTime: historyStart,
    properties: [],
    componentIds,
  };
}

const TAGS_A = ['Motor', 'Pump', 'Valve', 'Conveyor', 'Tank', 'Mixer', 'Fan', 'Heater', 'Press', 'Filler', 'Robot', 'Dosing'];
const TAGS_B = ['Speed', 'Setpoint', 'Running', 'Fault', 'Level', 'Temp', 'Pressure', 'Count', 'Mode', 'Start', 'Stop', 'Flow'];

function variableName(d: Device, n: number): string {
  const a = TAGS_A[n % TAGS_A.length] as string;
  const b = TAGS_B[Math.floor(n / TAGS_A.length) % TAGS_B.length] as string;
  const unit = 1 + Math.floor(n / (TAGS_A.length * TAGS_B.length));
  switch (d.model.protocol) {
    case 's7': // guide 5.6 prints "MB 1000"; addresses in data blocks are the common case
      return n % 5 === 0 ? `MB ${1000 + n}` : `DB${10 + (n % 7)}.DBW${(n * 2) % 512}`;
    case 's7plus':
      return `"${a}_DB".${a}${unit}_${b}`;
    case 'enip':
      return n % 3 === 0 ? `Program:MainProgram.${a}${unit}_${b}` : `${a}${unit}_${b}`;
    case 'modbus':
      return n % 4 === 0 ? `Coil ${String(1 + n).padStart(5, '0')}` : `HR ${40001 + n}`;
    case 'dnp3':
      return `${n % 3 === 0 ? 'BI' : 'AI'} ${n}`;
    case 'iec104':
      return `IOA ${1000 + n}`;
    case 'bacnet':
      return `AV ${n} ${a} ${b}`;
    default:
      return `ns=2;s=${a}${unit}.${b}`;
  }
}

export function buildVariables({ rng, topo }: Ctx, conv: Conversations, count: number): PlantVariable[] {
  const holders = [...conv.clients.keys()].sort((a, b) => a - b);
  const out: PlantVariable[] = [];
  if (holders.length === 0) return out;
  for (let i = holders.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const x = holders[i] as number;
    holders[i] = holders[j] as number;
    holders[j] = x;
  }
  const next = new Map<number, number>();
  const maxPer = TAGS_A.length * TAGS_B.length * 20;
  for (let v = 0; v < count; v++) {
    const ep = holders[v % holders.length] as number;
    const n = next.get(ep) ?? 0;
    if (n >= maxPer) break;
    next.set(ep, n + 1);
    const d = topo.devices[(topo.endpoints[ep] as { device: number }).device] as Device;
    const holderId = topo.endpointId(ep);
    const name = variableName(d, n);
    const authors: PlantVariable['authors'] = [];
    for (const c of conv.clients.get(ep) ?? []) {
      if (authors.length > 0 && rng.chance(0.5)) continue;
      const first = c.first + Math.floor((c.last - c.first) * 0.2 * rng.next());
      const last = c.last - Math.floor((c.last - first) * 0.2 * rng.next());
      const a: PlantVariable['authors'][number] = { componentId: topo.endpointId(c.ep), read: { first, last } };
      if (c.write && rng.chance(0.5)) a.write = { first: first + Math.floor((last - first) * rng.next() * 0.5), last };
      authors.push(a);
    }
    out.push({ id: uuidv5(`variable|${holderId}|${name}`), componentId: holderId, name, authors });
  }
  return out;
}

/** A Knowledge DB entry matching a component of the plant, and the device the component belongs to. */
export interface PlantMatch {
  componentId: string;
  /** The index of the device in the topology. */
  device: number;
  vulnerability: Vulnerability;
  reasons: MatchReason[];
}

export function buildVulnerabilities({ rng, topo }: Ctx, count: number): PlantMatch[] {
  const vulns = CVES.map(vulnerabilityOf);
  const pairs: [number, number][] = [];
  for (const d of topo.devices) {
    if (d.ipEp < 0 || d.fn === 'rogue') continue;
    CVES.forEach((c, i) => {
      if (c.matches(d)) pairs.push([d.ipEp, i]);
    });
  }
  const n = Math.min(count, pairs.length);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, pairs.length - 1);
    const x = pairs[i] as [number, number];
    pairs[i] = pairs[j] as [number, number];
    pairs[j] = x;
  }
  return pairs
    .slice(0, n)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([ep, i]) => ({
      componentId: topo.endpointId(ep),
      device: (topo.endpoints[ep] as { device: number }).device,
      vulnerability: vulns[i] as Vulnerability,
      reasons: (CVES[i] as { reasons: MatchReason[] }).reasons,
    }));
}

