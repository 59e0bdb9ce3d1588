/**
 * Who talks to whom: conversations follow roles (HMI and SCADA poll PLCs, PLCs drive their I/O,
 * engineering stations download programs, the NMS polls switches, office PCs resolve names and
 * open shares). Long-lived conversations keep their client port, so each is one flow seen many
 * times; short ones (a DNS query, an HTTPS request) get a fresh port, so each is a flow of its
 * own. The structural conversations come first; short sessions then fill up to the profile's
 * flow count, and extra observations go to the long-lived flows.
 */
import type { Micros } from '../../domain/time.js';
import type { Random } from '../../random.js';
import { type Client, ConversationBuilder, POLL } from './builder.js';
import { addRepetitions, fillWithSessions, trimToFlows } from './fit.js';
import { exposureConversations } from './exposure.js';
import { KIND, KIND_SPECS } from './kinds.js';
import type { Templates } from './templates.js';
import type { Device, DeviceFunction, Topology } from './topology.js';

export type { Client } from './builder.js';

export interface Conversations {
  t: Templates;
  propTable: Record<string, string>[];
  /** Server endpoint → the clients that read (or write) its data, for variables. */
  clients: Map<number, Client[]>;
  /** Events the pipeline will emit for operations (one per operation tag per session flow). */
  opEvents: number;
  scan: { src: number; targets: number[]; start: Micros; stop: Micros } | null;
  /** 1 for each endpoint some template reveals the properties of. */
  revealed: Uint8Array;
}

export interface ConversationInput {
  flows: number;
  historyStart: Micros;
  end: Micros;
  historyDays: number;
  sensorUntil: readonly Micros[];
}

const SCAN_PORTS = [21, 22, 23, 25, 53, 80, 102, 110, 135, 139, 143, 443, 445, 502, 1433, 1883, 2404, 3306, 3389, 5432, 5900, 8080, 8443, 20000, 44818];
const OP_TAG_RE = /-(cpustatechange|programdownload|programupload)$/;

/** How many operation tags (events) one session of an operation kind adds to its flow. */
function opTags(kind: number): number {
  const tags = new Set<string>();
  for (const p of KIND_SPECS[kind]?.ops ?? []) for (const [k, v] of Object.entries(p)) if (OP_TAG_RE.test(k)) tags.add(`${k}=${k.endsWith('cpustatechange') ? v : ''}`);
  return tags.size;
}

