/**
 * The kinds of conversation the plant holds, as a sensor would report them: ethertype, transport,
 * server port, the flow properties its dissectors find (guide 5.3.2, 6.4, 7.2 samples), typical
 * packet counts, and sample contents. Indexes into KINDS are stored in typed arrays.
 */
import type { ObservedContent } from '../../ingest/observation.js';
import { type RequestSpec, dnsNames, httpHosts, smbShares } from './requests.js';

type Props = Record<string, string>;

export interface KindSpec {
  key: string;
  ethertype: 'IPv4' | 'ARP' | 'LLDP' | 'Profinet';
  protocol: 'TCP' | 'UDP' | null;
  /** Server port; -1 for L2 kinds or when each flow has its own (scans, HTTP on 80/8080). */
  dport: number;
  /** Client port when fixed by the protocol (NTP 123, BACnet 47808, CIP I/O 2222). */
  sport?: number;
  revealSrc: boolean;
  revealDst: boolean;
  /** Flow properties, one set per variant (variant 0 is the usual one). */
  variants: readonly Props[];
  /** Copy the server's identity properties with these prefixes onto the flow (guide 6.4.2 sample). */
  identityPrefix?: string;
  /** Operation sessions: one observation per entry, each with these flow properties. */
  ops?: readonly Props[];
  contents?: readonly (readonly ObservedContent[])[];
  /** Per observation, client→server then server→client: [packets, L2 bytes, L7 bytes]. */
  c2s: readonly [number, number, number];
  s2c: readonly [number, number, number];
  /** Share of the extra observations a long-lived flow of this kind receives. */
  repWeight: number;
  /** Session lengths (seconds) when the kind is used as a short conversation. */
  session: readonly [number, number];
  /** A value each flow of this kind requests (one per flow, drawn when the flow is made). */
  requests?: RequestSpec;
}

const C2S = 'Client→Server' as const;
const S2C = 'Server→Client' as const;
const content = (c2s: Props, s2c: Props): readonly ObservedContent[] => [
  { direction: C2S, content: c2s },
  { direction: S2C, content: s2c },
];

function k<K extends string>(
  spec: Omit<KindSpec, 'key' | 'revealSrc' | 'revealDst' | 'variants' | 'repWeight' | 'session'> & Partial<KindSpec> & { key: K },
): KindSpec & { key: K } {
  return { revealSrc: false, revealDst: false, variants: [{}], repWeight: 0.2, session: [1, 600], ...spec };
}

