/**
 * How the Knowledge DB makes devices of components (API 3.0: "a device aggregates one or more
 * components"), and what it says of a device: its label, type and icon. Pure.
 *
 * divergence: a real Center's grouping is its own (the recorded sample groups by MAC, by IP and
 * by name). The emulator's rule, which the seeded plant makes true (each physical asset has one
 * MAC, and one or two components: with its IP, and at layer 2 without):
 *  - the components that share a unicast MAC are one device, whose id derives from the MAC;
 *  - a broadcast or multicast MAC is never a device;
 *  - a public address is never part of the device of its MAC: that MAC is the gateway's that
 *    routed it (the firewall's, for the internet hosts the plant talks to);
 *  - a locally administered MAC (no registered OUI, so no known vendor) makes a device only
 *    once the Center knows something of the component: a property or a component tag. Until
 *    then it stays a component of its own, like a new laptop with a random MAC.
 * So broadcast and multicast addresses, internet hosts and unknown newcomers stay without a
 * device, as a few components do on a real Center (the sample: 11 of 180).
 */
import { DEFAULT_ICON, type DeviceTraits } from '../domain/devices.js';
import { isGroupMac, isPublicIp, isUniversalMac } from '../domain/network.js';
import { type Properties, type TagSet, isEmpty } from '../domain/types.js';
import { NAME_SOURCES } from './normalize.js';

/** The MAC of the device the component belongs to, or null when it belongs to none (yet). */
export function deviceMacOf(mac: string, ip: string | null, properties: Properties, tags: TagSet): string | null {
  if (isGroupMac(mac)) return null;
  if (ip !== null && isPublicIp(ip)) return null;
  if (isUniversalMac(mac) || !isEmpty(properties) || !isEmpty(tags)) return mac.toLowerCase();
  return null;
}

/**
 * Device types, most specific first: what the device says it is (its identity), then the
 * Knowledge DB's component tags (a server of a controller protocol is tagged PLC, even an I/O
 * adapter), then what its other properties suggest.
 */
const TYPES: readonly [string, (p: Properties, t: TagSet) => boolean][] = [
  ['PLC', (p) => p['enip-devicetype'] === 'ProgrammableLogicController' || 's7plus-plcname' in p || 's7-plcname' in p],
  ['IO module', (p) => p['enip-devicetype'] === 'CommunicationsAdapter' || p['pn-deviceid'] === '0x0313'],
  ['Drive', (p) => p['enip-devicetype'] === 'ACDrive' || p['pn-deviceid'] === '0x0507'],
  ['PLC', (_p, t) => 'PLC' in t],
  ['SCADA', (_p, t) => 'SCADA' in t],
  ['HMI', (_p, t) => 'HMI' in t],
  ['Engineering station', (_p, t) => 'ENGINEERING_STATION' in t],
  ['IO module', (_p, t) => 'IO_MODULE' in t],
  ['Building controller', (p) => 'bacnet-objectname' in p],
  ['Switch', (p, t) => 'SWITCH' in t || 'lldp-systemname' in p],
  ['Router', (_p, t) => 'ROUTER' in t],
  ['Network device', (p) => 'snmp-sysname' in p],
  ['Camera', (p) => 'http-server' in p],
  ['Server', (_p, t) => 'FILE_SERVER' in t || 'DNS_SERVER' in t || 'WEB_SERVER' in t || 'NET_MANAGEMENT_SERVER' in t],
  ['Computer', (p, t) => 'WINDOWS' in t || 'name-netbios' in p || 'name-dns' in p],
];

/** Every device type a device may get (the risk score has a part for each: src/domain/risk-score.ts). */
export const DEVICE_TYPES: readonly string[] = [...new Set(TYPES.map(([name]) => name))];

const WINDOWS_ICON = 'library/windows_os.svg';

/** The library icon of a vendor: its first word, e.g. "Siemens AG, …" → library/siemens.svg. */
export function vendorIcon(vendor: string): string {
  const word = /[a-z0-9]+/.exec(vendor.toLowerCase())?.[0];
  return word ? `library/${word}.svg` : DEFAULT_ICON;
}

/**
 * What a component says of its device. `name` is its normalized name when it is known apart
 * from its properties (a fixture's, as the guide prints it); ingest's is the best-ranked one.
 */
export function deviceTraits(c: { mac: string; ip: string | null; properties: Properties; tags: TagSet; name?: string | null }): DeviceTraits {
  const p = c.properties;
  const given = c.name ?? undefined;
  let labelRank = NAME_SOURCES.findIndex((name) => p[name] !== undefined && p[name] !== '' && (given === undefined || p[name] === given));
  let label: string;
  if (labelRank >= 0) label = p[NAME_SOURCES[labelRank] as string] as string;
  else if (given !== undefined) [label, labelRank] = [given, NAME_SOURCES.length - 1];
  else if (c.ip !== null) [label, labelRank] = [c.ip, NAME_SOURCES.length];
  else [label, labelRank] = [c.mac, NAME_SOURCES.length + 1];
  let typeRank = TYPES.findIndex(([, test]) => test(p, c.tags));
  const deviceType = typeRank >= 0 ? (TYPES[typeRank] as [string, unknown])[0] : '';
  if (typeRank < 0) typeRank = TYPES.length;
  const vendor = p['vendor'];
  const windows = 'WINDOWS' in c.tags || 'name-netbios' in p;
  const [icon, iconRank] = windows ? [WINDOWS_ICON, 0] : vendor ? [vendorIcon(vendor), 1] : [DEFAULT_ICON, 2];
  return { label, labelRank, deviceType, typeRank, icon, iconRank };
}
