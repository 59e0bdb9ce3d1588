/**
 * Events that do not come from a flow (guide 5.5): user sessions on the Center, sensor
 * connections, configuration and data management, protocol anomalies, IDS alerts, decode
 * failures with the capture attached as a pcap. The pipeline emits the flow-driven ones (new
 * components, new properties, program downloads, CPU start/stop); these bring the total near the
 * profile's count.
 */
import { MICROS_PER_SECOND, type Micros } from '../../domain/time.js';
import type { Event, EventData } from '../../domain/types.js';
import type { Random } from '../../random.js';
import type { Conversations } from './conversations.js';
import { decodeFailurePcap } from './pcap.js';
import type { Topology } from './topology.js';
import { weighted } from './pick.js';

/** An event that no flow raises: the domain Event, with its file if it has one. */
export type PlantEvent = Omit<Event, 'flowId' | 'hasData'> & { data?: EventData };

export interface EventInput {
  rng: Random;
  topo: Topology;
  conv: Conversations;
  historyStart: Micros;
  end: Micros;
  count: number;
  sensorNames: readonly string[];
  sensorUntil: readonly Micros[];
}

type Spec = Omit<PlantEvent, 'id' | 'creationTime' | 'data'>;

const USERS = ['admin', 'jmartin', 'aschmidt', 'lrossi', 'mnowak', 'sdubois', 'ot-soc', 'auditor'];
const IDS_RULES = [
  ['ET POLICY SMB1 Protocol Use', 'Medium'],
  ['ET SCAN Suspicious inbound to MSSQL port 1433', 'High'],
  ['ET POLICY Cleartext Telnet session', 'Medium'],
  ['ET INFO Possible Modbus function code 90 (UMAS) from non-engineering host', 'High'],
  ['ET POLICY RDP connection from outside the DMZ', 'Medium'],
] as const;
const ANOMALIES = [
  ['Modbus exception response', 'Illegal data address (exception code 2)'],
  ['S7 error response', 'Object does not exist (error class 0x81, code 0x04)'],
  ['EtherNet/IP error response', 'CIP general status 0x05: path destination unknown'],
  ['DNP3 device restart', 'Unsolicited response with IIN1.7 (device restart)'],
  ['IEC 104 link restart', 'STARTDT act after T1 timeout'],
] as const;

