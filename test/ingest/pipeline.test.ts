import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { componentId } from '../../src/domain/ids.js';
import type { Analyzer } from '../../src/ingest/analyzer.js';
import type { FlowObservation } from '../../src/ingest/observation.js';
import { createIngest, type Ingest } from '../../src/ingest/pipeline.js';
import { Random } from '../../src/random.js';
import { openStore, type Store } from '../../src/store/store.js';

const T0 = Date.UTC(2026, 0, 1) * 1000;
const HMI = { mac: '00:0E:8C:00:00:01', ip: '10.10.1.20', port: 49152 };
const PLC = { mac: '00:1b:1b:00:00:02', ip: '10.10.1.10', port: 102 };

const s7 = (over: Partial<FlowObservation> = {}): FlowObservation => ({
  time: T0,
  sensorId: 'sensor-1',
  src: HMI,
  dst: PLC,
  ethertype: 'IPv4',
  protocol: 'TCP',
  properties: { 's7-function': 'read-var' },
  ...over,
});

let store: Store;
let ingest: Ingest;
let extra: Analyzer[];

beforeEach(() => {
  store = openStore(':memory:');
  const rng = new Random(9);
  extra = [];
  // As the world build runs it: component states held across batches.
  ingest = createIngest(store, { newId: () => rng.uuid4(), analyzers: () => extra, holdStates: true });
});

