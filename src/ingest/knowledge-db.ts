/**
 * The built-in Knowledge DB: the tag catalogue a Center ships with, and how it classifies a
 * flow from its ports and properties (guide 2.1, 2.4), and the controller operations it turns
 * into events. Pure data and pure functions.
 */
import type { CredentialAlgo, CredentialSpec } from '../domain/credentials.js';
import type { NetworkCategory, TagClass, TagType } from '../domain/vocabulary.js';
import type { EventSpec } from '../engine/effects.js';

export interface KdbTag {
  key: string;
  label: string;
  desc: string;
  category: string;
  type: TagType;
}

const t = (key: string, label: string, desc: string, category: string, type: TagType = 'flow'): KdbTag => ({
  key,
  label,
  desc,
  category,
  type,
});

/** guide 6.8.1.1 prints WEB, WEB_SERVER and WINDOWS; the rest follow the same style. */
export const KDB_TAGS: readonly KdbTag[] = [
  // Protocols
  t('S7', 'S7', 'Siemens S7 protocol', 'Protocol'),
  t('S7PLUS', 'S7Plus', 'Siemens S7Plus protocol', 'Protocol'),
  t('ENIP', 'EthernetIP', 'EtherNet/IP protocol', 'Protocol'),
  t('CIP_IO', 'CIP-IO', 'CIP implicit messaging (I/O)', 'Protocol'),
  t('MODBUS', 'Modbus', 'Modbus/TCP protocol', 'Protocol'),
  t('DNP3', 'DNP3', 'DNP3 protocol', 'Protocol'),
  t('IEC104', 'IEC104', 'IEC 60870-5-104 protocol', 'Protocol'),
  t('OPCUA', 'OPC-UA', 'OPC Unified Architecture', 'Protocol'),
  t('BACNET', 'BACnet', 'BACnet/IP building automation protocol', 'Protocol'),
  t('PROFINET', 'Profinet', 'Profinet real-time protocol', 'Protocol'),
  t('SSH', 'SSH', 'Secure Shell', 'Protocol'),
  t('TELNET', 'Telnet', 'Telnet remote terminal', 'Protocol'),
  t('FTP', 'FTP', 'File transfer protocol', 'Protocol'),
  t('WEB', 'Web', 'Web protocols', 'Protocol'),
  t('SMB', 'SMB', 'Windows file sharing (SMB)', 'Protocol'),
  t('DNS', 'DNS', 'Domain name resolution', 'Protocol'),
  t('NTP', 'NTP', 'Network time protocol', 'Protocol'),
  t('SNMP', 'SNMP', 'Network management protocol', 'Protocol'),
  t('RDP', 'RDP', 'Remote desktop protocol', 'Protocol'),
  t('DHCP', 'DHCP', 'Dynamic host configuration', 'Protocol'),
  t('ARP', 'ARP', 'Address resolution protocol', 'Protocol'),
  t('LLDP', 'LLDP', 'Link layer discovery protocol', 'Protocol'),
  t('TUNNELING', 'Tunneling', 'Tunnelled traffic (GRE, ERSPAN)', 'Protocol'),
  // Operations on controllers
  t('START_CPU', 'Start CPU', 'A controller was started', 'Operation'),
  t('STOP_CPU', 'Stop CPU', 'A controller was stopped', 'Operation'),
  t('READ_VAR', 'Read Var', 'Variables were read', 'Operation'),
  t('WRITE_VAR', 'Write Var', 'Variables were written', 'Operation'),
  t('PROGRAM_DOWNLOAD', 'Program Download', 'A program was downloaded to a controller', 'Operation'),
  t('PROGRAM_UPLOAD', 'Program Upload', 'A program was uploaded from a controller', 'Operation'),
  // Security
  t('INSECURE', 'Insecure', 'An insecure protocol or version', 'Security'),
  t('SCAN', 'Scan', 'Scanning activity', 'Security'),
  // Devices (component tags)
  t('PLC', 'PLC', 'Programmable logic controller', 'Device', 'component'),
  t('HMI', 'HMI', 'Human machine interface', 'Device', 'component'),
  t('SCADA', 'SCADA', 'Supervisory control station', 'Device', 'component'),
  t('ENGINEERING_STATION', 'Engineering Station', 'Controller programming workstation', 'Device', 'component'),
  t('IO_MODULE', 'IO Module', 'Remote input/output module', 'Device', 'component'),
  t('SWITCH', 'Switch', 'Network switch', 'Device', 'component'),
  t('ROUTER', 'Router', 'Network router', 'Device', 'component'),
  t('NET_MANAGEMENT_SERVER', 'Net Management Server', 'Network management server', 'Device', 'component'),
  t('WEB_SERVER', 'Web Server', 'Web server computer', 'Device', 'component'),
  t('WINDOWS', 'Windows', 'Windows workstation', 'Device', 'component'),
  t('DNS_SERVER', 'DNS Server', 'Domain name server', 'Device', 'component'),
  t('FILE_SERVER', 'File Server', 'File sharing server', 'Device', 'component'),
];

