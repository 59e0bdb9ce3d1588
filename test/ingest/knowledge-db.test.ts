import { describe, expect, it } from 'vitest';
import { knowledgeDbAnalyzer } from '../../src/ingest/analyzer.js';
import { classify, credentialsOf, KDB_PORTS, KDB_TAGS } from '../../src/ingest/knowledge-db.js';

const flow = (over: Partial<Parameters<typeof classify>[0]>) => ({
  ethertype: 'IPv4',
  protocol: 'TCP',
  srcPort: 50000,
  dstPort: null,
  properties: {},
  ...over,
});

describe('classify', () => {
  it.each([
    [102, 'S7', 'control'],
    [502, 'MODBUS', 'control'],
    [44818, 'ENIP', 'control'],
    [2222, 'ENIP', 'field'],
    [20000, 'DNP3', 'control'],
    [2404, 'IEC104', 'control'],
    [4840, 'OPCUA', 'control'],
    [47808, 'BACNET', 'control'],
    [22, 'SSH', 'net'],
    [80, 'WEB', 'net'],
    [443, 'WEB', 'net'],
    [445, 'SMB', 'net'],
    [53, 'DNS', 'net'],
    [21, 'FTP', 'net'],
  ])('port %i → tag %s, category %s', (port, tag, netcat) => {
    const c = classify(flow({ dstPort: port }));
    expect(c.flowTags[tag]).toBe('info');
    expect(c.networkCategory).toBe(netcat);
  });

  it('reads the server port on either side', () => {
    expect(classify(flow({ srcPort: 502, dstPort: 61000 })).flowTags['MODBUS']).toBe('info');
  });

  it('tags the server of a controller protocol as a PLC', () => {
    const c = classify(flow({ dstPort: 102 }));
    expect(c.dstTags).toEqual({ PLC: 'info' });
    expect(c.srcTags).toEqual({});
  });

  it('leaves an unknown port as plain IP traffic', () => {
    const c = classify(flow({ dstPort: 31337 }));
    expect(c.flowTags).toEqual({});
    expect(c.networkCategory).toBe('net');
  });

  it('calls a non-IP frame an ethernet flow, Profinet a field flow', () => {
    expect(classify(flow({ ethertype: 'ARP', protocol: null, srcPort: null })).networkCategory).toBe('eth');
    expect(classify(flow({ ethertype: 'Profinet', protocol: null, srcPort: null })).networkCategory).toBe('field');
  });

  it('recognises protocols from property prefixes (guide 2.1)', () => {
    const c = classify(flow({ dstPort: 102, properties: { 's7plus-moduleref': '6ES7', 'enip-vendor': 'RA' } }));
    expect(c.flowTags).toMatchObject({ S7: 'info', S7PLUS: 'info', ENIP: 'info' });
  });

  it.each([
    ['s7plus-cpustatechange', 'start-cpu', 'START_CPU', 'important'],
    ['s7plus-cpustatechange', 'stop-cpu', 'STOP_CPU', 'important'],
    ['s7plus-programdownload', 'yes', 'PROGRAM_DOWNLOAD', 'important'],
    ['s7plus-programupload', 'explore', 'PROGRAM_UPLOAD', 'important'],
    ['s7-function', 'read-var', 'READ_VAR', 'info'],
    ['modbus-function', 'write-multiple-registers', 'WRITE_VAR', 'info'],
  ])('%s=%s → %s (%s)', (name, value, tag, cls) => {
    expect(classify(flow({ properties: { [name]: value } })).flowTags[tag]).toBe(cls);
  });

  it('marks SMBv1, telnet and FTP insecure', () => {
    expect(classify(flow({ dstPort: 445, properties: { 'smb-version1': 'yes' } })).flowTags['INSECURE']).toBe('important');
    expect(classify(flow({ dstPort: 23 })).flowTags['INSECURE']).toBe('important');
    expect(classify(flow({ dstPort: 21 })).flowTags['INSECURE']).toBe('important');
  });

  it('only assigns tags that are in the catalogue', () => {
    const keys = new Set(KDB_TAGS.map((t) => t.key));
    for (const p of KDB_PORTS.values()) {
      expect(keys.has(p.tag), p.tag).toBe(true);
      if (p.serverTag) expect(keys.has(p.serverTag), p.serverTag).toBe(true);
    }
  });
});

describe('credentialsOf', () => {
  it.each([
    [{ 'ftp-user': 'USER', 'ftp-password': 'USER' }, { protocol: 'FTP', username: 'USER', password: 'USER', algo: 'plaintext' }],
    [{ 'telnet-login': 'admin', 'telnet-password': 'moxa' }, { protocol: 'Telnet', username: 'admin', password: 'moxa', algo: 'plaintext' }],
    [{ 'http-authorization': 'Basic', 'http-user': 'root', 'http-password': 'pass' }, { protocol: 'HTTP', username: 'root', password: 'pass', algo: 'base64' }],
    [{ 'snmp-version': 'v2c', 'snmp-community': 'public' }, { protocol: 'SNMP', username: '', password: 'public', algo: 'plaintext' }],
  ])('reads %j', (properties, credential) => {
    expect(credentialsOf(properties)).toEqual([credential]);
  });

  it('reads nothing from a flow without a secret in clear (a user alone is not a credential)', () => {
    expect(credentialsOf({ 'snmp-version': 'v3' })).toBeUndefined();
    expect(credentialsOf({ 'ftp-user': 'anonymous' })).toBeUndefined();
    expect(credentialsOf({})).toBeUndefined();
  });

  it('is what the Knowledge DB analyzer hands to ingest for the flow\'s server', () => {
    const view = { ethertype: 'IPv4', protocol: 'UDP', srcPort: 50000, dstPort: 161, properties: { 'snmp-community': 'public' }, tags: {} };
    expect(knowledgeDbAnalyzer(view).dstCredentials).toEqual([{ protocol: 'SNMP', username: '', password: 'public', algo: 'plaintext' }]);
    expect(knowledgeDbAnalyzer({ ...view, properties: {} }).dstCredentials).toBeUndefined();
  });
});
