/**
 * Well-known vulnerabilities of the plant's device families, as the Knowledge DB would match
 * them (guide 5.2: "the list of Vulnerabilities are the ones impacting this Component"), and the
 * properties a match rests on (API 3.0 `reasons`). CVE ids, scores, vectors and advisory ids are
 * the published ones; texts are summaries. The Knowledge DB holds them among its synthetic
 * entries (src/seed/knowledge/catalogue.ts); only these match the plant.
 */
import { uuidv5 } from '../../domain/ids.js';
import type { MatchReason, Vulnerability } from '../../domain/vulnerability.js';
import { knowledgeEntry, nvdLink } from '../knowledge/entries.js';
import type { Device } from './topology.js';

interface Cve {
  cve: string;
  title: string;
  summary: string;
  solution: string;
  cvss: number;
  vector: string;
  published: string;
  /** The vendor's advisory id, when the vendor published one. */
  vendorId?: string;
  /** More links than the NVD page. */
  links?: { title: string; link: string }[];
  matches(d: Device): boolean;
  reasons: MatchReason[];
}

const siemensCert = (ssa: string) => ({ vendorId: ssa, links: [{ title: 'Siemens ProductCERT', link: `https://cert-portal.siemens.com/productcert/pdf/${ssa.toLowerCase()}.pdf` }] });
const MODEL: MatchReason[] = ['model-ref'];
const FIRMWARE: MatchReason[] = ['fw-version'];
const OS: MatchReason[] = ['os-name', 'os-version'];

const fam = (...families: string[]) => (d: Device) => families.includes(d.model.family);
const os = (re: RegExp) => (d: Device) => d.os !== null && re.test(d.os);
const FULL = 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

