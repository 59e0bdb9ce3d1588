/**
 * What the synthetic part of the Knowledge DB is made of: ICS and IT vendors with their
 * products and advisory pages, and the weaknesses their advisories describe (with the CVSS
 * metrics each weakness usually has). Pure data.
 */

export interface AdvisoryVendor {
  name: string;
  /** Where the vendor lists its advisories (a real index page, not a page per advisory). */
  psirt: { title: string; link: string };
  /** Whether ICS-CERT (CISA) republishes its advisories. */
  ics: boolean;
  /** The port or protocol its products are usually reached on. */
  service: string;
  products: readonly string[];
  /** Relative share of the catalogue. */
  weight: number;
}

export const ADVISORY_VENDORS: readonly AdvisoryVendor[] = [
  { name: 'Siemens', psirt: { title: 'Siemens ProductCERT', link: 'https://www.siemens.com/cert/advisories' }, ics: true, service: 'port 102/tcp', weight: 22,
    products: ['SIMATIC S7-1500 CPU family', 'SIMATIC S7-1200 CPU family', 'SIMATIC S7-300 CPU family', 'SIMATIC S7-400 CPU family', 'SIMATIC WinCC', 'SIMATIC PCS 7', 'SCALANCE X-200 switches', 'SCALANCE W700 devices', 'RUGGEDCOM ROS', 'SIPROTEC 5 relays', 'SINEC NMS', 'TIA Portal', 'SIMATIC HMI Comfort Panels', 'SINAMICS S120', 'SIMATIC ET 200SP'] },
  { name: 'Schneider Electric', psirt: { title: 'www.se.com', link: 'https://www.se.com/ww/en/work/support/cybersecurity/security-notifications.jsp' }, ics: true, service: 'port 502/tcp (Modbus)', weight: 16,
    products: ['Modicon M340', 'Modicon M580', 'Modicon M221', 'EcoStruxure Control Expert', 'EcoStruxure Operator Terminal Expert', 'Easergy P3 relays', 'PowerLogic ION meters', 'Triconex Tricon', 'Vijeo Designer', 'Harmony HMI'] },
  { name: 'Rockwell Automation', psirt: { title: 'Rockwell', link: 'https://www.rockwellautomation.com/en-us/trust-center/security-advisories.html' }, ics: true, service: 'port 44818/tcp (EtherNet/IP)', weight: 14,
    products: ['ControlLogix 5580', 'CompactLogix 5380', 'GuardLogix 5580', 'FactoryTalk View SE', 'FactoryTalk Linx', 'Studio 5000 Logix Designer', 'PanelView Plus 7', 'Stratix 5700', 'MicroLogix 1400', 'PowerFlex 525'] },
  { name: 'ABB', psirt: { title: 'ABB cyber security alerts', link: 'https://global.abb/group/en/technology/cyber-security/alerts-and-notifications' }, ics: true, service: 'port 2404/tcp (IEC 60870-5-104)', weight: 6,
    products: ['AC500 PLC', 'Relion 670 series', 'RTU500 series', 'System 800xA', 'Symphony Plus', 'Freelance'] },
  { name: 'Honeywell', psirt: { title: 'Honeywell product security', link: 'https://www.honeywell.com/us/en/product-security' }, ics: true, service: 'its control network ports', weight: 4,
    products: ['Experion PKS', 'ControlEdge PLC', 'Safety Manager'] },
  { name: 'Emerson', psirt: { title: 'Emerson security notifications', link: 'https://www.emerson.com/en-us/support/security-notifications' }, ics: true, service: 'its control network ports', weight: 3,
    products: ['DeltaV', 'Ovation', 'ROC800 RTU'] },
  { name: 'Mitsubishi Electric', psirt: { title: 'Mitsubishi Electric PSIRT', link: 'https://www.mitsubishielectric.com/en/psirt/' }, ics: true, service: 'port 5007/tcp (MELSEC)', weight: 5,
    products: ['MELSEC iQ-R series', 'MELSEC iQ-F series', 'GOT2000 HMI'] },
  { name: 'Omron', psirt: { title: 'Omron vulnerability information', link: 'https://www.omron.com/global/en/inquiry/vulnerability/' }, ics: true, service: 'port 9600/udp (FINS)', weight: 3,
    products: ['NJ/NX series controllers', 'CX-Programmer', 'Sysmac Studio'] },
  { name: 'Phoenix Contact', psirt: { title: 'Phoenix Contact PSIRT', link: 'https://www.phoenixcontact.com/psirt' }, ics: true, service: 'its web interface', weight: 4,
    products: ['PLCnext Control', 'FL SWITCH 2000', 'FL MGUARD'] },
  { name: 'Moxa', psirt: { title: 'Moxa security advisories', link: 'https://www.moxa.com/en/support/product-support/security-advisory' }, ics: true, service: 'its web interface', weight: 5,
    products: ['EDR-810 routers', 'NPort 5000 series', 'MGate 5105', 'EDS-500 switches'] },
  { name: 'WAGO', psirt: { title: 'WAGO PSIRT', link: 'https://www.wago.com/psirt' }, ics: true, service: 'port 2455/tcp (CODESYS)', weight: 3,
    products: ['PFC200 controllers', 'Touch Panel 600', 'e!COCKPIT'] },
  { name: 'GE Vernova', psirt: { title: 'GE Vernova security', link: 'https://www.gevernova.com/security' }, ics: true, service: 'its control network ports', weight: 3,
    products: ['UR family relays', 'iFIX', 'CIMPLICITY', 'Mark VIe'] },
  { name: 'Yokogawa', psirt: { title: 'Yokogawa security advisories', link: 'https://www.yokogawa.com/library/resources/white-papers/yokogawa-security-advisory-report-list/' }, ics: true, service: 'its control network ports', weight: 2,
    products: ['CENTUM VP', 'ProSafe-RS', 'STARDOM'] },
  { name: 'Beckhoff', psirt: { title: 'Beckhoff advisories', link: 'https://www.beckhoff.com/secguide' }, ics: true, service: 'port 48898/tcp (ADS)', weight: 2,
    products: ['TwinCAT 3', 'CX9020 embedded PC'] },
  { name: 'CODESYS', psirt: { title: 'CODESYS security advisories', link: 'https://www.codesys.com/security/security-reports.html' }, ics: true, service: 'port 2455/tcp', weight: 3,
    products: ['CODESYS Control runtime', 'CODESYS Development System'] },
  { name: 'Cisco', psirt: { title: 'Cisco Security Advisories', link: 'https://sec.cloudapps.cisco.com/security/center/publicationListing.x' }, ics: false, service: 'its management interfaces', weight: 4,
    products: ['IOS XE Software', 'IE 3400 switches', 'IR1101 router', 'ASA Software'] },
  { name: 'Hirschmann', psirt: { title: 'Belden security', link: 'https://www.belden.com/support/security-assurance' }, ics: true, service: 'its web interface', weight: 2,
    products: ['HiOS switches', 'RSP series'] },
  { name: 'Advantech', psirt: { title: 'Advantech security', link: 'https://www.advantech.com/en/support/details/cybersecurity' }, ics: true, service: 'its web interface', weight: 2,
    products: ['WebAccess/SCADA', 'ADAM-6000 modules'] },
  { name: 'Microsoft', psirt: { title: 'Microsoft Security Response Center', link: 'https://msrc.microsoft.com/update-guide' }, ics: false, service: 'port 445/tcp (SMB)', weight: 4,
    products: ['Windows 10', 'Windows Server 2016', 'Windows Server 2019'] },
  { name: 'Fortinet', psirt: { title: 'FortiGuard PSIRT', link: 'https://www.fortiguard.com/psirt' }, ics: false, service: 'its SSL VPN portal', weight: 2,
    products: ['FortiOS', 'FortiGate SSL VPN'] },
];

