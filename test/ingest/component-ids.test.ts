import { describe, expect, it } from 'vitest';
import { componentId } from '../../src/domain/ids.js';
import { componentIds } from '../../src/ingest/component-ids.js';

describe('componentIds', () => {
  it('answers what componentId answers, for any MAC case and with or without an IP', () => {
    const idOf = componentIds();
    for (const [mac, ip] of [['00:0E:8C:00:00:01', '10.0.0.1'], ['00:0e:8c:00:00:01', '10.0.0.1'], ['00:0e:8c:00:00:01', null], ['00:0e:8c:00:00:01', '10.0.0.2']] as const) {
      expect(idOf(mac, ip)).toBe(componentId(mac, ip));
      expect(idOf(mac, ip)).toBe(componentId(mac, ip)); // held
    }
  });

  it('stays right past the ids it holds, also for one MAC with many IPs (a router)', () => {
    const idOf = componentIds(10);
    for (let i = 0; i < 50; i++) {
      const ip = `10.0.0.${i}`;
      expect(idOf('00:1b:1b:00:00:02', ip)).toBe(componentId('00:1b:1b:00:00:02', ip));
    }
  });
});
