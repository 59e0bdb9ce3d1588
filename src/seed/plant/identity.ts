/**
 * What the sensor learns about a device from its traffic: the component properties its
 * dissectors would report (guide 5.2's PLC_3 sample, 5.4's S7-300 sample, 5.3.2's ENIP sample),
 * put on the device's endpoints. The normalized fields follow from them (src/ingest/normalize.ts).
 */
import type { Micros } from '../../domain/time.js';
import type { Random } from '../../random.js';
import type { Device, Endpoint } from './topology.js';

type Props = Record<string, string>;

/** The DNS domain of each zone. */
export const DOMAIN: Record<Device['zone'], string> = {
  cell: 'ot.plant.local',
  ops: 'ot.plant.local',
  it: 'corp.plant.local',
  dmz: 'dmz.plant.local',
  mgmt: 'mgmt.plant.local',
};

const ENIP_TYPE: Partial<Record<Device['role'], string>> = {
  plc: 'ProgrammableLogicController',
  io: 'CommunicationsAdapter',
  drive: 'ACDrive',
};

const macTail = (mac: string): string => mac.slice(9);

/** Sets `props` (and, for a firmware upgrade during the history, `late`) on the device's endpoints. */
export function identityProps(rng: Random, d: Device, endpoints: Endpoint[], historyStart: Micros, end: Micros): void {
  const ipEp = d.ipEp >= 0 ? endpoints[d.ipEp] : undefined;
  const l2Ep = d.l2Ep >= 0 ? endpoints[d.l2Ep] : undefined;
  const nameMac = `${d.vendor.short} ${macTail(d.mac)}`;
  const nameVendorIp = d.ip ? `${d.vendor.short} ${d.ip}` : undefined;
  const hw = d.model.hardware ?? String(rng.int(1, 4));
  let ip: Props | undefined;
  let l2: Props | undefined;
  const withVendor = (p: Props): Props => {
    if (nameVendorIp) p['name-vendorip'] = nameVendorIp;
    p['vendor'] = d.vendorName;
    return p;
  };

  const fw = d.fw;
  // Drawn once, so that a firmware update changes the firmware only.
  const projectVersion = `V${rng.int(1, 3)}.${rng.int(0, 9)}`;
  const moduleVer = String(rng.int(3, 68));
  const bootVer = `A ${rng.int(10, 12)}.${rng.int(0, 12)}.${rng.int(0, 9)}`;
  const build = (fwVersion: string): Props | undefined => {
    const proto = d.model.protocol;
    if (d.os !== null) {
      const dns = `${d.hostname.toLowerCase()}.${DOMAIN[d.zone]}`;
      return d.os.startsWith('Windows')
        ? { 'name-netbios': d.hostname.toUpperCase().slice(0, 15), 'name-dns': dns, vendor: d.vendorName }
        : { 'name-dns': dns, vendor: d.vendorName };
    }
    switch (d.role) {
      case 'plc':
        if (proto === 's7plus') {
          return withVendor({
            'name-s7plus-plc': d.hostname,
            's7plus-plcname': d.hostname,
            's7plus-modulename': d.model.name,
            's7plus-moduleref': d.model.ref,
            's7plus-modulever': fwVersion,
            's7plus-hardwarerevision': hw,
            's7plus-serialnumber': d.serial,
            's7plus-projectname': `${d.hostname.split('_')[0] ?? 'PROJECT'}_Project`,
            's7plus-projectversion': projectVersion,
          });
        }
        if (proto === 's7') {
          return withVendor({
            'name-s7-plc': d.hostname,
            's7-plcname': d.hostname,
            's7-modulename': d.model.name,
            's7-moduleref': d.model.ref,
            's7-hwref': d.model.ref,
            's7-hwver': hw,
            's7-fwver': fwVersion,
            's7-modulever': moduleVer,
            's7-serialnumber': d.serial,
            's7-rack': '0',
            's7-slot': '2',
            's7-bootloaderref': 'Boot Loader',
            's7-bootloaderver': bootVer,
          });
        }
        break;
      case 'camera':
        return withVendor({ 'http-server': 'AXIS', 'model-name': d.model.name, 'fw-version': fwVersion });
      case 'printer':
        return withVendor({
          'name-dns': `${d.hostname.toLowerCase()}.${DOMAIN[d.zone]}`,
          'snmp-sysdescr': `${d.model.name}, FW ${fwVersion}`,
          'model-name': d.model.name,
        });
      case 'switch':
      case 'router':
      case 'firewall':
        return withVendor({
          'snmp-sysname': d.hostname,
          'snmp-sysdescr': `${d.model.name} ${fwVersion}`,
          'model-name': d.model.name,
          'model-ref': d.model.ref,
          'fw-version': fwVersion,
        });
      case 'hmi':
        return withVendor({});
      default:
        break;
    }
    switch (proto) {
      case 'enip':
        return withVendor({
          'name-enip': d.hostname,
          ...(d.role === 'plc' ? { 'enip-cpuname': d.hostname } : {}),
          'enip-name': d.model.name,
          'enip-productcode': d.model.ref,
          'enip-version': fwVersion,
          'enip-serial': d.serial,
          'enip-vendor': d.vendor.key === 'rockwell' ? 'Rockwell Automation/Allen-Bradley' : d.vendorName,
          'enip-devicetype': ENIP_TYPE[d.role] ?? 'GenericDevice',
        });
      case 'modbus':
        return withVendor({
          'name-modbus': d.hostname,
          'modbus-vendor': d.vendor.short,
          'modbus-productcode': d.model.ref,
          'modbus-revision': fwVersion,
        });
      case 'bacnet':
        return withVendor({
          'bacnet-objectname': d.hostname,
          'bacnet-vendorname': d.vendor.short,
          'bacnet-modelname': d.model.name,
          'bacnet-firmware': fwVersion,
          'model-name': d.model.name,
          'fw-version': fwVersion,
        });
      case 'opcua':
        return withVendor({
          'opcua-applicationname': `${d.hostname} TwinCAT OPC UA Server`,
          'model-name': d.model.name,
          'fw-version': fwVersion,
        });
      case 'profinet':
        return undefined; // identity is on the L2 endpoint (Profinet DCP)
      default:
        return withVendor({});
    }
    return undefined;
  };

  if (ipEp) ip = build(fw);
  if (l2Ep) {
    if (d.model.protocol === 'profinet') {
      l2 = {
        'name-mac': nameMac,
        'pn-nameofstation': d.hostname,
        'pn-vendorid': '0x002a',
        'pn-deviceid': d.role === 'drive' ? '0x0507' : '0x0313',
        'model-name': d.model.name,
        'model-ref': d.model.ref,
        'fw-version': fw,
        vendor: d.vendorName,
      };
    } else if (d.role === 'switch') {
      l2 = { 'name-mac': nameMac, 'lldp-systemname': d.hostname, 'lldp-chassisid': d.mac };
    } else {
      l2 = { 'name-mac': nameMac };
    }
  }
  if (ipEp) ipEp.props = ip;
  if (l2Ep) l2Ep.props = l2;

  // A few controllers get a firmware update during the history: the Center learns the new version.
  const newer = d.model.firmware.indexOf(fw) + 1;
  if (ipEp && ip && d.role === 'plc' && newer > 0 && newer < d.model.firmware.length && rng.chance(0.06)) {
    const next = d.model.firmware[newer] as string;
    ipEp.late = build(next);
    ipEp.upgradeAt = historyStart + Math.floor((end - historyStart) * (0.3 + 0.6 * rng.next()));
    d.fw = next;
  }
}