export function buildEvents(input: EventInput): PlantEvent[] {
  const { rng, topo, conv, historyStart, end, count } = input;
  const span = end - historyStart;
  const out: PlantEvent[] = [];
  const at = (): Micros => historyStart + Math.floor(span * rng.next());
  const workHours = (): Micros => {
    const t = at();
    const day = t - (t % (86_400 * MICROS_PER_SECOND));
    const when = day + Math.floor((6 + 12 * rng.next()) * 3600 * MICROS_PER_SECOND);
    return Math.min(end, Math.max(historyStart, when));
  };
  const push = (time: Micros, s: Spec, data?: PlantEvent['data']): void => {
    const e: PlantEvent = { id: rng.uuid4(), creationTime: time, ...s };
    if (data) e.data = data;
    out.push(e);
  };
  const ws = topo.byFn.get('workstation') ?? [];
  const from = (): string => {
    const d = ws.length > 0 ? topo.devices[rng.pick(ws)] : undefined;
    return d?.ip ?? '10.1.1.10';
  };
  const servers = [...conv.clients.keys()].sort((a, b) => a - b);
  const pair = (): [number, number] | undefined => {
    if (servers.length === 0) return undefined;
    const server = rng.pick(servers);
    const client = rng.pick(conv.clients.get(server) ?? []);
    return [client.ep, server];
  };
  const label = (ep: number): string => topo.endpoints[ep]?.ip ?? topo.endpoints[ep]?.mac ?? '?';

  // Sensors: enrolment at the start of the history; the lost one says so.
  input.sensorNames.forEach((name, i) => {
    push(historyStart + rng.int(1, 600) * MICROS_PER_SECOND, { severity: 'Low', type: 'Software', family: 'ICS Cybervision', category: 'Communication', shortMessage: 'Sensor connected', message: `Sensor ${name} connected to the Center`, componentId: null });
    const until = input.sensorUntil[i] ?? end;
    if (until < end) push(until, { severity: 'High', type: 'Software', family: 'ICS Cybervision', category: 'Communication', shortMessage: 'Sensor disconnected', message: `Sensor ${name} is disconnected from the Center`, componentId: null });
  });

  // The scan, seen by the IDS.
  if (conv.scan) {
    const { src, targets, start, stop } = conv.scan;
    const id = topo.endpointId(src);
    push(start, { severity: 'Very High', type: 'Behavioral', family: 'Protocol Events', category: 'Security', shortMessage: 'Port scan detected', message: `ET SCAN Nmap SYN scan from ${label(src)} to ${targets.length} hosts (${targets.map(label).join(', ')})`, componentId: id });
    push(stop, { severity: 'High', type: 'Behavioral', family: 'Protocol Events', category: 'Security', shortMessage: 'Intrusion detection alert', message: `ET SCAN Potential VNC Scan 5900-5920 from ${label(src)}`, componentId: id });
  }

  // At least one decode failure, with the capture.
  const decodeFailure = (): void => {
    const p = pair();
    const c = p ? topo.endpoints[p[0]] : undefined;
    const s = p ? topo.endpoints[p[1]] : undefined;
    const time = at();
    const client = { mac: c?.mac ?? '02:00:00:00:00:01', ip: c?.ip ?? '10.10.1.20' };
    const server = { mac: s?.mac ?? '02:00:00:00:00:02', ip: s?.ip ?? '10.10.1.10' };
    const id = rng.uuid4();
    const pcap = decodeFailurePcap(rng, time, client, server);
    out.push({
      id,
      creationTime: time,
      severity: 'Medium',
      type: 'Behavioral',
      family: 'Protocol Events',
      category: 'Decode Failure',
      shortMessage: 'Decode failure',
      message: `Malformed S7 PDU from ${client.ip} to ${server.ip}: parameter length exceeds the TPKT length`,
      componentId: p ? topo.endpointId(p[1]) : null,
      data: { filename: `decode-failure-${id.slice(0, 8)}.pcap`, contentType: 'application/vnd.tcpdump.pcap', data: pcap },
    });
  };
  decodeFailure();

  const kinds: readonly [() => void, number][] = [
    [() => push(workHours(), { severity: 'Low', type: 'Behavioral', family: 'ICS Cybervision', category: 'User Management', shortMessage: 'User login', message: `User ${rng.pick(USERS)} logged in from ${from()}`, componentId: null }), 24],
    [() => push(workHours(), { severity: 'Low', type: 'Behavioral', family: 'ICS Cybervision', category: 'User Management', shortMessage: 'User logout', message: `User ${rng.pick(USERS)} logged out`, componentId: null }), 18],
    [() => push(at(), { severity: 'Medium', type: 'Behavioral', family: 'ICS Cybervision', category: 'Security', shortMessage: 'Login failure', message: `Authentication failed for user ${rng.pick(['admin', 'root', 'operator', ...USERS])} from ${from()}`, componentId: null }), 5],
    [() => push(workHours(), { severity: 'Low', type: 'Changes', family: 'ICS Cybervision', category: 'Configuration', shortMessage: 'Preset updated', message: `Preset "${rng.pick(topo.cells)?.name ?? 'All data'}" baseline updated by ${rng.pick(USERS)}`, componentId: null }), 6],
    [() => push(at(), { severity: 'Low', type: 'Software', family: 'ICS Cybervision', category: 'Data Management', shortMessage: 'Data purge', message: `Scheduled purge removed ${rng.int(1000, 90_000)} flows older than the retention period`, componentId: null }), 3],
    [() => push(at(), { severity: 'Low', type: 'Software', family: 'ICS Cybervision', category: 'Configuration', shortMessage: 'Knowledge DB updated', message: `Knowledge DB updated to version ${rng.int(2024, 2026)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`, componentId: null }), 1],
    [() => {
      const p = pair();
      const [title, text] = rng.pick(ANOMALIES);
      push(at(), { severity: 'Low', type: 'Behavioral', family: 'Protocol Events', category: 'Communication', shortMessage: title, message: p ? `${text} from ${label(p[1])} to ${label(p[0])}` : text, componentId: p ? topo.endpointId(p[1]) : null });
    }, 20],
    [() => {
      const [rule, sev] = rng.pick(IDS_RULES);
      const d = rng.pick(topo.devices);
      const ep = d.ipEp >= 0 ? d.ipEp : d.l2Ep;
      push(at(), { severity: sev, type: 'Behavioral', family: 'Protocol Events', category: 'Security', shortMessage: 'Intrusion detection alert', message: `${rule} (${label(ep)})`, componentId: topo.endpointId(ep) });
    }, 6],
    // Office PCs sleep over weekends and holidays (their traffic is sporadic sessions anyway).
    [() => {
      if (ws.length === 0) return;
      const d = topo.devices[rng.pick(ws)];
      if (!d || d.ipEp < 0) return;
      push(at(), { severity: 'Low', type: 'Changes', family: 'Component', category: 'Communication', shortMessage: 'Component inactive', message: `Component ${d.hostname} (${label(d.ipEp)}) has not been seen on the network for 24 hours`, componentId: topo.endpointId(d.ipEp) });
    }, 4],
    [() => {
      const p = pair();
      if (!p) return;
      push(at(), { severity: 'Medium', type: 'Changes', family: 'PLC Control', category: 'Run Orders', shortMessage: 'Controller mode change', message: `Controller ${label(p[1])} mode switch moved to REMOTE RUN`, componentId: topo.endpointId(p[1]) });
    }, 2],
    [decodeFailure, 1],
  ];
  let guard = 0;
  while (out.length < count && guard++ < count * 4) weighted(rng, kinds)();
  out.sort((a, b) => a.creationTime - b.creationTime);
  return out;
}
