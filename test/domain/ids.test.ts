import { describe, expect, it } from 'vitest';
import { componentId, deviceId, flowId, UUID_RE, uuidv5 } from '../../src/domain/ids.js';
import { Random } from '../../src/random.js';

describe('ids', () => {
  it('derives version-5 UUIDs, stable for the same identifying fields', () => {
    const a = componentId('00:1B:1B:00:00:01', '10.0.0.1');
    expect(a).toMatch(UUID_RE);
    expect(a[14]).toBe('5');
    expect(componentId('00:1b:1b:00:00:01', '10.0.0.1')).toBe(a);
    expect(componentId('00:1b:1b:00:00:01', null)).not.toBe(a);
  });

  it('gives a flow a different id when any identifying field differs', () => {
    const k = { srcComponentId: 'a', dstComponentId: 'b', ethertype: 'IPv4', protocol: 'TCP', srcPort: 1, dstPort: 102 };
    expect(flowId(k)).toBe(flowId({ ...k }));
    expect(flowId({ ...k, srcPort: 2 })).not.toBe(flowId(k));
    expect(flowId({ ...k, srcComponentId: 'b', dstComponentId: 'a' })).not.toBe(flowId(k));
  });

  it('matches the RFC 4122 test vector for the DNS namespace', () => {
    const dns = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
    expect(uuidv5('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('draws v4-looking ids from the seeded source, the same for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const id = a.uuid4();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.uuid4()).toBe(id);
    expect(new Random(43).uuid4()).not.toBe(id);
  });
});

describe('deviceId', () => {
  it('derives a v5 id from the MAC, in a namespace of its own (never a component\'s id)', () => {
    const id = deviceId('28:63:36:82:28:96');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deviceId('28:63:36:82:28:96'.toUpperCase())).toBe(id);
    expect(id).not.toBe(componentId('28:63:36:82:28:96', null));
    expect(id).not.toBe(uuidv5('device|28:63:36:82:28:96'));
  });
});
