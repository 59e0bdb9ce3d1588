/**
 * Flows per second through the ingest pipeline with 0, 100 and 1 000 active rules, in batches
 * of 1 000 observations (issue 4's benchmark). In process, on a file database with the
 * `default` world. Two workloads, each measured on its own:
 *  - new: every observation is a conversation never seen (new flows between 5 000 devices);
 *  - known: the same conversations seen again later, with packet counts (what a running
 *    plant mostly sends: live traffic is 94 % known conversations).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../src/clock.js';
import { storedRules } from '../src/ingest/analyzer.js';
import type { FlowObservation } from '../src/ingest/observation.js';
import { createIngest } from '../src/ingest/pipeline.js';
import { Random } from '../src/random.js';
import { openCenter } from '../src/startup.js';

const OBSERVATIONS = Number(process.env['BENCH_PIPELINE_OBSERVATIONS'] ?? 50_000);
const BATCH = 1000;
const DEVICES = 5000;

export interface PipelineResult {
  rules: number;
  workload: 'new' | 'known';
  observations: number;
  seconds: number;
  flowsPerSecond: number;
}

/** n rules, half port rules and half property rules; most of them match no flow, as on a real site. */
function addRules(center: ReturnType<typeof openCenter>, n: number, rng: Random): void {
  const tags = ['SSH', 'WEB', 'S7', 'MODBUS'];
  center.store.transaction(() => {
    for (let i = 0; i < n; i++) {
      const action = { name: 'TagFlow', params: { tag: rng.pick(tags), type: 'info', throw_admin_event: false } };
      if (i % 2 === 0) center.store.portRules.insert({ id: rng.uuid4(), ports: [`TCP/${rng.int(1, 65535)}`, String(rng.int(1, 65535))], actions: [action] });
      else center.store.propertyRules.insert({ id: rng.uuid4(), test: { operator: 'and', conditions: [{ name: 'PropValue', params: { property: 'modbus-function', value: `f${rng.int(1, 200)}` } }] }, actions: [action] });
    }
  });
}

export function pipelineBench(ruleCounts: readonly number[] = [0, 100, 1000]): PipelineResult[] {
  const results: PipelineResult[] = [];
  for (const rules of ruleCounts) {
    const dir = mkdtempSync(join(tmpdir(), 'ccv-pipeline-'));
    try {
      const clock = new FixedClock(Date.UTC(2026, 10, 1) * 1000);
      const center = openCenter({ db: join(dir, 'center.db'), scenario: 'default', reset: false, clock });
      const rng = new Random(rules + 1);
      addRules(center, rules, rng);
      const ingest = createIngest(center.store, { newId: randomUUID, analyzers: storedRules(center.store) });
      const mac = (i: number) => `00:1d:9c:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
      const pairs: [number, number][] = [];
      for (let i = 0; i < OBSERVATIONS; i++) pairs.push([rng.int(0, DEVICES - 1), rng.int(0, DEVICES - 1)]);
      const observe = (i: number, time: number): FlowObservation => {
        const [a, b] = pairs[i] as [number, number];
        return {
          time,
          src: { mac: mac(a), ip: `10.50.${a >> 8}.${a & 255}`, port: 40000 + (i % 20000) },
          dst: { mac: mac(b), ip: `10.50.${b >> 8}.${b & 255}`, port: 502 },
          ethertype: 'IPv4',
          protocol: 'TCP',
          properties: { 'modbus-function': `f${i % 200}`, 'modbus-unit-id': String(i % 7) },
          packets: [{ direction: 'Client→Server', nbPackets: 4, l2Bytes: 480, l7Bytes: 264 }],
        };
      };
      for (const workload of ['new', 'known'] as const) {
        // The second pass sees the same conversations an hour later.
        const offset = workload === 'new' ? 0 : 3_600_000_000;
        const t0 = performance.now();
        for (let done = 0; done < OBSERVATIONS; done += BATCH) {
          const batch: FlowObservation[] = [];
          for (let i = done; i < Math.min(done + BATCH, OBSERVATIONS); i++) batch.push(observe(i, clock.now() + offset + i));
          ingest.ingest(batch);
        }
        const seconds = (performance.now() - t0) / 1000;
        const flowsPerSecond = Math.round(OBSERVATIONS / seconds);
        results.push({ rules, workload, observations: OBSERVATIONS, seconds: Number(seconds.toFixed(2)), flowsPerSecond });
        process.stdout.write(`pipeline with ${rules} rules, ${workload} conversations: ${flowsPerSecond} flows/s\n`);
      }
      center.store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

if (process.argv[1]?.endsWith('pipeline.ts')) pipelineBench();