export const CVES: readonly Cve[] = [
  {
    cve: 'CVE-2020-15782', cvss: 8.1, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', published: '2021-05-28',
    title: 'SIMATIC S7-1200 and S7-1500 CPU memory protection bypass',
    summary: 'An unauthenticated attacker with network access to TCP port 102 could write arbitrary data and code to protected memory areas or read sensitive data to launch further attacks.',
    solution: 'Update the CPU firmware to the version named in the Siemens advisory SSA-434534 and restrict access to port 102 (defense-in-depth, cell protection).',
    matches: fam('S7-1200', 'S7-1500'),
    reasons: MODEL, ...siemensCert('SSA-434534'),
  },
  {
    cve: 'CVE-2019-13945', cvss: 6.8, vector: 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', published: '2020-04-14',
    title: 'SIMATIC S7-1200 hardware-based special access mode',
    summary: 'The bootloader of the S7-1200 CPU family exposes a special access mode over a UART interface that an attacker with physical access could use to bypass protections.',
    solution: 'Restrict physical access to the controllers; apply the measures of Siemens advisory SSA-686531.',
    matches: fam('S7-1200'),
    reasons: MODEL, ...siemensCert('SSA-686531'),
  },
  {
    cve: 'CVE-2016-9159', cvss: 5.9, vector: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', published: '2016-12-17',
    title: 'SIMATIC S7-300 and S7-400 credentials disclosure',
    summary: 'An attacker with network access to port 102/tcp could obtain credentials from the PLC if Protection-level 2 is configured.',
    solution: 'Restrict network access to the CPUs; follow Siemens advisory SSA-731239.',
    matches: fam('S7-300', 'S7-400'),
    reasons: MODEL, ...siemensCert('SSA-731239'),
  },
  {
    cve: 'CVE-2017-2680', cvss: 6.5, vector: 'CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', published: '2017-05-11',
    title: 'PROFINET DCP denial of service in Siemens products',
    summary: 'Specially crafted PROFINET DCP broadcast packets sent on the local Ethernet segment could cause a denial of service of the affected device.',
    solution: 'Update the firmware as described in Siemens advisory SSA-293562; segment PROFINET networks.',
    matches: (d) => d.vendor.key === 'siemens' && ['S7-300', 'S7-400', 'ET 200SP', 'ET 200MP', 'SINAMICS', 'SCALANCE'].includes(d.model.family),
    reasons: MODEL, ...siemensCert('SSA-293562'),
  },
  {
    cve: 'CVE-2014-0160', cvss: 7.5, vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', published: '2014-04-07',
    title: 'OpenSSL TLS heartbeat information disclosure (Heartbleed)',
    summary: 'The TLS heartbeat extension of OpenSSL 1.0.1 before 1.0.1g lets remote attackers read process memory, including private keys.',
    solution: 'Update the device firmware to a version built with a fixed OpenSSL and renew its certificates.',
    matches: (d) => d.model.family === 'SCALANCE' || d.model.family === 'RS20',
    reasons: FIRMWARE,
  },
  {
    cve: 'CVE-2021-22681', cvss: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', published: '2021-03-03',
    title: 'Rockwell Logix controllers authentication bypass',
    summary: 'Studio 5000 Logix Designer uses a key to verify Logix controllers are communicating with it; an attacker who obtains the key could connect and alter the configuration or application code.',
    solution: 'Follow Rockwell Automation advisory PN1550: enable CIP Security where supported, set the controller mode switch to RUN, segment the network.',
    matches: fam('CompactLogix', 'ControlLogix'),
    reasons: MODEL, vendorId: 'PN1550', links: [{ title: 'ICS Cert', link: 'https://us-cert.cisa.gov/ics/advisories/icsa-21-056-03' }],
  },
  {
    cve: 'CVE-2022-1161', cvss: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', published: '2022-04-01',
    title: 'Rockwell Logix controllers: running code may differ from the project',
    summary: 'An attacker with network access could modify the executed code of the controller while the compiled program shown to the engineering tool stays unchanged.',
    solution: 'Update the controller firmware per Rockwell Automation advisory PN1588 and monitor program changes.',
    matches: fam('CompactLogix', 'ControlLogix'),
    reasons: MODEL, vendorId: 'PN1588', links: [{ title: 'us-cert.cisa.gov', link: 'https://us-cert.cisa.gov/ics/advisories/ICSA-22-090-05' }],
  },
  {
    cve: 'CVE-2021-22779', cvss: 9.8, vector: `CVSS:3.1/${FULL}`, published: '2021-07-14',
    title: 'Modicon M340/M580 authentication bypass (UMAS)',
    summary: 'An authentication bypass by spoofing in Modicon controllers lets an unauthenticated attacker access the controller over Modbus/UMAS and reserve it, then send unauthorized commands.',
    solution: 'Apply Schneider Electric security notification SEVD-2021-194-01: update EcoStruxure Control Expert and the CPU firmware, enable application password.',
    matches: fam('Modicon M340', 'Modicon M580'),
    reasons: MODEL, vendorId: 'SEVD-2021-194-01',
  },
  {
    cve: 'CVE-2019-12256', cvss: 9.8, vector: `CVSS:3.1/${FULL}`, published: '2019-08-09',
    title: 'Wind River VxWorks IPnet stack overflow (URGENT/11)',
    summary: 'A stack overflow in the IPv4 options parsing of the IPnet TCP/IP stack of VxWorks allows remote code execution.',
    solution: 'Update the firmware with the fixed stack as published by the device vendor; filter malformed IP options at the cell boundary.',
    matches: fam('Modicon M580', 'ControlLogix'),
    reasons: FIRMWARE,
  },
  {
    cve: 'CVE-2018-0171', cvss: 9.8, vector: `CVSS:3.0/${FULL}`, published: '2018-03-28',
    title: 'Cisco IOS Smart Install remote code execution',
    summary: 'Improper validation of Smart Install packet data on TCP port 4786 lets an unauthenticated remote attacker reload the device or execute arbitrary code.',
    solution: 'Disable Smart Install ("no vstack") or upgrade Cisco IOS to a fixed release.',
    matches: fam('IE4000', 'Stratix'),
    reasons: FIRMWARE, vendorId: 'cisco-sa-20180328-smi2',
  },
  {
    cve: 'CVE-2017-6736', cvss: 8.8, vector: 'CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', published: '2017-07-17',
    title: 'Cisco IOS SNMP remote code execution',
    summary: 'Buffer overflows in the SNMP subsystem of Cisco IOS allow an authenticated remote attacker to execute code or reload the device.',
    solution: 'Upgrade Cisco IOS; restrict SNMP to management hosts and use SNMPv3.',
    matches: fam('IE4000', 'Stratix'),
    reasons: FIRMWARE, vendorId: 'cisco-sa-20170629-snmp',
  },
  {
    cve: 'CVE-2023-20198', cvss: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', published: '2023-10-16',
    title: 'Cisco IOS XE web UI privilege escalation',
    summary: 'The web UI of Cisco IOS XE lets a remote unauthenticated attacker create an account with privilege level 15 and take control of the device.',
    solution: 'Disable the HTTP server feature ("no ip http server") on Internet-facing systems and upgrade Cisco IOS XE.',
    matches: fam('IE3400', 'Catalyst 9300', 'IR1101'),
    reasons: FIRMWARE, vendorId: 'cisco-sa-iosxe-webui-privesc-j22SaA4z',
  },
  {
    cve: 'CVE-2018-13379', cvss: 9.8, vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', published: '2019-06-04',
    title: 'FortiOS SSL VPN path traversal',
    summary: 'A path traversal in the FortiOS SSL VPN web portal lets an unauthenticated attacker download system files such as session credentials.',
    solution: 'Upgrade FortiOS and reset the SSL VPN credentials.',
    matches: fam('FortiGate'),
    reasons: FIRMWARE, vendorId: 'FG-IR-18-384',
  },
  {
    cve: 'CVE-2017-0144', cvss: 8.1, vector: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', published: '2017-03-17',
    title: 'Windows SMBv1 remote code execution (EternalBlue)',
    summary: 'The SMBv1 server in Microsoft Windows lets remote attackers execute arbitrary code via crafted packets.',
    solution: 'Apply Microsoft security update MS17-010 and disable SMBv1.',
    matches: os(/Windows (7|XP)|2008/),
    reasons: OS, vendorId: 'MS17-010',
  },
  {
    cve: 'CVE-2019-0708', cvss: 9.8, vector: `CVSS:3.0/${FULL}`, published: '2019-05-16',
    title: 'Remote Desktop Services remote code execution (BlueKeep)',
    summary: 'An unauthenticated attacker connecting with RDP can execute arbitrary code on the target system before authentication.',
    solution: 'Apply the May 2019 security update; enable Network Level Authentication; block TCP 3389 at the perimeter.',
    matches: os(/Windows (7|XP)|2008/),
    reasons: OS,
  },
  {
    cve: 'CVE-2020-0796', cvss: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', published: '2020-03-12',
    title: 'Windows SMBv3 compression remote code execution (SMBGhost)',
    summary: 'The SMBv3.1.1 protocol mishandles compressed messages, letting an attacker execute code on an SMB server or client.',
    solution: 'Apply update KB4551762 or disable SMBv3 compression.',
    matches: os(/1909/),
    reasons: OS, vendorId: 'ADV200005',
  },
  {
    cve: 'CVE-2021-34527', cvss: 8.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', published: '2021-07-02',
    title: 'Windows Print Spooler remote code execution (PrintNightmare)',
    summary: 'The Windows Print Spooler service improperly performs privileged file operations, letting an authenticated attacker run code with SYSTEM privileges.',
    solution: 'Install the July 2021 security updates and disable the Print Spooler service where printing is not needed.',
    matches: os(/^Windows/),
    reasons: OS,
  },
  {
    cve: 'CVE-2020-1472', cvss: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', published: '2020-08-17',
    title: 'Netlogon elevation of privilege (Zerologon)',
    summary: 'An attacker on the network can establish a vulnerable Netlogon secure channel to a domain controller and obtain domain administrator access.',
    solution: 'Apply the August 2020 security update to every domain controller and enforce secure RPC.',
    matches: (d) => d.fn === 'ot-dc' || d.fn === 'it-dc',
    reasons: ['os-name'],
  },
  {
    cve: 'CVE-2021-44228', cvss: 10.0, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', published: '2021-12-10',
    title: 'Apache Log4j2 JNDI remote code execution (Log4Shell)',
    summary: 'JNDI features in Log4j2 configuration, log messages and parameters do not protect against attacker-controlled LDAP endpoints, allowing remote code execution.',
    solution: 'Upgrade Log4j to 2.17.1 or later in the reporting application.',
    matches: (d) => d.fn === 'web',
    reasons: ['model-name'],
  },
];

export function vulnerabilityOf(c: Cve): Vulnerability {
  return knowledgeEntry({
    id: uuidv5(`vulnerability|${c.cve}`),
    cve: c.cve,
    title: c.title,
    summary: c.summary,
    solution: c.solution,
    cvss: c.cvss,
    vector: c.vector,
    publishTime: Date.parse(`${c.published}T00:00:00Z`) * 1000,
    ...(c.vendorId === undefined ? {} : { vendorId: c.vendorId }),
    links: [nvdLink(c.cve), ...(c.links ?? [])],
  });
}