export const KDB_TAG_KEYS: ReadonlySet<string> = new Set(KDB_TAGS.map((x) => x.key));

interface PortClass {
  tag: string;
  netcat: NetworkCategory;
  /** Tag for the server side (the destination) of such a flow. */
  serverTag?: string;
  insecure?: boolean;
}

/** Well-known ports (TCP or UDP) → protocol tag and network category. */
export const KDB_PORTS: ReadonlyMap<number, PortClass> = new Map<number, PortClass>([
  [102, { tag: 'S7', netcat: 'control', serverTag: 'PLC' }],
  [502, { tag: 'MODBUS', netcat: 'control', serverTag: 'PLC' }],
  [44818, { tag: 'ENIP', netcat: 'control', serverTag: 'PLC' }],
  [2222, { tag: 'ENIP', netcat: 'field' }],
  [20000, { tag: 'DNP3', netcat: 'control', serverTag: 'PLC' }],
  [2404, { tag: 'IEC104', netcat: 'control', serverTag: 'PLC' }],
  [4840, { tag: 'OPCUA', netcat: 'control' }],
  [47808, { tag: 'BACNET', netcat: 'control' }],
  [22, { tag: 'SSH', netcat: 'net' }],
  [23, { tag: 'TELNET', netcat: 'net', insecure: true }],
  [21, { tag: 'FTP', netcat: 'net', insecure: true }],
  [80, { tag: 'WEB', netcat: 'net', serverTag: 'WEB_SERVER' }],
  [443, { tag: 'WEB', netcat: 'net', serverTag: 'WEB_SERVER' }],
  [8080, { tag: 'WEB', netcat: 'net', serverTag: 'WEB_SERVER' }],
  [445, { tag: 'SMB', netcat: 'net', serverTag: 'FILE_SERVER' }],
  [139, { tag: 'SMB', netcat: 'net', serverTag: 'FILE_SERVER', insecure: true }],
  [53, { tag: 'DNS', netcat: 'net', serverTag: 'DNS_SERVER' }],
  [123, { tag: 'NTP', netcat: 'net' }],
  [161, { tag: 'SNMP', netcat: 'net', serverTag: 'NET_MANAGEMENT_SERVER' }],
  [3389, { tag: 'RDP', netcat: 'net' }],
  [67, { tag: 'DHCP', netcat: 'net' }],
]);

/** Property name prefixes → protocol tag and category (guide 2.1: S7 seen → 'S7' and 'PLC'). */
const PROPERTY_PREFIXES: readonly [string, string, NetworkCategory][] = [
  ['s7plus-', 'S7PLUS', 'control'],
  ['s7-', 'S7', 'control'],
  ['enip-', 'ENIP', 'control'],
  ['modbus-', 'MODBUS', 'control'],
  ['dnp3-', 'DNP3', 'control'],
  ['iec104-', 'IEC104', 'control'],
  ['opcua-', 'OPCUA', 'control'],
  ['bacnet-', 'BACNET', 'control'],
  ['pn-', 'PROFINET', 'field'],
  ['smb-', 'SMB', 'net'],
  ['gre-', 'TUNNELING', 'net'],
  ['http-', 'WEB', 'net'],
  ['dns-', 'DNS', 'net'],
  ['ftp-', 'FTP', 'net'],
];

/** Property values that mean an operation on a controller (guide 2.1: "Program Download"). */
const OPERATIONS: readonly [RegExp, string, RegExp, TagClass][] = [
  [/-cpustatechange$/, 'START_CPU', /start/i, 'important'],
  [/-cpustatechange$/, 'STOP_CPU', /stop/i, 'important'],
  [/-programdownload$/, 'PROGRAM_DOWNLOAD', /./, 'important'],
  [/-programupload$/, 'PROGRAM_UPLOAD', /./, 'important'],
  [/-(function|command)$/, 'READ_VAR', /read/i, 'info'],
  [/-(function|command)$/, 'WRITE_VAR', /write/i, 'info'],
];

/**
 * The tags the Knowledge DB itself marks important wherever it sets them: the controller
 * operations above, and INSECURE (a clear-text or obsolete protocol, see classify()).
 */
export const KDB_IMPORTANT_TAGS: ReadonlySet<string> = new Set([...OPERATIONS.filter((o) => o[3] === 'important').map((o) => o[1]), 'INSECURE']);

export interface Classification {
  networkCategory: NetworkCategory;
  flowTags: Record<string, TagClass>;
  srcTags: Record<string, TagClass>;
  dstTags: Record<string, TagClass>;
}

const NETCAT_RANK: Record<NetworkCategory, number> = { eth: 0, net: 1, control: 2, field: 3 };

