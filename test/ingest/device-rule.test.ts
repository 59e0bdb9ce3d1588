import { describe, expect, it } from 'vitest';
import { deviceMacOf, deviceTraits, vendorIcon } from '../../src/ingest/device-rule.js';

describe('deviceMacOf', () => {
  it('makes one device of a unicast MAC with a registered OUI, with or without an IP', () => {
    expect(deviceMacOf('00:1B:1B:00:00:02', '10.10.1.10', {}, {})).toBe('00:1b:1b:00:00:02');
    expect(deviceMacOf('00:1b:1b:00:00:02', null, {}, {})).toBe('00:1b:1b:00:00:02');
  });

  it.each([
    ['broadcast', 'ff:ff:ff:ff:ff:ff', null],
    ['a subnet broadcast', 'ff:ff:ff:ff:ff:ff', '10.10.1.255'],
    ['LLDP multicast', '01:80:c2:00:00:0e', null],
  ])('never makes a device of %s, whatever it is known as', (_what, mac, ip) => {
    expect(deviceMacOf(mac, ip, { 'name-mac': 'x' }, { PLC: 'info' })).toBeNull();
  });

  it('leaves a public address out of the device of its MAC (the gateway that routed it)', () => {
    expect(deviceMacOf('00:09:0f:25:d2:4e', '8.8.8.8', { vendor: 'Fortinet' }, {})).toBeNull();
    expect(deviceMacOf('00:09:0f:25:d2:4e', '10.0.1.13', {}, {})).toBe('00:09:0f:25:d2:4e');
  });

  it('waits for something known of a locally administered MAC: a property or a component tag', () => {
    expect(deviceMacOf('02:11:22:33:44:55', '10.10.1.201', {}, {})).toBeNull();
    expect(deviceMacOf('02:11:22:33:44:55', '10.10.1.201', { 'name-dns': 'laptop.corp' }, {})).toBe('02:11:22:33:44:55');
    expect(deviceMacOf('02:11:22:33:44:55', '10.10.1.201', {}, { WINDOWS: 'info' })).toBe('02:11:22:33:44:55');
  });
});

describe('deviceTraits', () => {
  const c = (properties: Record<string, string>, tags: Record<string, 'info' | 'important'> = {}, ip: string | null = '10.10.1.10') => ({ mac: '00:1b:1b:00:00:02', ip, properties, tags });

  it('labels a device by the most specific name its component has, else its IP, else its MAC', () => {
    expect(deviceTraits(c({ 'name-mac': 'Siemens 00:00:02', 'name-s7plus-plc': 'PLC_3' }))).toMatchObject({ label: 'PLC_3', labelRank: 0 });
    const byMac = deviceTraits(c({ 'name-mac': 'Siemens 00:00:02' }));
    expect(byMac.label).toBe('Siemens 00:00:02');
    const byIp = deviceTraits(c({}));
    expect(byIp.label).toBe('10.10.1.10');
    const byHardware = deviceTraits(c({}, {}, null));
    expect(byHardware.label).toBe('00:1b:1b:00:00:02');
    expect(byMac.labelRank).toBeLessThan(byIp.labelRank);
    expect(byIp.labelRank).toBeLessThan(byHardware.labelRank);
  });

  it('takes the normalized name a component was written with (a fixture), ranked as the property that gives it', () => {
    const props = { 'name-mac': 'Siemens 84:5b:a6', 'name-s7-plc': 'SIMATIC 300(1)' };
    expect(deviceTraits({ ...c(props), name: 'Siemens 84:5b:a6' })).toMatchObject({ label: 'Siemens 84:5b:a6', labelRank: deviceTraits(c({ 'name-mac': 'x' })).labelRank });
    expect(deviceTraits(c(props)).label).toBe('SIMATIC 300(1)');
  });

  it.each([
    [{ 'enip-devicetype': 'CommunicationsAdapter' }, { PLC: 'info' as const }, 'IO module'],
    [{ 'enip-devicetype': 'ProgrammableLogicController' }, {}, 'PLC'],
    [{}, { PLC: 'info' as const }, 'PLC'],
    [{ 'pn-deviceid': '0x0507' }, {}, 'Drive'],
    [{ 'lldp-systemname': 'FL1-SW01' }, {}, 'Switch'],
    [{}, { HMI: 'info' as const }, 'HMI'],
    [{ 'name-netbios': 'ENG-WS01' }, {}, 'Computer'],
    [{ vendor: 'Dell Inc.' }, {}, ''],
  ])('types %j with tags %j as "%s"', (properties, tags, type) => {
    expect(deviceTraits(c(properties, tags)).deviceType).toBe(type);
  });

  it('ranks what a device says it is above what a Knowledge DB tag makes of it', () => {
    const adapter = deviceTraits(c({ 'enip-devicetype': 'CommunicationsAdapter' }, { PLC: 'info' }));
    const tagged = deviceTraits(c({}, { PLC: 'info' }));
    expect(adapter.typeRank).toBeLessThan(tagged.typeRank);
    expect(deviceTraits(c({})).typeRank).toBeGreaterThan(tagged.typeRank);
  });

  it('draws a Windows host with the Windows icon, another with its vendor\'s, an unknown one with the default', () => {
    expect(deviceTraits(c({ 'name-netbios': 'FS01', vendor: 'Dell Inc.' })).icon).toBe('library/windows_os.svg');
    expect(deviceTraits(c({ vendor: 'Siemens AG - Industrial Automation - EWA' })).icon).toBe('library/siemens.svg');
    expect(deviceTraits(c({})).icon).toBe('library/default.svg');
  });
});

describe('vendorIcon', () => {
  it.each([
    ['Rockwell Automation/Allen-Bradley', 'library/rockwell.svg'],
    ['Siemens AG,', 'library/siemens.svg'],
    ['', 'library/default.svg'],
  ])('%s → %s', (vendor, icon) => {
    expect(vendorIcon(vendor)).toBe(icon);
  });
});