export function buildConversations(topo: Topology, rng: Random, input: ConversationInput): Conversations {
  const { devices, endpoints } = topo;
  const { historyStart, end } = input;
  const b = new ConversationBuilder(topo, rng, input);
  const { t, persistent, session, relate, poll } = b;
  let opEvents = 0;
  const fn = (f: DeviceFunction): Device[] => (topo.byFn.get(f) ?? []).map((i) => devices[i] as Device);

  // --- Site services. ---
  const scadas = fn('scada');
  const historians = fn('historian');
  const engineering = fn('engineering');
  const otDc = fn('ot-dc')[0];
  const itDc = fn('it-dc')[0] as Device | undefined;
  const ntp = fn('ntp')[0] ?? itDc;
  const files = fn('file');
  const proxy = fn('proxy')[0];
  const web = fn('web')[0];
  const jump = fn('jump');
  const nms = fn('nms');
  const replica = fn('replica')[0];
  const patch = fn('patch')[0];
  const dnsFor = (d: Device): Device | undefined => ((d.zone === 'cell' || d.zone === 'ops') && otDc ? otDc : itDc);
  const ep = (d: Device | undefined): number => (d ? d.ipEp : -1);

  // --- The cells. ---
  for (const cell of topo.cells) {
    const ds = cell.devices.map((i) => devices[i] as Device);
    const of = (...f: DeviceFunction[]) => ds.filter((d) => f.includes(d.fn));
    const plcs = of('plc');
    const hmis = of('hmi');
    for (const sw of of('switch', 'router')) {
      if (sw.l2Ep >= 0) {
        persistent(sw.l2Ep, topo.lldpMulticast, KIND.LLDP);
        if (rng.chance(0.5)) persistent(sw.l2Ep, topo.broadcast, KIND.ARP);
      }
    }
    hmis.forEach((h, i) => {
      const n = Math.min(plcs.length, 1 + (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0));
      for (let j = 0; j < n; j++) poll(h.ipEp, plcs[(i + j) % plcs.length] as Device, 0.35, 1.5);
    });
    of('io', 'drive').forEach((io, i) => {
      const plc = plcs[i % Math.max(1, plcs.length)];
      if (!plc) return;
      if (io.model.protocol === 'profinet' && plc.l2Ep >= 0) {
        const v = rng.int(0, 1);
        persistent(plc.l2Ep, io.l2Ep, KIND.PROFINET, v);
        persistent(io.l2Ep, plc.l2Ep, KIND.PROFINET, v);
      } else if (io.model.protocol === 'enip') {
        persistent(plc.ipEp, io.ipEp, KIND.ENIP_POLL, 2);
        const v = rng.int(0, 1);
        persistent(plc.ipEp, io.ipEp, KIND.CIP_IO, v);
        persistent(io.ipEp, plc.ipEp, KIND.CIP_IO, v);
      } else {
        persistent(plc.ipEp, io.ipEp, KIND.MODBUS_POLL, rng.chance(0.5) ? 0 : 3);
      }
    });
    for (const plc of plcs) if (plc.l2Ep >= 0) persistent(plc.l2Ep, topo.broadcast, KIND.ARP);
    for (let i = 1; i < plcs.length; i++) if (rng.chance(0.3)) poll((plcs[i - 1] as Device).ipEp, plcs[i] as Device, 0.2, 0.3);
    for (const rtu of of('rtu')) for (const h of hmis) poll(h.ipEp, rtu, 0.1, 0.5);
    const bmsServer = of('bms-server')[0];
    const bms = of('bms');
    const jace = bms[0];
    for (const b of bms) {
      if (bmsServer) persistent(bmsServer.ipEp, b.ipEp, KIND.BACNET, rng.chance(0.2) ? 1 : 0);
      if (jace && b !== jace) persistent(jace.ipEp, b.ipEp, KIND.BACNET, 0);
    }
    const nvr = of('nvr')[0];
    if (nvr) for (const cam of of('camera')) persistent(nvr.ipEp, cam.ipEp, KIND.RTSP);
    for (const eng of of('engineering')) for (const plc of plcs) relate(eng.ipEp, plc.ipEp, POLL[plc.model.protocol] ?? KIND.S7_POLL, 2, 0.5);
  }

  // --- Control room: SCADA polls every controller of its cells; historians read SCADA. ---
  const pollable = (d: Device): boolean =>
    d.fn === 'plc' || d.fn === 'rtu' || (d.fn === 'gateway' && d.model.protocol === 'modbus') || (d.fn === 'bms' && d.model.name.includes('JACE'));
  topo.cells.forEach((cell, c) => {
    const scada = scadas[c % Math.max(1, scadas.length)];
    const eng = engineering[c % Math.max(1, engineering.length)];
    for (const i of cell.devices) {
      const d = devices[i] as Device;
      if (scada && pollable(d)) poll(scada.ipEp, d, 0.1, 1);
      if (eng && d.fn === 'plc') {
        const kind = POLL[d.model.protocol] ?? KIND.S7_POLL;
        if (rng.chance(0.3)) poll(eng.ipEp, d, 0, 0, 2);
        relate(eng.ipEp, d.ipEp, kind, 2, 0.4);
      }
    }
  });
  historians.forEach((h, i) => {
    for (let j = i; j < scadas.length; j += historians.length) {
      persistent(h.ipEp, (scadas[j] as Device).ipEp, KIND.OPCUA, 0);
      relate(h.ipEp, (scadas[j] as Device).ipEp, KIND.OPCUA, 0, 0.3);
    }
    if (replica) persistent(h.ipEp, replica.ipEp, KIND.PI);
  });

  // --- Hosts: name resolution, domain, time, shares, the web. ---
  for (const d of devices) {
    if (d.os === null || d.ipEp < 0 || d.fn === 'rogue') continue;
    const windows = d.os.startsWith('Windows');
    const dns = dnsFor(d);
    if (dns && dns !== d) {
      session(d.ipEp, dns.ipEp, KIND.DNS, rng.int(0, 3));
      relate(d.ipEp, dns.ipEp, KIND.DNS, 0, d.zone === 'it' ? 10 : 3);
      relate(d.ipEp, dns.ipEp, KIND.DNS, 1, d.zone === 'it' ? 2 : 0.5);
      if (windows) {
        const realm = dns === otDc ? 1 : 0;
        session(d.ipEp, dns.ipEp, KIND.KERBEROS, realm);
        relate(d.ipEp, dns.ipEp, KIND.KERBEROS, realm, 2);
        relate(d.ipEp, dns.ipEp, KIND.LDAP, 0, 1);
        const legacy = /Windows 7|2008/.test(d.os);
        if (d.zone !== 'it') session(d.ipEp, dns.ipEp, KIND.SMB, legacy ? 1 : 0);
        relate(d.ipEp, dns.ipEp, KIND.SMB, legacy ? 1 : 0, 0.3);
      }
    }
    const time = windows ? (dns ?? ntp) : ntp;
    if (time && time !== d) persistent(d.ipEp, time.ipEp, KIND.NTP, 0);
    if (patch && windows && d.zone !== 'it' && d !== patch) relate(d.ipEp, patch.ipEp, KIND.HTTPS, 0, 0.5);
  }
  const workstations = fn('workstation');
  for (const ws of workstations) {
    const fs = files.length > 0 ? files[ws.idx % files.length] : undefined;
    if (fs) {
      session(ws.ipEp, fs.ipEp, KIND.SMB, 0);
      relate(ws.ipEp, fs.ipEp, KIND.SMB, 0, 3);
    }
    if (proxy) {
      session(ws.ipEp, proxy.ipEp, KIND.HTTP, 1, 8080);
      relate(ws.ipEp, proxy.ipEp, KIND.HTTP, 1, 8, 8080);
    }
    if (web) {
      if (!proxy) session(ws.ipEp, web.ipEp, KIND.HTTPS, 1);
      relate(ws.ipEp, web.ipEp, KIND.HTTPS, 1, proxy ? 2 : 8);
    }
    if (jump.length > 0 && rng.chance(0.05)) {
      const j = rng.pick(jump);
      session(ws.ipEp, j.ipEp, KIND.RDP, 0);
      relate(ws.ipEp, j.ipEp, KIND.RDP, 0, 0.5);
    }
  }
  for (const prn of fn('printer')) {
    for (let i = 0; i < 5 && workstations.length > 0; i++) {
      const ws = rng.pick(workstations);
      if (i === 0) session(ws.ipEp, prn.ipEp, KIND.PRINT);
      relate(ws.ipEp, prn.ipEp, KIND.PRINT, 0, 0.3);
    }
  }
  for (const j of jump) {
    for (const eng of engineering) {
      session(j.ipEp, eng.ipEp, KIND.RDP, 0);
      relate(j.ipEp, eng.ipEp, KIND.RDP, 0, 0.5);
    }
  }

  // --- Management: SNMP and SSH to network gear, time to everything with a clock. ---
  for (const d of devices) {
    const gear = d.fn === 'switch' || d.fn === 'router' || d.fn === 'firewall' || d.fn === 'printer' || d.vendor.key === 'moxa';
    if (!gear || d.ipEp < 0) continue;
    const m = nms[d.idx % Math.max(1, nms.length)];
    if (m) {
      persistent(m.ipEp, d.ipEp, KIND.SNMP, d.vendor.key === 'cisco' ? 1 : 0);
      if (d.fn !== 'printer') relate(m.ipEp, d.ipEp, KIND.SSH, 0, 0.3);
    }
    if (d.fn !== 'printer' && ntp && rng.chance(0.7)) persistent(d.ipEp, ntp.ipEp, KIND.NTP, 0);
    if (d.l2Ep >= 0 && d.zone === 'mgmt') {
      persistent(d.l2Ep, topo.lldpMulticast, KIND.LLDP);
      persistent(d.l2Ep, topo.broadcast, KIND.ARP);
    }
  }
  for (const d of devices) {
    if (d.fn === 'plc' && d.vendor.key === 'siemens' && ntp && rng.chance(0.3)) persistent(d.ipEp, ntp.ipEp, KIND.NTP, 1);
    if (d.fn === 'gateway' && d.vendor.key === 'moxa' && engineering.length > 0 && rng.chance(0.5)) {
      const eng = rng.pick(engineering);
      session(eng.ipEp, d.ipEp, KIND.TELNET);
      relate(eng.ipEp, d.ipEp, KIND.TELNET, 0, 0.2);
    }
  }

  // --- Operations: program downloads, CPU stop/start, uploads (each session its own flow). ---
  const opPairs: [number, Device][] = [];
  topo.cells.forEach((cell, c) => {
    const local = cell.devices.map((i) => devices[i] as Device).filter((d) => d.fn === 'engineering');
    const eng = local[0] ?? engineering[c % Math.max(1, engineering.length)];
    if (!eng) return;
    for (const i of cell.devices) {
      const d = devices[i] as Device;
      if (d.fn !== 'plc') continue;
      const p = d.model.protocol;
      if (p === 's7' || p === 's7plus' || p === 'enip' || (p === 'modbus' && d.vendor.key === 'schneider')) opPairs.push([eng.ipEp, d]);
    }
  });
  const nPlc = (topo.byFn.get('plc') ?? []).length;
  const nOps = opPairs.length === 0 ? 0 : Math.max(2, Math.round(Math.min(nPlc * 0.5, 40 + nPlc * 0.05) * Math.max(1, input.historyDays / 30)));
  for (let i = 0; i < nOps; i++) {
    const [eng, plc] = rng.pick(opPairs);
    const p = plc.model.protocol;
    const kind = p === 's7' ? KIND.S7_OP : p === 's7plus' ? (rng.chance(0.2) ? KIND.S7PLUS_UPLOAD : KIND.S7PLUS_OP) : p === 'enip' ? KIND.ENIP_OP : KIND.MODBUS_OP;
    const reps = KIND_SPECS[kind]?.ops?.length ?? 1;
    const lo = Math.max(b.startOf(eng), plc.start);
    const t0 = lo + rng.next() * (end - lo);
    const op = b.add(eng, plc.ipEp, kind, 0, -1, -1, t0, t0 + rng.int(2, 30) * 60_000_000, reps);
    if (op < 0) continue;
    t.essential[op] = 1; // kept when trimming: the pipeline's operation events are counted on them
    opEvents += opTags(kind);
  }

  // --- A late newcomer that resolves names, then scans its neighbours (rare, realistic). ---
  let scan: Conversations['scan'] = null;
  const rogue = fn('rogue')[0];
  if (rogue && rogue.ipEp >= 0) {
    const dns = dnsFor(rogue);
    if (dns) {
      session(rogue.ipEp, dns.ipEp, KIND.DNS, 0);
      relate(rogue.ipEp, dns.ipEp, KIND.DNS, 0, 0.5);
    }
    const cell = topo.cells[rogue.cell];
    const targets = (cell?.devices ?? [])
      .map((i) => devices[i] as Device)
      .filter((d) => d.ipEp >= 0 && d !== rogue && (d.fn === 'plc' || d.fn === 'hmi' || d.fn === 'switch' || d.fn === 'engineering'))
      .slice(0, 4)
      .map((d) => d.ipEp);
    const nScan = Math.min(targets.length * SCAN_PORTS.length, Math.max(8, Math.min(400, Math.round(input.flows * 0.02))));
    if (targets.length > 0 && nScan > 0) {
      const t0 = Math.max(rogue.start, historyStart) + rng.next() * Math.max(0, Math.min(2 * 3_600_000_000, end - rogue.start));
      const sport = b.ephemeral(rogue.ipEp); // a SYN scan keeps one source port
      let last = t0;
      for (let i = 0; i < nScan; i++) {
        const target = targets[i % targets.length] as number;
        const port = SCAN_PORTS[Math.floor(i / targets.length) % SCAN_PORTS.length] as number;
        last = t0 + i * 40_000 + rng.int(0, 30_000);
        const probe = b.add(rogue.ipEp, target, KIND.SCAN, 0, sport, port, last, last, 1);
        if (probe >= 0) t.essential[probe] = 1;
      }
      scan = { src: rogue.ipEp, targets, start: b.clamp(t0), stop: b.clamp(last) };
    }
  }

  exposureConversations(topo, rng, b);

  // --- Whatever no conversation has shown yet says something: a DNS query or an ARP. ---
  const anyDns = ep(otDc ?? itDc);
  for (let e = 0; e < endpoints.length; e++) {
    if (b.covered[e]) continue;
    const x = endpoints[e] as { ip: string | null };
    if (x.ip !== null && anyDns >= 0 && anyDns !== e) session(e, anyDns, KIND.DNS, 0);
    else if (x.ip === null) persistent(e, topo.broadcast, KIND.ARP);
  }

  // --- Fit the number of distinct flows to the profile, then spread the observations. ---
  trimToFlows(t, rng, input.flows);
  fillWithSessions(t, b.rel, rng, input.flows, session);
  addRepetitions(t, rng);

  return { t, propTable: b.propTable, clients: b.clients, opEvents, scan, revealed: b.revealed };
}