const count = (table: string) => (store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

describe('ingest', () => {
  it('creates both components (guide 5.2) and the flow, and says so', () => {
    const [r] = ingest.ingest([s7()]);
    expect(r?.isNew).toBe(true);
    expect(r?.createdComponents).toEqual([componentId(HMI.mac, HMI.ip), componentId(PLC.mac, PLC.ip)]);
    const flow = store.flows.get(r?.flowId as string);
    expect(flow).toMatchObject({
      src: { mac: '00:0e:8c:00:00:01', ip: '10.10.1.20', port: 49152, componentId: componentId(HMI.mac, HMI.ip) },
      dst: { port: 102 },
      networkCategory: 'control',
      tags: { S7: 'info', READ_VAR: 'info' },
      properties: { 's7-function': 'read-var' },
      firstSeen: T0,
      lastSeen: T0,
      sensorId: 'sensor-1',
    });
    const events = store.events.list({ limit: 10, offset: 0, order: 'asc' });
    expect(events.map((e) => e.shortMessage)).toEqual(['New component detected', 'New component detected']);
    expect(events[0]?.message).toBe('New component detected on the network: IP 10.10.1.20, MAC 00:0e:8c:00:00:01');
    expect(store.components.get(componentId(PLC.mac, PLC.ip))?.tags).toEqual({ PLC: 'info' });
  });

  it('updates the same flow when the same conversation is seen again', () => {
    const [a] = ingest.ingest([s7()]);
    const [b] = ingest.ingest([s7({ time: T0 + 5_000_000, properties: { 's7-mode': 'userdata' } })]);
    expect(b?.flowId).toBe(a?.flowId);
    expect(b?.isNew).toBe(false);
    expect(b?.createdComponents).toEqual([]);
    const flow = store.flows.get(a?.flowId as string);
    expect(flow?.firstSeen).toBe(T0);
    expect(flow?.lastSeen).toBe(T0 + 5_000_000);
    expect(flow?.properties).toEqual({ 's7-function': 'read-var', 's7-mode': 'userdata' });
    expect(store.components.get(componentId(PLC.mac, PLC.ip))?.lastActiveTime).toBe(T0 + 5_000_000);
    expect(count('flow')).toBe(1);
  });

  it('a late observation widens first_seen but leaves last_seen', () => {
    const [a] = ingest.ingest([s7({ time: T0 + 10 })]);
    ingest.ingest([s7({ time: T0 })]);
    expect(store.flows.get(a?.flowId as string)).toMatchObject({ firstSeen: T0, lastSeen: T0 + 10 });
  });

  it('fills normalized fields from endpoint properties and emits "New properties detected" (guide 5.5)', () => {
    ingest.ingest([
      s7({
        dst: { ...PLC, properties: { 'name-s7plus-plc': 'PLC_3', 's7plus-moduleref': '6ES7 212-1BE40-0XB0', 's7plus-modulever': 'V4.0', vendor: 'Siemens AG' } },
      }),
    ]);
    const plc = store.components.get(componentId(PLC.mac, PLC.ip));
    expect(plc).toMatchObject({ name: 'PLC_3', modelRef: '6ES7 212-1BE40-0XB0', fwVersion: 'V4.0', vendorName: 'Siemens AG' });
    const found = store.events.list({ limit: 10, offset: 0, order: 'asc' }).find((e) => e.shortMessage === 'New properties detected');
    expect(found?.message).toBe('Found new normalized properties: model-ref=6ES7 212-1BE40-0XB0, fw-version=V4.0, vendor=Siemens AG');
    expect(found?.componentId).toBe(plc?.id);
  });

  it('turns a controller operation into an event about the flow (guide 2.1)', () => {
    const [r] = ingest.ingest([s7({ properties: { 's7plus-cpustatechange': 'stop-cpu' } })]);
    const e = store.events.list({ limit: 10, offset: 0, order: 'asc', severities: ['Very High'] });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ shortMessage: 'Stop CPU detected', family: 'PLC Control', category: 'Run Orders', flowId: r?.flowId });
    ingest.ingest([s7({ time: T0 + 1, properties: { 's7plus-cpustatechange': 'stop-cpu' } })]);
    expect(store.events.list({ limit: 10, offset: 0, order: 'asc', severities: ['Very High'] })).toHaveLength(1);
  });

  it('records contents and adds packet counts to the stats', () => {
    const packets = [{ direction: 'Client→Server' as const, nbPackets: 2, l2Bytes: 200, l7Bytes: 80 }];
    const [r] = ingest.ingest([s7({ packets, contents: [{ direction: 'Server→Client', content: { 's7-mode': 'userdata' } }] })]);
    ingest.ingest([s7({ time: T0 + 1, packets })]);
    const rowid = store.flows.rowid(r?.flowId as string) as number;
    expect(store.flows.stats(rowid, r?.flowId as string)).toEqual([
      { flowId: r?.flowId, direction: 'Client→Server', directionMethod: 'detected', nbPackets: 4, l2Bytes: 400, l7Bytes: 160 },
    ]);
    expect(store.flows.contents(rowid, { limit: 10, offset: 0, order: 'asc' })).toMatchObject([
      { direction: 'Server→Client', time: T0, content: { 's7-mode': 'userdata' } },
    ]);
  });

  it('gives a known flow the sensor of its last observation that names one', () => {
    const [first] = ingest.ingest([s7()]);
    const sensor = () => store.flows.get(first?.flowId as string)?.sensorId;
    expect(sensor()).toBe('sensor-1');
    ingest.ingest([s7({ time: T0 + 5, sensorId: 'sensor-2' })]);
    expect(sensor()).toBe('sensor-2');
    ingest.ingest([s7({ time: T0 + 6, sensorId: null }), s7({ time: T0 + 7, sensorId: 'sensor-2' })]);
    expect(sensor()).toBe('sensor-2');
    ingest.ingest([s7({ time: T0 + 8, sensorId: 'sensor-1', properties: { 's7-function': 'read-var' } })]);
    expect(sensor()).toBe('sensor-1');
  });

  it('gives the same database whether a conversation is seen in one batch or across batches', () => {
    const packets = [{ direction: 'Client→Server' as const, nbPackets: 2, l2Bytes: 200, l7Bytes: 80 }];
    const seen = [
      s7({ packets }),
      s7({ time: T0 + 5, sensorId: 'sensor-2', packets, properties: { 's7plus-cpustatechange': 'stop-cpu' } }),
      s7({ time: T0 - 5, packets, properties: { 's7-function': 'write-var' } }),
    ];
    const dump = (s: Store) =>
      ['flow', 'flow_tag', 'flow_prop', 'flow_stats', 'event', 'component', 'component_tag', 'component_prop'].map((t) =>
        s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all(),
      );
    const results = ingest.ingest(seen);
    expect(results.map((r) => r.isNew)).toEqual([true, false, false]);
    const flow = store.flows.get(results[0]?.flowId as string);
    expect(flow).toMatchObject({ firstSeen: T0 - 5, lastSeen: T0 + 5, sensorId: 'sensor-1', properties: { 's7-function': 'write-var' } });
    const stop = store.events.list({ limit: 10, offset: 0, order: 'asc', severities: ['Very High'] });
    expect(stop.map((e) => e.flowId)).toEqual([results[0]?.flowId]);

    const other = openStore(':memory:');
    const rng = new Random(9);
    const oneByOne = createIngest(other, { newId: () => rng.uuid4(), analyzers: () => [] });
    for (const o of seen) oneByOne.ingest([o]);
    expect(dump(store)).toEqual(dump(other));
    other.close();
  });

  it('applies every effect an analyzer returns, after the Knowledge DB (the rules seam)', () => {
    extra = [
      () => ({
        networkCategory: 'field',
        flowTags: { SSH: 'important' },
        srcTags: { HMI: 'info' },
        dstProperties: { 'fw-version': 'V9' },
        events: [{ severity: 'Medium', type: 'Behavioral', family: 'Protocol Events', category: 'Security', shortMessage: 'rule', message: 'a rule fired' }],
      }),
    ];
    const [r] = ingest.ingest([s7()]);
    const flow = store.flows.get(r?.flowId as string);
    expect(flow?.networkCategory).toBe('field');
    expect(flow?.tags['SSH']).toBe('important');
    expect(store.components.get(componentId(HMI.mac, HMI.ip))?.tags).toEqual({ HMI: 'info' });
    expect(store.components.get(componentId(PLC.mac, PLC.ip))?.fwVersion).toBe('V9');
    const fired = store.events.list({ limit: 50, offset: 0, order: 'asc', categories: ['Security'] });
    expect(fired).toMatchObject([{ message: 'a rule fired', flowId: r?.flowId }]);
  });

  it('never downgrades an important tag to info', () => {
    extra = [(f) => (f.tags['READ_VAR'] ? { flowTags: { READ_VAR: 'important' } } : {})];
    const [r] = ingest.ingest([s7()]);
    extra = [];
    ingest.ingest([s7({ time: T0 + 1 })]);
    expect(store.flows.get(r?.flowId as string)?.tags['READ_VAR']).toBe('important');
  });

  it('keeps a batch all or nothing', () => {
    const dup = { id: '11111111-1111-4111-8111-111111111111', direction: 'Client→Server' as const, content: {} };
    expect(() =>
      ingest.ingest([s7(), s7({ src: { ...HMI, port: 50001 }, contents: [dup] }), s7({ src: { ...HMI, port: 50002 }, contents: [dup] })]),
    ).toThrow();
    expect([count('component'), count('flow'), count('event'), count('flow_content')]).toEqual([0, 0, 0, 0]);
  });

  it('sees a write to a component between batches, by the store or by another process', async () => {
    const plc = componentId(PLC.mac, PLC.ip);
    ingest.ingest([s7()]);
    const rowid = store.components.rowid(plc) as number;
    store.components.setProperties(rowid, { ...store.components.get(plc)?.properties, owner: 'ops' }, { owner: 'ops' });
    extra = [() => ({ dstProperties: { 'fw-version': '2.1' } })];
    ingest.ingest([s7({ time: T0 + 1 })]);
    expect(store.components.get(plc)?.properties).toMatchObject({ owner: 'ops', 'fw-version': '2.1' });

    const dir = mkdtempSync(join(tmpdir(), 'ccv-ingest-'));
    const mine = openStore(join(dir, 'center.db'));
    const other = openStore(join(dir, 'center.db'));
    try {
      const rng = new Random(1);
      const fileIngest = createIngest(mine, { newId: () => rng.uuid4(), analyzers: () => extra, holdStates: true });
      extra = [];
      fileIngest.ingest([s7()]);
      const r = other.components.rowid(plc) as number;
      other.components.setProperties(r, { ...other.components.get(plc)?.properties, owner: 'cli' }, { owner: 'cli' });
      await new Promise((resolve) => setImmediate(resolve)); // another process's commit is seen from the next run on
      extra = [() => ({ dstProperties: { 'fw-version': '3.0' } })];
      fileIngest.ingest([s7({ time: T0 + 1 })]);
      expect(mine.components.get(plc)?.properties).toMatchObject({ owner: 'cli', 'fw-version': '3.0' });

      // Within one synchronous run too: the version was read before the other process committed.
      await new Promise((resolve) => setImmediate(resolve));
      mine.version();
      other.components.setProperties(r, { ...other.components.get(plc)?.properties, site: 'north' }, { site: 'north' });
      extra = [() => ({ dstProperties: { 'fw-version': '3.1' } })];
      fileIngest.ingest([s7({ time: T0 + 2 })]);
      expect(mine.components.get(plc)?.properties).toMatchObject({ owner: 'cli', site: 'north', 'fw-version': '3.1' });
    } finally {
      mine.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('forgets what a batch that rolled back did to its components', () => {
    const plc = componentId(PLC.mac, PLC.ip);
    ingest.ingest([s7()]);
    const dup = { id: '11111111-1111-4111-8111-111111111111', direction: 'Client→Server' as const, content: {} };
    extra = [() => ({ dstProperties: { leaked: 'yes' } })];
    expect(() => ingest.ingest([s7({ time: T0 + 1, contents: [dup] }), s7({ time: T0 + 2, contents: [dup] })])).toThrow();
    extra = [() => ({ dstProperties: { 'fw-version': '2.1' } })];
    ingest.ingest([s7({ time: T0 + 3 })]);
    const props = store.components.get(plc)?.properties;
    expect(props).toMatchObject({ 'fw-version': '2.1' });
    expect(props).not.toHaveProperty('leaked');
    expect(store.components.get(plc)?.lastActiveTime).toBe(T0 + 3);
  });

  it('forgets what a failed batch did to its components, even inside an outer transaction that goes on', () => {
    const plc = componentId(PLC.mac, PLC.ip);
    ingest.ingest([s7()]);
    extra = [
      () => ({ dstProperties: { leaked: 'yes' } }),
      () => {
        throw new Error('analyzer failed');
      },
    ];
    // Nothing of the failed batch was written and nothing rolled back: the version did not move.
    store.transaction(() => expect(() => ingest.ingest([s7({ time: T0 + 1 })])).toThrow('analyzer failed'));
    extra = [() => ({ dstProperties: { 'fw-version': '2.1' } })];
    ingest.ingest([s7({ time: T0 + 2 })]);
    expect(store.components.get(plc)?.properties).not.toHaveProperty('leaked');
  });

  it('holds component states across batches, a server\'s ingest too (a bounded number of them)', () => {
    ingest.ingest([s7()]);
    const states = vi.spyOn(store.components, 'states');
    ingest.ingest([s7({ time: T0 + 1 })]);
    expect(states).toHaveBeenCalledWith([]);

    const rng = new Random(2);
    const plain = createIngest(store, { newId: () => rng.uuid4() });
    states.mockClear();
    plain.ingest([s7({ time: T0 + 2 })]);
    plain.ingest([s7({ time: T0 + 3 })]);
    // Read by its first batch, held for the next (bounded by LIVE_HELD_STATES: component-states.test.ts tests a bound).
    expect(states.mock.calls.map(([ids]) => ids.length)).toEqual([2, 0]);
    states.mockRestore();
  });
});
