import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedRules } from '../../src/ingest/analyzer.js';
import type { FlowObservation } from '../../src/ingest/observation.js';
import { createIngest } from '../../src/ingest/pipeline.js';
import { Random } from '../../src/random.js';
import { openStore, type Store } from '../../src/store/store.js';

const T0 = Date.UTC(2026, 0, 1) * 1000;
/** A conversation to port 40000, which the Knowledge DB does not tag. */
const observation = (time: number, port: number): FlowObservation => ({
  time,
  src: { mac: '00:0e:8c:00:00:01', ip: '10.10.1.20', port },
  dst: { mac: '00:1b:1b:00:00:02', ip: '10.10.1.10', port: 40000 },
  ethertype: 'IPv4',
  protocol: 'TCP',
});
const rule = { id: '6a3f0f44-1d6c-4c8e-9b8a-0c2f7f3b7d10', ports: [40000], actions: [{ name: 'TagFlow', params: { tag: 'RULED', type: 'important', throw_admin_event: false } }] };

let dir: string;
let server: Store;
let cli: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccv-rules-'));
  server = openStore(join(dir, 'center.db'));
  cli = openStore(join(dir, 'center.db'));
});
afterEach(() => {
  server.close();
  cli.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('storedRules', () => {
  it('applies a rule written through the store to the next batch', () => {
    const rng = new Random(1);
    const ingest = createIngest(server, { newId: () => rng.uuid4(), analyzers: storedRules(server) });
    const [before] = ingest.ingest([observation(T0, 50000)]);
    server.portRules.insert(rule);
    const [after] = ingest.ingest([observation(T0 + 1, 50001)]);
    expect(server.flows.get(before?.flowId as string)?.tags).toEqual({});
    expect(server.flows.get(after?.flowId as string)?.tags).toEqual({ RULED: 'important' });
  });

  it('applies a rule another process wrote on the same file (the command line) to the next batch', async () => {
    const rng = new Random(1);
    const ingest = createIngest(server, { newId: () => rng.uuid4(), analyzers: storedRules(server) });
    ingest.ingest([observation(T0, 50000)]);
    cli.portRules.insert(rule);
    await Promise.resolve(); // another connection's commit is seen from the next synchronous run
    const [after] = ingest.ingest([observation(T0 + 1, 50001)]);
    expect(server.flows.get(after?.flowId as string)?.tags).toEqual({ RULED: 'important' });
  });
});