export const KINDS = [
  k({
    key: 'S7_POLL', ethertype: 'IPv4', protocol: 'TCP', dport: 102, revealDst: true, identityPrefix: 's7-',
    variants: [
      { 'cotp-dst-tsap': '100', 's7-function': 'read-var', 's7-mode': 'job' },
      { 'cotp-dst-tsap': '100', 's7-function': 'write-var', 's7-mode': 'job' },
      { 'cotp-dst-tsap': '100', 's7-function': 'NONE', 's7-mode': 'userdata' },
    ],
    contents: [
      content({ 's7-function': 'read-var', 's7-item': 'DB10.DBW4', 's7-item-count': '8' }, { 's7-return-code': 'success' }),
      content({ 's7-function': 'write-var', 's7-item': 'DB20.DBD12', 's7-item-count': '1' }, { 's7-return-code': 'success' }),
      content({ 's7-function': 'read-szl', 's7-szl-id': '0x0011' }, { 's7-return-code': 'success' }),
    ],
    c2s: [10, 920, 310], s2c: [10, 1380, 760], repWeight: 10, session: [600, 43_200],
  }),
  k({
    key: 'S7PLUS_POLL', ethertype: 'IPv4', protocol: 'TCP', dport: 102, revealDst: true, identityPrefix: 's7plus-',
    variants: [
      { 'cotp-dst-tsap': '0', 's7plus-function': 'read-var' },
      { 'cotp-dst-tsap': '0', 's7plus-function': 'write-var' },
      { 'cotp-dst-tsap': '0', 's7plus-function': 'explore' },
    ],
    contents: [
      content({ 's7plus-function': 'read-var', 's7plus-opcode': 'GetMultiVariables' }, { 's7plus-return-code': 'ok' }),
      content({ 's7plus-function': 'write-var', 's7plus-opcode': 'SetMultiVariables' }, { 's7plus-return-code': 'ok' }),
      content({ 's7plus-function': 'explore', 's7plus-opcode': 'Explore' }, { 's7plus-return-code': 'ok' }),
    ],
    c2s: [14, 1560, 620], s2c: [14, 2210, 1190], repWeight: 10, session: [600, 43_200],
  }),
  k({
    key: 'S7_OP', ethertype: 'IPv4', protocol: 'TCP', dport: 102, revealDst: true,
    ops: [
      { 'cotp-dst-tsap': '100', 's7-function': 'plc-stop', 's7-cpustatechange': 'stop-cpu' },
      { 's7-function': 'download', 's7-programdownload': 'download' },
      { 's7-function': 'plc-control', 's7-cpustatechange': 'start-cpu' },
    ],
    contents: [
      content({ 's7-function': 'plc-stop' }, { 's7-return-code': 'success' }),
      content({ 's7-function': 'request-download', 's7-block': 'OB1' }, { 's7-return-code': 'success' }),
      content({ 's7-function': 'plc-control', 's7-pi-service': '_PROGRAM' }, { 's7-return-code': 'success' }),
    ],
    c2s: [60, 48_000, 39_000], s2c: [55, 6200, 1900], repWeight: 0,
  }),
  k({
    key: 'S7PLUS_OP', ethertype: 'IPv4', protocol: 'TCP', dport: 102, revealDst: true,
    ops: [
      { 'cotp-dst-tsap': '0', 's7plus-cpustatechange': 'stop-cpu' },
      { 's7plus-programdownload': 'download' },
      { 's7plus-cpustatechange': 'start-cpu' },
    ],
    contents: [
      content({ 's7plus-opcode': 'SetVariable', 's7plus-function': 'cpu-stop' }, { 's7plus-return-code': 'ok' }),
      content({ 's7plus-opcode': 'CreateObject', 's7plus-function': 'download', 's7plus-block': 'Main [OB1]' }, { 's7plus-return-code': 'ok' }),
      content({ 's7plus-opcode': 'SetVariable', 's7plus-function': 'cpu-start' }, { 's7plus-return-code': 'ok' }),
    ],
    c2s: [90, 81_000, 66_000], s2c: [80, 9100, 2600], repWeight: 0,
  }),
  k({
    key: 'S7PLUS_UPLOAD', ethertype: 'IPv4', protocol: 'TCP', dport: 102, revealDst: true,
    ops: [{ 'cotp-dst-tsap': '0', 's7plus-programupload': 'explore' }],
    c2s: [40, 3900, 1400], s2c: [45, 52_000, 44_000], repWeight: 0,
  }),
  k({
    key: 'ENIP_POLL', ethertype: 'IPv4', protocol: 'TCP', dport: 44818, revealDst: true, identityPrefix: 'enip-',
    variants: [
      { 'enip-cip-request': 'true', 'enip-command': 'read-tag', 'enip-location': 'Endpoint', 'enip-status-ra-major': 'REM', 'enip-status-ra-minor': 'RUN' },
      { 'enip-cip-request': 'true', 'enip-command': 'write-tag', 'enip-location': 'Endpoint', 'enip-status-ra-major': 'REM', 'enip-status-ra-minor': 'RUN' },
      { 'enip-cip-request': 'false', 'enip-event': 'Generic', 'enip-location': 'Endpoint', 'enip-value': 'RA-ProgramName' },
    ],
    contents: [
      content({ 'enip-command': 'read-tag', 'enip-service': 'Read Tag Service (0x4c)' }, { 'enip-general-status': 'Success' }),
      content({ 'enip-command': 'write-tag', 'enip-service': 'Write Tag Service (0x4d)' }, { 'enip-general-status': 'Success' }),
      content({ 'enip-command': 'list-identity' }, { 'enip-general-status': 'Success' }),
    ],
    c2s: [12, 1210, 480], s2c: [12, 1690, 920], repWeight: 10, session: [600, 43_200],
  }),
  k({
    key: 'ENIP_OP', ethertype: 'IPv4', protocol: 'TCP', dport: 44818, revealDst: true,
    ops: [
      { 'enip-cip-request': 'true', 'enip-cpustatechange': 'stop-cpu', 'enip-status-ra-minor': 'PROG' },
      { 'enip-programdownload': 'download' },
      { 'enip-cpustatechange': 'start-cpu', 'enip-status-ra-minor': 'RUN' },
    ],
    c2s: [70, 64_000, 52_000], s2c: [66, 7300, 2100], repWeight: 0,
  }),
  k({
    key: 'CIP_IO', ethertype: 'IPv4', protocol: 'UDP', dport: 2222, sport: 2222,
    variants: [{ 'cip-io-rpi': '10 ms' }, { 'cip-io-rpi': '20 ms' }],
    c2s: [6000, 576_000, 240_000], s2c: [6000, 600_000, 264_000], repWeight: 6,
  }),
  k({
    key: 'MODBUS_POLL', ethertype: 'IPv4', protocol: 'TCP', dport: 502, revealDst: true,
    variants: [
      { 'modbus-function': 'read holding registers', 'modbus-unit-id': '1' },
      { 'modbus-function': 'write multiple registers', 'modbus-unit-id': '1' },
      { 'modbus-function': 'read input registers', 'modbus-unit-id': '255' },
      { 'modbus-function': 'read coils', 'modbus-unit-id': '2' },
    ],
    contents: [
      content({ 'modbus-function': 'read holding registers', 'modbus-address': '40001', 'modbus-quantity': '10' }, { 'modbus-function': 'read holding registers', 'modbus-byte-count': '20' }),
      content({ 'modbus-function': 'write multiple registers', 'modbus-address': '40101', 'modbus-quantity': '2' }, { 'modbus-function': 'write multiple registers' }),
      content({ 'modbus-function': 'read input registers', 'modbus-address': '30001', 'modbus-quantity': '4' }, { 'modbus-byte-count': '8' }),
      content({ 'modbus-function': 'read coils', 'modbus-address': '00001', 'modbus-quantity': '16' }, { 'modbus-byte-count': '2' }),
    ],
    c2s: [20, 1320, 240], s2c: [20, 1560, 480], repWeight: 10, session: [600, 43_200],
  }),
  k({
    key: 'MODBUS_OP', ethertype: 'IPv4', protocol: 'TCP', dport: 502, revealDst: true,
    ops: [
      { 'modbus-function': 'umas', 'modbus-umas-cpustatechange': 'stop-cpu' },
      { 'modbus-umas-programdownload': 'download' },
      { 'modbus-umas-cpustatechange': 'start-cpu' },
    ],
    c2s: [80, 70_000, 61_000], s2c: [78, 6400, 1500], repWeight: 0,
  }),
  k({
    key: 'DNP3', ethertype: 'IPv4', protocol: 'TCP', dport: 20000,
    variants: [
      { 'dnp3-function': 'read', 'dnp3-src-address': '1', 'dnp3-dst-address': '10' },
      { 'dnp3-function': 'write', 'dnp3-src-address': '1', 'dnp3-dst-address': '10' },
      { 'dnp3-function': 'direct operate', 'dnp3-src-address': '1', 'dnp3-dst-address': '20' },
    ],
    contents: [content({ 'dnp3-function': 'read', 'dnp3-object': 'Class 0 data' }, { 'dnp3-function': 'response', 'dnp3-iin': '0x0000' })],
    c2s: [8, 640, 160], s2c: [8, 1280, 720], repWeight: 8, session: [600, 43_200],
  }),
  k({
    key: 'IEC104', ethertype: 'IPv4', protocol: 'TCP', dport: 2404,
    variants: [
      { 'iec104-asdu-type': 'M_ME_NC_1', 'iec104-common-address': '1', 'iec104-cot': 'spont' },
      { 'iec104-asdu-type': 'C_SC_NA_1', 'iec104-common-address': '1', 'iec104-cot': 'act' },
    ],
    contents: [content({ 'iec104-asdu-type': 'C_IC_NA_1', 'iec104-cot': 'act' }, { 'iec104-asdu-type': 'M_ME_NC_1', 'iec104-cot': 'inrogen' })],
    c2s: [10, 720, 160], s2c: [30, 2700, 1140], repWeight: 8, session: [600, 43_200],
  }),
  k({
    key: 'OPCUA', ethertype: 'IPv4', protocol: 'TCP', dport: 4840, revealDst: true,
    variants: [
      { 'opcua-security-policy': 'Basic256Sha256', 'opcua-security-mode': 'SignAndEncrypt', 'opcua-function': 'read' },
      { 'opcua-security-policy': 'None', 'opcua-security-mode': 'None', 'opcua-function': 'read' },
    ],
    c2s: [30, 4200, 2300], s2c: [30, 9800, 7900], repWeight: 6, session: [600, 43_200],
  }),
  k({
    key: 'BACNET', ethertype: 'IPv4', protocol: 'UDP', dport: 47808, sport: 47808, revealDst: true,
    variants: [
      { 'bacnet-service': 'readProperty', 'bacnet-function': 'read-property' },
      { 'bacnet-service': 'writeProperty', 'bacnet-function': 'write-property' },
    ],
    c2s: [40, 2800, 720], s2c: [40, 3600, 1520], repWeight: 5,
  }),
  k({
    key: 'PROFINET', ethertype: 'Profinet', protocol: null, dport: -1, revealSrc: true, revealDst: true,
    variants: [{ 'pn-frame': 'RT_CLASS_1', 'pn-cycle-time': '4 ms' }, { 'pn-frame': 'RT_CLASS_1', 'pn-cycle-time': '2 ms' }],
    c2s: [15_000, 960_000, 600_000], s2c: [15_000, 960_000, 600_000], repWeight: 6,
  }),
  k({ key: 'ARP', ethertype: 'ARP', protocol: null, dport: -1, revealSrc: true, c2s: [4, 240, 112], s2c: [0, 0, 0], repWeight: 1 }),
  k({ key: 'LLDP', ethertype: 'LLDP', protocol: null, dport: -1, revealSrc: true, c2s: [10, 2900, 2760], s2c: [0, 0, 0], repWeight: 2 }),
  k({
    key: 'DNS', ethertype: 'IPv4', protocol: 'UDP', dport: 53,
    variants: [{ 'dns-query-type': 'A' }, { 'dns-query-type': 'AAAA' }, { 'dns-query-type': 'SRV' }, { 'dns-query-type': 'PTR' }],
    requests: { property: 'dns-query-name', values: dnsNames },
    c2s: [1, 86, 44], s2c: [1, 134, 92], repWeight: 0, session: [0.01, 0.2],
  }),
  k({
    key: 'SMB', ethertype: 'IPv4', protocol: 'TCP', dport: 445, revealSrc: true, revealDst: true,
    variants: [
      { 'smb-command': 'smb-command-negotiate', 'smb-dialect-selected': '3.1.1', 'smb-version': '2', 'smb-version2': 'yes' },
      // guide 7.2: an SMBv1 negotiation, tagged Insecure.
      { 'smb-command': 'smb-command-negotiate', 'smb-dialect-proposed': 'NT LM 0.12,SMB 2.002,SMB 2.???', 'smb-dialect-selected': '2.*', 'smb-version': '1', 'smb-version1': 'yes', 'smb-version2': 'yes' },
    ],
    requests: { property: 'smb-share', values: smbShares },
    c2s: [120, 38_000, 29_000], s2c: [140, 164_000, 151_000], repWeight: 0.5, session: [60, 28_800],
  }),
  k({
    key: 'HTTPS', ethertype: 'IPv4', protocol: 'TCP', dport: 443, variants: [{ 'tls-version': 'TLS 1.2' }, { 'tls-version': 'TLS 1.3' }],
    requests: { property: 'tls-server-name', values: (c) => [c.internet ? c.server : `${c.server}.${c.serverDomain}`] },
    c2s: [18, 2900, 1700], s2c: [24, 31_000, 29_400], repWeight: 0.1, session: [1, 300],
  }),
  k({
    key: 'HTTP', ethertype: 'IPv4', protocol: 'TCP', dport: -1,
    variants: [
      { 'http-method': 'GET' },
      { 'http-method': 'CONNECT' },
      { 'http-method': 'POST' },
      // A camera's web page with its factory account, in HTTP basic authentication.
      { 'http-method': 'GET', 'http-authorization': 'Basic', 'http-user': 'root', 'http-password': 'pass' },
    ],
    requests: { property: 'http-host', values: httpHosts },
    c2s: [10, 1400, 700], s2c: [12, 9800, 9000], repWeight: 0.1, session: [1, 120],
  }),
  k({ key: 'RDP', ethertype: 'IPv4', protocol: 'TCP', dport: 3389, revealSrc: true, revealDst: true, variants: [{ 'rdp-security': 'CredSSP' }, { 'rdp-security': 'TLS' }], c2s: [4000, 520_000, 310_000], s2c: [5200, 2_900_000, 2_600_000], repWeight: 0.5, session: [600, 10_800] }),
  k({ key: 'NTP', ethertype: 'IPv4', protocol: 'UDP', dport: 123, sport: 123, variants: [{ 'ntp-version': '4', 'ntp-mode': 'client' }, { 'ntp-version': '3', 'ntp-mode': 'client' }], c2s: [16, 1440, 768], s2c: [16, 1440, 768], repWeight: 2 }),
  // SNMPv2c sends its community in clear.
  k({ key: 'SNMP', ethertype: 'IPv4', protocol: 'UDP', dport: 161, revealDst: true, variants: [{ 'snmp-version': 'v2c', 'snmp-community': 'public' }, { 'snmp-version': 'v3' }], c2s: [30, 2700, 1440], s2c: [30, 5100, 3800], repWeight: 3, session: [1, 30] }),
  k({ key: 'SSH', ethertype: 'IPv4', protocol: 'TCP', dport: 22, variants: [{ 'ssh-client-version': 'SSH-2.0-OpenSSH_8.9p1', 'ssh-server-version': 'SSH-2.0-Cisco-1.25' }], c2s: [40, 5200, 2100], s2c: [44, 9800, 6300], repWeight: 0.1, session: [30, 1800] }),
  k({ key: 'KERBEROS', ethertype: 'IPv4', protocol: 'TCP', dport: 88, revealSrc: true, variants: [{ 'kerberos-realm': 'CORP.PLANT.LOCAL' }, { 'kerberos-realm': 'OT.PLANT.LOCAL' }], c2s: [6, 3100, 2700], s2c: [6, 3400, 3000], repWeight: 0.2, session: [0.05, 1] }),
  k({ key: 'LDAP', ethertype: 'IPv4', protocol: 'TCP', dport: 389, variants: [{ 'ldap-operation': 'searchRequest' }], c2s: [8, 1900, 1300], s2c: [8, 6200, 5600], repWeight: 0.1, session: [0.1, 5] }),
  // A serial gateway's console, logged into with its factory account.
  k({ key: 'TELNET', ethertype: 'IPv4', protocol: 'TCP', dport: 23, variants: [{ 'telnet-login': 'admin', 'telnet-password': 'moxa' }], c2s: [60, 3900, 120], s2c: [58, 7100, 3300], repWeight: 0.1, session: [30, 900] }),
  k({ key: 'SCAN', ethertype: 'IPv4', protocol: 'TCP', dport: -1, c2s: [1, 74, 0], s2c: [1, 60, 0], repWeight: 0, session: [0.001, 0.01] }),
  k({ key: 'PI', ethertype: 'IPv4', protocol: 'TCP', dport: 5450, c2s: [400, 72_000, 46_000], s2c: [380, 31_000, 6000], repWeight: 4 }),
  k({ key: 'RTSP', ethertype: 'IPv4', protocol: 'TCP', dport: 554, revealDst: true, variants: [{ 'rtsp-method': 'PLAY' }], c2s: [300, 19_800, 900], s2c: [9000, 12_600_000, 12_000_000], repWeight: 3 }),
  k({ key: 'PRINT', ethertype: 'IPv4', protocol: 'TCP', dport: 9100, c2s: [220, 310_000, 296_000], s2c: [110, 7300, 0], repWeight: 0, session: [2, 60] }),
  // A controller's web pages or firmware sent by FTP, with the vendor's default account (Schneider, Wago).
  k({
    key: 'FTP', ethertype: 'IPv4', protocol: 'TCP', dport: 21,
    variants: [{ 'ftp-command': 'STOR', 'ftp-user': 'USER', 'ftp-password': 'USER' }, { 'ftp-command': 'STOR', 'ftp-user': 'admin', 'ftp-password': 'wago' }],
    c2s: [400, 520_000, 480_000], s2c: [300, 18_000, 1200], repWeight: 0, session: [5, 120],
  }),
] as const;

export type KindKey = (typeof KINDS)[number]['key'];
export const KIND = Object.fromEntries(KINDS.map((x, i) => [x.key, i])) as Record<KindKey, number>;
/** The specs as an array of the common type, for lookups by index. */
export const KIND_SPECS: readonly KindSpec[] = KINDS;