function raise(current: NetworkCategory, next: NetworkCategory): NetworkCategory {
  return NETCAT_RANK[next] > NETCAT_RANK[current] ? next : current;
}

/**
 * Classifies a flow: the most specific network category seen wins (field > control > net >
 * eth), every protocol recognised adds its tag. Pure.
 */
export function classify(flow: {
  ethertype: string | null;
  protocol: string | null;
  srcPort: number | null;
  dstPort: number | null;
  properties: Record<string, string>;
}): Classification {
  const out: Classification = { networkCategory: 'eth', flowTags: {}, srcTags: {}, dstTags: {} };
  if (flow.ethertype === 'IPv4' || flow.ethertype === 'IPv6') out.networkCategory = 'net';
  if (flow.ethertype === 'ARP') out.flowTags['ARP'] = 'info';
  if (flow.ethertype === 'LLDP') out.flowTags['LLDP'] = 'info';
  if (flow.ethertype === 'Profinet') {
    out.flowTags['PROFINET'] = 'info';
    out.networkCategory = 'field';
  }
  if (flow.protocol === 'GRE') out.flowTags['TUNNELING'] = 'info';
  for (const port of [flow.dstPort, flow.srcPort]) {
    const known = port == null ? undefined : KDB_PORTS.get(port);
    if (!known) continue;
    out.flowTags[known.tag] = 'info';
    out.networkCategory = raise(out.networkCategory, known.netcat);
    if (known.insecure) out.flowTags['INSECURE'] = 'important';
    if (known.serverTag) {
      const side = port === flow.dstPort ? out.dstTags : out.srcTags;
      side[known.serverTag] = 'info';
    }
    break; // the server port decides; the client's ephemeral port is noise
  }
  for (const [name, value] of Object.entries(flow.properties)) {
    for (const [prefix, tag, netcat] of PROPERTY_PREFIXES) {
      if (name.startsWith(prefix)) {
        out.flowTags[tag] = 'info';
        out.networkCategory = raise(out.networkCategory, netcat);
        break;
      }
    }
    for (const [re, tag, valueRe, cls] of OPERATIONS) {
      if (re.test(name) && valueRe.test(value)) out.flowTags[tag] = cls;
    }
    if (name === 'smb-version1' && value === 'yes') out.flowTags['INSECURE'] = 'important';
  }
  return out;
}

/** guide 6.6.1: the "New component detected" sample. */
export function newComponentEvent(ip: string | null, mac: string, vendor: string | undefined): EventSpec {
  const parts = [ip ? `IP ${ip}` : null, `MAC ${mac}`, vendor ? `vendor ${vendor}` : null].filter(Boolean);
  const message = `New component detected on the network: ${parts.join(', ')}`;
  return { severity: 'High', type: 'Classification', family: 'Component', category: 'Identification', shortMessage: 'New component detected', message };
}

/** Operations on a controller that a Center turns into events (guide 2.1: "Program Download"). */
export const OPERATION_EVENTS: Record<string, Omit<EventSpec, 'message'>> = {
  PROGRAM_DOWNLOAD: { severity: 'High', type: 'Behavioral', family: 'PLC Control', category: 'Configuration', shortMessage: 'Program download detected' },
  PROGRAM_UPLOAD: { severity: 'Medium', type: 'Behavioral', family: 'PLC Control', category: 'Configuration', shortMessage: 'Program upload detected' },
  START_CPU: { severity: 'High', type: 'Behavioral', family: 'PLC Control', category: 'Run Orders', shortMessage: 'Start CPU detected' },
  STOP_CPU: { severity: 'Very High', type: 'Behavioral', family: 'PLC Control', category: 'Run Orders', shortMessage: 'Stop CPU detected' },
};

/** Flow properties that carry credentials in clear: the user's and the secret's, as the dissectors name them. */
const CREDENTIALS: readonly { protocol: string; user: string | null; password: string; algo: CredentialAlgo }[] = [
  { protocol: 'FTP', user: 'ftp-user', password: 'ftp-password', algo: 'plaintext' },
  { protocol: 'Telnet', user: 'telnet-login', password: 'telnet-password', algo: 'plaintext' },
  // HTTP basic authentication: the header is base64, the dissector decodes it.
  { protocol: 'HTTP', user: 'http-user', password: 'http-password', algo: 'base64' },
  // An SNMPv1/v2c community is a password without a user.
  { protocol: 'SNMP', user: null, password: 'snmp-community', algo: 'plaintext' },
];

/** The credentials a flow carries in clear (the server accepted them), or undefined. Pure. */
export function credentialsOf(properties: Readonly<Record<string, string>>): CredentialSpec[] | undefined {
  let out: CredentialSpec[] | undefined;
  for (const c of CREDENTIALS) {
    const password = properties[c.password];
    if (password === undefined) continue;
    (out ??= []).push({ protocol: c.protocol, username: c.user === null ? '' : (properties[c.user] ?? ''), password, algo: c.algo });
  }
  return out;
}
