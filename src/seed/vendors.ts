/**
 * The OT and IT vendors of the synthetic plant: their MAC prefixes (IEEE OUIs), the vendor name a
 * Center prints for them (the `vendor` property, guide 5.2: "Siemens AG - Industrial Automation -
 * EWA"), the devices they make and plausible models and firmware. Pure data.
 */

/** What a device does on the plant floor or in the offices. */
export type DeviceRole =
  | 'plc'
  | 'hmi'
  | 'io'
  | 'drive'
  | 'rtu'
  | 'bms'
  | 'gateway'
  | 'switch'
  | 'router'
  | 'firewall'
  | 'server'
  | 'workstation'
  | 'camera'
  | 'printer';

/** The protocol a device speaks as a server (how it is polled or reveals its identity). */
export type DeviceProtocol = 's7' | 's7plus' | 'enip' | 'modbus' | 'dnp3' | 'iec104' | 'bacnet' | 'opcua' | 'profinet' | 'ip';

export interface DeviceModel {
  role: DeviceRole;
  /** Model name as the device reports it (e.g. "CPU 1516-3 PN/DP"). */
  name: string;
  /** Order number / product code (e.g. "6ES7 516-3AN01-0AB0", "0x99"). */
  ref: string;
  firmware: readonly string[];
  hardware?: string;
  protocol: DeviceProtocol;
  /** The family the model belongs to, used to match vulnerabilities (e.g. "S7-1500"). */
  family: string;
}

export interface Oui {
  prefix: string;
  /** The vendor name the Center prints for this prefix when it differs from the vendor's. */
  name?: string;
}

export interface Vendor {
  key: string;
  /** The vendor name the Center prints (the `vendor` property). */
  name: string;
  /** Short name used in `name-mac` / `name-vendorip` ("Siemens 82:28:96"). */
  short: string;
  ouis: readonly Oui[];
  roles: readonly DeviceRole[];
  models: readonly DeviceModel[];
}

const m = (
  role: DeviceRole,
  protocol: DeviceProtocol,
  family: string,
  name: string,
  ref: string,
  firmware: readonly string[],
  hardware?: string,
): DeviceModel => ({ role, protocol, family, name, ref, firmware, ...(hardware === undefined ? {} : { hardware }) });

function vendor(key: string, name: string, short: string, ouis: readonly Oui[], models: readonly DeviceModel[]): Vendor {
  return { key, name, short, ouis, roles: [...new Set(models.map((x) => x.role))], models };
}