export const CISA_ICS = { title: 'us-cert.cisa.gov', link: 'https://www.cisa.gov/news-events/ics-advisories' };

export interface Weakness {
  name: string;
  /** The summary; {product} and {service} are filled in. */
  summary: string;
  /** CVSS v3 base metrics; a list means one of them. */
  metrics: Readonly<Record<'AV' | 'AC' | 'PR' | 'UI' | 'S' | 'C' | 'I' | 'A', string>>;
}

export const WEAKNESSES: readonly Weakness[] = [
  { name: 'Improper Input Validation', summary: 'Specially crafted packets sent to {service} could cause a denial-of-service condition of {product}; a manual restart may be needed to recover.', metrics: { AV: 'NA', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'N', I: 'N', A: 'H' } },
  { name: 'Stack-based Buffer Overflow', summary: 'A stack-based buffer overflow in {product} could let an unauthenticated remote attacker reaching {service} execute arbitrary code.', metrics: { AV: 'N', AC: 'LH', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' } },
  { name: 'Missing Authentication for Critical Function', summary: '{product} does not authenticate requests on {service}: an attacker with network access could change its configuration or stop it.', metrics: { AV: 'NA', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'N', I: 'H', A: 'H' } },
  { name: 'Cleartext Transmission of Sensitive Information', summary: '{product} sends credentials in clear text over {service}; an attacker able to read the traffic could obtain them.', metrics: { AV: 'NA', AC: 'H', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'N', A: 'N' } },
  { name: 'Use of Hard-coded Credentials', summary: '{product} contains hard-coded credentials that an attacker could use to gain administrative access through {service}.', metrics: { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' } },
  { name: 'Path Traversal', summary: 'The web server of {product} does not sanitize file paths: a remote attacker could read arbitrary files from the device.', metrics: { AV: 'N', AC: 'L', PR: 'NL', UI: 'N', S: 'U', C: 'H', I: 'N', A: 'N' } },
  { name: 'Cross-site Scripting', summary: 'The web interface of {product} does not neutralize input: an attacker could make a logged-in user run script in their browser.', metrics: { AV: 'N', AC: 'L', PR: 'N', UI: 'R', S: 'C', C: 'L', I: 'L', A: 'N' } },
  { name: 'Uncontrolled Resource Consumption', summary: 'A flood of requests on {service} exhausts the resources of {product}, which stops answering until it is restarted.', metrics: { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'N', I: 'N', A: 'H' } },
  { name: 'Improper Authentication', summary: 'An authentication bypass in {product} lets a remote attacker reaching {service} act as a legitimate user.', metrics: { AV: 'N', AC: 'LH', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'HN' } },
  { name: 'Out-of-bounds Read', summary: 'A crafted message on {service} makes {product} read outside a buffer, disclosing memory or crashing the device.', metrics: { AV: 'N', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'HL', I: 'N', A: 'H' } },
  { name: 'Out-of-bounds Write', summary: 'Opening a crafted project file in {product} could let an attacker execute code with the privileges of the user.', metrics: { AV: 'L', AC: 'L', PR: 'N', UI: 'R', S: 'U', C: 'H', I: 'H', A: 'H' } },
  { name: 'Cross-Site Request Forgery', summary: 'The web interface of {product} does not check the origin of requests: a user visiting a malicious page could change its settings.', metrics: { AV: 'N', AC: 'L', PR: 'N', UI: 'R', S: 'U', C: 'N', I: 'H', A: 'N' } },
  { name: 'OS Command Injection', summary: 'An authenticated attacker could inject operating system commands through the web interface of {product}.', metrics: { AV: 'N', AC: 'L', PR: 'HL', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' } },
  { name: 'Improper Certificate Validation', summary: '{product} does not validate server certificates: an attacker in a man-in-the-middle position could read and change its traffic.', metrics: { AV: 'NA', AC: 'H', PR: 'N', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'N' } },
  { name: 'NULL Pointer Dereference', summary: 'A malformed packet on {service} makes {product} dereference a NULL pointer and restart.', metrics: { AV: 'NA', AC: 'L', PR: 'N', UI: 'N', S: 'U', C: 'N', I: 'N', A: 'H' } },
  { name: 'Insufficiently Protected Credentials', summary: '{product} stores credentials in a recoverable form: a local user could obtain the passwords of other accounts.', metrics: { AV: 'L', AC: 'L', PR: 'L', UI: 'N', S: 'U', C: 'H', I: 'N', A: 'N' } },
  { name: 'Improper Privilege Management', summary: 'A local user of {product} could raise their privileges to those of an administrator.', metrics: { AV: 'L', AC: 'L', PR: 'L', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' } },
  { name: 'Deserialization of Untrusted Data', summary: '{product} deserializes data received on {service} without checks, which lets an attacker execute code.', metrics: { AV: 'NA', AC: 'L', PR: 'NL', UI: 'N', S: 'U', C: 'H', I: 'H', A: 'H' } },
];

export const SOLUTIONS: readonly string[] = [
  'Update {product} to {version} or later.',
  '{vendor} has released {version} of {product}, which fixes this vulnerability. Until it can be applied, restrict network access to {service}.',
  '{vendor} recommends restricting access to {service} to trusted hosts and applying defense-in-depth measures until a fix is available.',
  'Apply the update named in the {vendor} advisory; segment the network and block {service} at the cell boundary.',
];