export const VENDORS: readonly Vendor[] = [
  vendor(
    'siemens',
    'Siemens AG - Industrial Automation - EWA',
    'Siemens',
    // guide 5.2 and 5.4 print these three names for these prefixes.
    [{ prefix: '28:63:36' }, { prefix: '00:0e:8c', name: 'Siemens AG A&D ET' }, { prefix: '00:1b:1b', name: 'Siemens AG,' }],
    [
      m('plc', 's7plus', 'S7-1500', 'CPU 1516-3 PN/DP', '6ES7 516-3AN01-0AB0', ['V2.8.3', 'V2.9.4', 'V3.0.1'], '4'),
      m('plc', 's7plus', 'S7-1500', 'CPU 1515-2 PN', '6ES7 515-2AM01-0AB0', ['V2.8.3', 'V2.9.4'], '3'),
      m('plc', 's7plus', 'S7-1200', 'CPU 1214C DC/DC/DC', '6ES7 214-1AG40-0XB0', ['V4.4.1', 'V4.5.2', 'V4.6.0'], '1'),
      m('plc', 's7plus', 'S7-1200', 'CPU 1212C AC/DC/Rly', '6ES7 212-1BE40-0XB0', ['V4.0', 'V4.2.3', 'V4.5.2'], '1'),
      m('plc', 's7', 'S7-300', 'CPU 315-2 PN/DP', '6ES7 315-2EH14-0AB0', ['V 3.2.8', 'V 3.2.17'], '3'),
      m('plc', 's7', 'S7-300', 'CPU 317-2 PN/DP', '6ES7 317-2EK14-0AB0', ['V 3.2.17'], '2'),
      m('plc', 's7', 'S7-400', 'CPU 412-2', '6ES7 412-2EK06-0AB0', ['V 6.0.3', 'V 6.0.9'], '3'),
      m('hmi', 'ip', 'SIMATIC HMI', 'TP1200 Comfort', '6AV2 124-0MC01-0AX0', ['V16.0.0.0', 'V17.0.0.0']),
      m('hmi', 'ip', 'SIMATIC HMI', 'KTP700 Basic PN', '6AV2 123-2GB03-0AX0', ['V16.0.0.0', 'V17.0.0.0']),
      m('io', 'profinet', 'ET 200SP', 'ET 200SP IM 155-6 PN ST', '6ES7 155-6AU01-0BN0', ['V4.2.0', 'V4.2.3']),
      m('io', 'profinet', 'ET 200MP', 'ET 200MP IM 155-5 PN ST', '6ES7 155-5AA01-0AB0', ['V3.0.0', 'V4.1.0']),
      m('drive', 'profinet', 'SINAMICS', 'SINAMICS G120 CU250S-2 PN', '6SL3246-0BA22-1FA0', ['V4.7 SP10', 'V4.7 SP13']),
      m('switch', 'ip', 'SCALANCE', 'SCALANCE XC208', '6GK5 208-0BA00-2AC2', ['V4.3', 'V4.4']),
      m('switch', 'ip', 'SCALANCE', 'SCALANCE X208', '6GK5 208-0BA10-2AA3', ['V5.2.5', 'V5.2.6']),
    ],
  ),
  vendor(
    'rockwell',
    'Rockwell Automation',
    'Rockwell',
    [{ prefix: '00:00:bc' }, { prefix: 'f4:54:33' }, { prefix: '5c:88:16' }, { prefix: 'e4:90:69' }, { prefix: '00:1d:9c' }],
    [
      // guide 5.3.2 prints the first one with product code 0x99 and version 31.11.
      m('plc', 'enip', 'CompactLogix', '1769-L16ER/B LOGIX5316ER', '0x99', ['31.11', '32.11', '33.11']),
      m('plc', 'enip', 'CompactLogix', '1769-L33ER/A LOGIX5333ER', '0x69', ['30.11', '32.13', '33.11']),
      m('plc', 'enip', 'ControlLogix', '1756-L83E/B LOGIX5583E', '0xa6', ['32.11', '33.12', '34.11']),
      m('plc', 'enip', 'ControlLogix', '1756-L73/B LOGIX5573', '0x5f', ['20.55', '21.11', '30.14']),
      m('hmi', 'ip', 'PanelView', 'PanelView Plus 7 Performance 1000', '2711P-T10C22D9P', ['12.0', '13.0']),
      m('io', 'enip', 'POINT I/O', '1734-AENTR/C POINT I/O Adapter', '0x6c', ['6.012', '7.011']),
      m('io', 'enip', 'FLEX I/O', '1794-AENTR/A FLEX I/O Adapter', '0x51', ['2.012', '4.003']),
      m('drive', 'enip', 'PowerFlex', 'PowerFlex 525 2P 480V 5.0HP', '0x90', ['6.001', '7.001']),
      m('switch', 'ip', 'Stratix', 'Stratix 5700 1783-BMS10CGL', '1783-BMS10CGL', ['15.2(7)E4', '15.2(8)E1']),
    ],
  ),
  vendor(
    'schneider',
    'Schneider Electric',
    'Schneider',
    [{ prefix: '00:80:f4' }, { prefix: '00:00:54' }],
    [
      m('plc', 'modbus', 'Modicon M580', 'Modicon M580 BMEP582040', 'BMEP582040', ['v3.20', 'v4.10']),
      m('plc', 'modbus', 'Modicon M340', 'Modicon M340 BMXP342020', 'BMXP342020', ['v3.30', 'v3.40']),
      m('plc', 'modbus', 'Modicon M221', 'Modicon M221 TM221CE24T', 'TM221CE24T', ['v1.10', 'v1.12']),
      m('hmi', 'ip', 'Magelis', 'Magelis HMIGTO5310', 'HMIGTO5310', ['V6.2', 'V6.3']),
      m('io', 'modbus', 'Modicon STB', 'Modicon STB NIP2311', 'STBNIP2311', ['v4.10', 'v5.02']),
      m('rtu', 'dnp3', 'SCADAPack', 'SCADAPack 570', 'TBUP570', ['9.8.0', '9.9.1']),
    ],
  ),
  vendor(
    'abb',
    'ABB',
    'ABB',
    [{ prefix: '00:02:a3', name: 'ABB Switzerland Ltd, Power Systems' }, { prefix: '00:21:c1', name: 'ABB Oy / Medium Voltage Products' }],
    [
      m('rtu', 'iec104', 'RTU500', 'RTU560 CMU 560CMR02', '1KGT030600R0001', ['12.7.4', '13.2.1']),
      m('rtu', 'iec104', 'Relion', 'REF615 Feeder Protection', 'HBFEAEAGNCA1BNN11G', ['5.0 FP1', '5.1']),
      m('plc', 'modbus', 'AC500', 'AC500 PM5650-2ETH', '1SAP155500R0279', ['V3.4.0', 'V3.5.1']),
      m('drive', 'modbus', 'ACS880', 'ACS880 FENA-21 Ethernet adapter', '3AUA0000089109', ['3.40', '3.41']),
    ],
  ),
  vendor('phoenix', 'PHOENIX CONTACT Electronics GmbH', 'Phoenix', [{ prefix: '00:a0:45' }], [
    m('plc', 'modbus', 'PLCnext', 'AXC F 2152', '2404267', ['2022.0.4 LTS', '2023.0.1 LTS']),
    m('io', 'modbus', 'Inline', 'IL ETH BK DI8 DO4 2TX-PAC', '2703981', ['1.32', '1.40']),
    m('switch', 'ip', 'FL SWITCH', 'FL SWITCH 2208', '2702327', ['3.10', '3.20']),
  ]),
  vendor('wago', 'WAGO Kontakttechnik GmbH', 'Wago', [{ prefix: '00:30:de' }], [
    m('plc', 'modbus', 'PFC200', 'PFC200 750-8212', '750-8212', ['03.10.08(22)', '04.02.13(24)']),
    m('io', 'modbus', '750 Series', '750-352 ETHERNET Fieldbus Coupler', '750-352', ['01.10.05(13)', '01.10.06(14)']),
  ]),
  vendor('moxa', 'MOXA TECHNOLOGIES CORP., LTD.', 'Moxa', [{ prefix: '00:90:e8' }], [
    m('gateway', 'modbus', 'MGate', 'MGate MB3180', 'MB3180', ['2.2', '2.3']),
    m('gateway', 'ip', 'NPort', 'NPort 5150', 'NP5150', ['3.9', '3.11']),
    m('switch', 'ip', 'EDS', 'EDS-408A', 'EDS-408A', ['3.8', '3.11']),
  ]),
  vendor('hirschmann', 'Hirschmann Automation and Control GmbH', 'Hirschmann', [{ prefix: '00:80:63' }], [
    m('switch', 'ip', 'RSP', 'RSP35-08033O6TT-SK9V9HSE2S', 'RSP35', ['HiOS-3S 08.7.02', 'HiOS-3S 09.0.04']),
    m('switch', 'ip', 'RS20', 'RS20-0800T1T1SDAE', 'RS20', ['L2E-09.0.12', 'L2E-09.1.00']),
  ]),
  vendor('cisco', 'Cisco Systems, Inc', 'Cisco', [{ prefix: '00:00:0c' }, { prefix: '00:1b:54' }, { prefix: '58:ac:78' }], [
    m('switch', 'ip', 'IE3400', 'IE-3400-8T2S', 'IE-3400-8T2S-E', ['17.9.4', '17.12.2']),
    m('switch', 'ip', 'IE4000', 'IE-4000-8GT4G-E', 'IE-4000-8GT4G-E', ['15.2(7)E8', '15.2(8)E3']),
    m('switch', 'ip', 'Catalyst 9300', 'C9300-48P', 'C9300-48P-E', ['17.9.4', '17.12.2']),
    m('router', 'ip', 'IR1101', 'IR1101-K9', 'IR1101-K9', ['17.9.4a', '17.12.2']),
    m('firewall', 'ip', 'ISA3000', 'ISA-3000-4C-K9', 'ISA-3000-4C-K9', ['9.16(4)', '9.18(3)']),
  ]),
  vendor('dell', 'Dell Inc.', 'Dell', [{ prefix: 'd4:ae:52' }, { prefix: '18:66:da' }, { prefix: 'f8:bc:12' }], [
    m('workstation', 'ip', 'OptiPlex', 'OptiPlex 7090', 'OptiPlex 7090', ['1.19.0', '1.22.0']),
    m('workstation', 'ip', 'Precision', 'Precision 3660 Tower', 'Precision 3660', ['2.10.0', '2.13.1']),
    m('server', 'ip', 'PowerEdge', 'PowerEdge R740', 'PowerEdge R740', ['2.19.1', '2.21.2']),
    m('server', 'ip', 'PowerEdge', 'PowerEdge R650', 'PowerEdge R650', ['1.10.2', '1.13.3']),
  ]),
  vendor('hp', 'Hewlett Packard', 'HP', [{ prefix: '3c:d9:2b' }, { prefix: '9c:8e:99' }], [
    m('workstation', 'ip', 'EliteDesk', 'HP EliteDesk 800 G6', 'EliteDesk 800 G6', ['S21 02.13.00', 'S21 02.16.01']),
    m('workstation', 'ip', 'Z Workstation', 'HP Z4 G4 Workstation', 'Z4 G4', ['P62 02.87', 'P62 02.91']),
    m('server', 'ip', 'ProLiant', 'ProLiant DL380 Gen10', 'DL380 Gen10', ['U30 2.72', 'U30 2.80']),
    m('printer', 'ip', 'LaserJet', 'HP LaserJet Pro M404dn', 'W1A53A', ['002.2149A', '002.2310A']),
  ]),
  vendor('weintek', 'Weintek Labs., Inc.', 'Weintek', [{ prefix: '00:0c:26' }], [
    m('hmi', 'ip', 'cMT', 'cMT3162X', 'cMT3162X', ['OS 20220928', 'OS 20231115']),
    m('hmi', 'ip', 'MT8000iE', 'MT8102iE', 'MT8102iE', ['OS 20190705', 'OS 20210105']),
  ]),
  vendor('beckhoff', 'Beckhoff Automation GmbH', 'Beckhoff', [{ prefix: '00:01:05' }], [
    m('plc', 'opcua', 'CX', 'CX5140 Embedded PC', 'CX5140-0141', ['TwinCAT 3.1.4024.35', 'TwinCAT 3.1.4024.53']),
    m('plc', 'opcua', 'CX', 'CX9020 Embedded PC', 'CX9020-0111', ['TwinCAT 3.1.4022.30', 'TwinCAT 3.1.4024.22']),
  ]),
  vendor('omron', 'OMRON Corporation', 'Omron', [{ prefix: '00:00:0a' }], [
    m('plc', 'enip', 'NJ', 'NJ501-1300', '0x0683', ['1.46', '1.48']),
    m('plc', 'enip', 'NX1P', 'NX1P2-9024DT', '0x06a4', ['1.50', '1.60']),
  ]),
  vendor('mitsubishi', 'Mitsubishi Electric Corporation', 'Mitsubishi', [{ prefix: '00:26:92' }], [
    m('plc', 'modbus', 'MELSEC iQ-R', 'R04ENCPU', 'R04ENCPU', ['23', '28']),
    m('plc', 'modbus', 'MELSEC-Q', 'Q03UDVCPU', 'Q03UDVCPU', ['18', '22']),
    m('hmi', 'ip', 'GOT2000', 'GT2510-VTBA', 'GT2510-VTBA', ['1.260W', '1.290C']),
  ]),
  vendor('honeywell', 'Honeywell', 'Honeywell', [{ prefix: '00:40:84' }], [
    m('bms', 'bacnet', 'WEBs', 'WEB-8000 JACE', 'WEB-8000', ['4.10.1.36', '4.12.1.16']),
    m('bms', 'bacnet', 'Spyder', 'Spyder PUB6438SR', 'PUB6438SR', ['3.0.1', '3.0.4']),
  ]),
  vendor('yokogawa', 'Yokogawa Digital Computer Corporation', 'Yokogawa', [{ prefix: '00:00:64' }], [
    m('rtu', 'dnp3', 'STARDOM', 'STARDOM FCN-RTU NFCP050', 'NFCP050', ['R4.30', 'R4.50']),
  ]),
  vendor('ge', 'GE Fanuc Automation Manufacturing, Inc.', 'GE', [{ prefix: '00:09:91' }], [
    m('plc', 'modbus', 'PACSystems RX3i', 'PACSystems RX3i CPE305', 'IC695CPE305', ['9.40', '10.05']),
    m('rtu', 'dnp3', 'D20', 'D20MX Substation Controller', 'D20MX', ['2.30', '2.40']),
  ]),
  vendor('sel', 'SCHWEITZER ENGINEERING LABORATORIES, INC.', 'SEL', [{ prefix: '00:30:a7' }], [
    m('rtu', 'dnp3', 'SEL-751', 'SEL-751 Feeder Protection Relay', '751001A1A0X0X810610', ['R410', 'R423']),
    m('rtu', 'dnp3', 'RTAC', 'SEL-3530 RTAC', '35300XX1X0X1', ['R151-V2', 'R152-V1']),
  ]),
  vendor('advantech', 'ADVANTECH CO., LTD.', 'Advantech', [{ prefix: '00:d0:c9' }], [
    m('hmi', 'ip', 'UNO', 'UNO-2271G Edge PC', 'UNO-2271G', ['V1.03', 'V1.05']),
    m('gateway', 'modbus', 'ECU', 'ECU-1251 IoT Gateway', 'ECU-1251', ['2.3.1', '2.4.0']),
  ]),
  vendor('axis', 'Axis Communications AB', 'Axis', [{ prefix: '00:40:8c' }, { prefix: 'ac:cc:8e' }], [
    m('camera', 'ip', 'P32', 'AXIS P3245-V', 'P3245-V', ['10.12.153', '11.8.61']),
  ]),
  vendor('fortinet', 'Fortinet, Inc.', 'Fortinet', [{ prefix: '00:09:0f' }], [
    m('firewall', 'ip', 'FortiGate', 'FortiGate 100F', 'FG-100F', ['v7.0.12', 'v7.2.5']),
  ]),
  vendor('paloalto', 'Palo Alto Networks', 'PaloAlto', [{ prefix: '00:1b:17' }], [
    m('firewall', 'ip', 'PA-3200', 'PA-3220', 'PA-3220', ['PAN-OS 10.2.4', 'PAN-OS 11.0.2']),
  ]),
  vendor('vmware', 'VMware, Inc.', 'VMware', [{ prefix: '00:50:56' }, { prefix: '00:0c:29' }], [
    m('server', 'ip', 'Virtual Machine', 'VMware Virtual Platform', 'VMware7,1', ['ESXi 7.0 U3', 'ESXi 8.0 U1']),
  ]),
  vendor('microsoft', 'Microsoft Corporation', 'Microsoft', [{ prefix: '00:15:5d' }], [
    m('server', 'ip', 'Virtual Machine', 'Hyper-V Virtual Machine', 'Virtual Machine', ['Hyper-V 10.0.17763', 'Hyper-V 10.0.20348']),
  ]),
  vendor('intel', 'Intel Corporate', 'Intel', [{ prefix: '00:1b:21' }, { prefix: 'a0:36:9f' }], [
    m('workstation', 'ip', 'NUC', 'Intel NUC 11 Pro', 'NUC11TNHi5', ['TNTGL357.0064', 'TNTGL357.0070']),
  ]),
];

const BY_KEY = new Map(VENDORS.map((v) => [v.key, v]));

export function vendorByKey(key: string): Vendor {
  const v = BY_KEY.get(key);
  if (!v) throw new Error(`unknown vendor "${key}"`);
  return v;
}

/** The models of a vendor for a role (and, optionally, a protocol). */
export function modelsOf(v: Vendor, role: DeviceRole, protocol?: DeviceProtocol): DeviceModel[] {
  return v.models.filter((x) => x.role === role && (protocol === undefined || x.protocol === protocol));
}

/** The vendor name the Center prints for a MAC of this vendor. */
export function vendorNameFor(v: Vendor, oui: Oui): string {
  return oui.name ?? v.name;
}
