/**
 * `npm run bench`: measures the emulator on the `large` scenario (or BENCH_SCENARIO). Not a
 * test: it prints figures and writes bench/results/latest.json; nothing here asserts timing.
 *
 *  1. seeding time and peak RSS: a fresh server builds the world through the ingest pipeline
 *     (skipped with BENCH_DB=<file>: the bench then works on that database, which it changes);
 *  2. cold start: a second server on the existing DB, spawn → first 200;
 *  3. the unpaged 3.0 lists (every component, every device, streamed): MB/s and the server's RSS
 *     while it sends them;
 *  4. distinct pages (issue 17): 10 connections, every request a page or an item not asked
 *     before, as a client that exports or syncs a list asks them; the caches are emptied before
 *     each turn (a write, as any client's write would), so nothing of them is held;
 *  5. a first read of each page by one client, offsets 0 to 10 000 by 100;
 *  6. the warm path: the same request again and again, so pages and rows come from the caches
 *     (src/store/pager.ts, src/api/wire-cache.ts);
 *  7. distinct pages again with live traffic at CCV_TRAFFIC_RATE=1000 (writes every 200 ms);
 *  8. the ingest pipeline with 0, 100 and 1 000 rules (in process, bench/pipeline.ts).
 * Steps 4, 6 and 7 load each route beside a bare route serving a cached body of the same size,
 * in turns (bench/load.ts), and count the server's CPU during the route's turns, per request.
 * BENCH_ONLY=<words,…> runs the steps and workloads whose name holds one of the words, e.g.
 * `BENCH_ONLY=distinct BENCH_DB=/tmp/large.db npm run bench`.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Compared, type Load, compare, once, repeat } from './load.js';
import { pipelineBench } from './pipeline.js';
import { type Served, cpuMs, peakRssMb, serve, stop, transfer, until200 } from './server.js';

const SCENARIO = process.env['BENCH_SCENARIO'] ?? 'large';
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const ONLY = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);
const PORT = 18080;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOKEN = `ics-${'0123456789'.repeat(4)}-${'abcdef0123'.repeat(4)}`;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef0123456789';
const dir = join(tmpdir(), `ccv-bench-${SCENARIO}`);
const db = process.env['BENCH_DB'] ?? join(dir, 'center.db');
const FIXED = ['--token', TOKEN, '--admin-key', ADMIN_KEY];

const wanted = (name: string): boolean => ONLY.length === 0 || ONLY.some((word) => name.includes(word));
const api = (path: string) => `${ORIGIN}/api/1.0${path}${path.includes('?') ? '&' : '?'}token=${TOKEN}`;
const headers3 = { 'x-token-id': TOKEN };
const say = (line: string) => process.stdout.write(`${line}\n`);

/** A write that changes nothing a client sees: every cache of the server is emptied by it, as by any write. */
async function emptyCaches(): Promise<void> {
  const res = await fetch(`${ORIGIN}/_emulator/license`, { method: 'PUT', headers: { 'x-emulator-key': ADMIN_KEY, 'content-type': 'application/json' }, body: '{"api":true}' });
  if (res.status !== 200) throw new Error(`PUT /_emulator/license: ${res.status}`);
}

interface Sizes {
  components: number;
  flows: number;
  events: number;
  devices: number;
  /** Component ids spread over the table, none of them on the first pages. */
  componentIds: string[];
}

/** What the world holds, read from the file itself (read-only) so that no request warms a cache. */
function sizes(): Sizes {
  const file = new Database(db, { readonly: true });
  try {
    const count = (table: string) => file.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const components = count('component');
    const step = Math.max(1, Math.floor(components / 4000));
    const componentIds = file.prepare('SELECT id FROM component WHERE rowid % ? = 0 LIMIT 4000').pluck().all(step) as string[];
    return { components, flows: count('flow'), events: count('event'), devices: count('device'), componentIds };
  } finally {
    file.close();
  }
}

interface Workload {
  name: string;
  /** Paths under ORIGIN, each asked once. */
  paths: string[];
  headers: Record<string, string>;
}

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

function distinctWorkloads(s: Sizes): Workload[] {
  const pages = (rows: number, size: number, max: number) => range(Math.min(max, Math.floor(rows / size)));
  const v1 = (path: string) => `/api/1.0${path}&token=${TOKEN}`;
  return [
    { name: 'GET /api/1.0/component?limit=100&offset=k·100', paths: pages(s.components, 100, 1000).map((k) => v1(`/component?limit=100&offset=${k * 100}`)), headers: {} },
    { name: 'GET /api/1.0/flows?limit=100&offset=k·100', paths: pages(s.flows, 100, 4000).map((k) => v1(`/flows?limit=100&offset=${k * 100}`)), headers: {} },
    { name: 'GET /api/1.0/event?limit=100&offset=k·100', paths: pages(s.events, 100, 2000).map((k) => v1(`/event?limit=100&offset=${k * 100}`)), headers: {} },
    { name: 'GET /api/1.0/component?limit=2000&offset=k·2000', paths: pages(s.components, 2000, 100).map((k) => v1(`/component?limit=2000&offset=${k * 2000}`)), headers: {} },
    { name: 'GET /api/1.0/component/{id}, distinct ids', paths: s.componentIds.map((id) => `/api/1.0/component/${id}?token=${TOKEN}`), headers: {} },
    { name: 'GET /api/3.0/components?size=100&page=k', paths: pages(s.components, 100, 1000).map((k) => `/api/3.0/components?size=100&page=${k + 1}`), headers: headers3 },
    { name: 'GET /api/3.0/devices?size=100&page=k', paths: pages(s.devices, 100, 1000).map((k) => `/api/3.0/devices?size=100&page=${k + 1}`), headers: headers3 },
    { name: 'GET /api/3.0/flows?size=100&page=k', paths: pages(s.flows, 100, 4000).map((k) => `/api/3.0/flows?size=100&page=${k + 1}`), headers: headers3 },
  ];
}

/** A load's figures beside the baseline's, and the server's CPU per request of the load (ms). */
type Measured = Compared & { serverCpuMs: number };

/**
 * `compare`, counting the server's CPU during the route's turns (not the baseline's, which is
 * another process, nor `prepare`'s): per request, it moves less with the host's speed than the
 * rates do.
 */
async function measured(pid: number, body: string, turn: (i: number) => Promise<Load>, seconds: number, prepare = async () => {}): Promise<Measured> {
  let spent = 0;
  const c = await compare(body, dir, async (i) => {
    await prepare();
    const before = cpuMs(pid);
    const load = await turn(i);
    spent += cpuMs(pid) - before;
    return load;
  }, seconds);
  return { ...c, serverCpuMs: Number((spent / Math.max(1, c.route.requests)).toFixed(2)) };
}

/** Each path of the workload once, in two turns (half the paths each, the caches emptied first), beside the baseline. */
async function distinct(w: Workload, pid: number): Promise<Measured> {
  const first = await fetch(`${ORIGIN}${w.paths[0] as string}`, { headers: w.headers });
  const body = await first.text();
  if (first.status !== 200) throw new Error(`${w.name}: ${first.status} ${body.slice(0, 200)}`);
  const half = Math.ceil(w.paths.length / 2);
  const turns = [w.paths.slice(0, half), w.paths.slice(half)];
  return measured(pid, body, (i) => once(ORIGIN, turns[i] as string[], w.headers), DURATION / 2, emptyCaches);
}

function row(name: string, c: Measured & { serverPeakRssMb?: number }): string {
  return `| \`${name}\` | ${c.route.rps} | ${c.route.p50} | ${c.route.p99} | ${c.baseline.rps} | ${c.ratio} | ${c.route.mbPerSecond} | ${c.bytesRatio} | ${c.serverCpuMs} | ${c.serverPeakRssMb ?? '–'} |`;
}

const TABLE_HEAD =
  '| route | req/s | p50 ms | p99 ms | cached-body req/s | ratio | MB/s | bytes ratio | server CPU ms per request | server peak RSS so far, MB |\n|---|---|---|---|---|---|---|---|---|---|';

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  mkdirSync(dir, { recursive: true });
  const report: Record<string, unknown> = { scenario: SCENARIO, date: new Date().toISOString() };

  // 1. Seeding.
  if (!process.env['BENCH_DB'] || !existsSync(db)) {
    rmSync(db, { force: true });
    const t0 = performance.now();
    const first = serve(db, SCENARIO, PORT, FIXED);
    await until200(`${ORIGIN}/ca.pem`, 600_000);
    const seedWall = performance.now() - t0;
    const seeded = /seeded "[^"]+" in ([\d.]+) s/.exec(first.output())?.[1];
    report['seedingSeconds'] = seeded ? Number(seeded) : undefined;
    report['seedingWallMs'] = Math.round(seedWall);
    report['seedingPeakRssMb'] = peakRssMb(first.child.pid as number);
    await stop(first.child);
    say(`seeded in ${report['seedingSeconds']} s, peak RSS ${report['seedingPeakRssMb']} MB`);
  }
  const s = sizes();

  // 2. Cold start on the existing DB.
  const t1 = performance.now();
  let server: Served = serve(db, SCENARIO, PORT, FIXED);
  await until200(api('/component?limit=1'), 60_000);
  report['coldStartMs'] = Math.round(performance.now() - t1);
  say(`cold start ${report['coldStartMs']} ms`);
  await emptyCaches();

  // 3. The unpaged 3.0 lists (issue 15: streamed, the server under 300 MB).
  if (wanted('unpaged')) {
    const unpaged: Record<string, Awaited<ReturnType<typeof transfer>>> = {};
    for (const path of ['/components', '/devices']) {
      const u = (unpaged[path] = await transfer(`${ORIGIN}/api/3.0${path}`, headers3, server.child.pid as number));
      say(`unpaged GET /api/3.0${path}: ${u.mb} MB in ${u.seconds} s, ${u.mbPerSecond} MB/s, server RSS at most ${u.rssMb} MB`);
    }
    report['unpaged'] = unpaged;
  }

  // 4. Distinct pages.
  // The server's peak RSS once each workload is done: the workloads run in this order, so each
  // figure is the highest of its own and of the ones before it.
  const distinctResults: Record<string, Measured & { serverPeakRssMb: number }> = {};
  for (const w of distinctWorkloads(s)) {
    if (!wanted(`distinct ${w.name}`) || w.paths.length < 2) continue;
    const pid = server.child.pid as number;
    const c = (distinctResults[w.name] = { ...(await distinct(w, pid)), serverPeakRssMb: peakRssMb(pid) });
    say(`distinct ${w.name}: ${c.route.requests} requests, ${c.route.rps} req/s (p50 ${c.route.p50} ms, p99 ${c.route.p99} ms, ${c.route.mbPerSecond} MB/s) vs cached ${c.baseline.rps} req/s → ${c.ratio} (bytes ${c.bytesRatio}), server CPU ${c.serverCpuMs} ms a request, peak RSS so far ${c.serverPeakRssMb} MB`);
  }
  report['distinct'] = distinctResults;

  // 5. A first read of each page by one client.
  if (wanted('walk')) {
    await emptyCaches();
    const walks: Record<string, { pages: number; meanMs: number; p99Ms: number }> = {};
    for (const path of ['/component?limit=100', '/flows?limit=100&tag=Modbus', '/event?limit=100&severity=high']) {
      const times: number[] = [];
      for (let offset = 0; offset <= 10_000; offset += 100) {
        const t = performance.now();
        const res = await fetch(api(`${path}&offset=${offset}`));
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}&offset=${offset}: ${res.status}`);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      const w = (walks[path] = { pages: times.length, meanMs: Number(mean.toFixed(2)), p99Ms: Number((times[Math.floor(times.length * 0.99)] ?? 0).toFixed(2)) });
      say(`walk ${path}: ${w.pages} pages read once, mean ${w.meanMs} ms, p99 ${w.p99Ms} ms`);
    }
    report['walks'] = walks;
  }

  // 6. The warm path: the same request again and again.
  const componentId = s.componentIds[0] as string;
  const warmCases: [string, string][] = [
    ['GET /component?limit=100', '/component?limit=100'],
    ['GET /component?limit=100&offset=10000', '/component?limit=100&offset=10000'],
    ['GET /flows?limit=100&tag=Modbus', '/flows?limit=100&tag=Modbus'],
    ['GET /flows?limit=100&tag=Modbus&offset=10000', '/flows?limit=100&tag=Modbus&offset=10000'],
    ['GET /event?limit=100&severity=high', '/event?limit=100&severity=high'],
    ['GET /event?limit=100&severity=high&offset=10000', '/event?limit=100&severity=high&offset=10000'],
    ['GET /component/{id}', `/component/${componentId}`],
  ];
  const warm: Record<string, Measured> = {};
  for (const [name, path] of warmCases) {
    if (!wanted(`warm ${name}`)) continue;
    const body = await (await fetch(api(path))).text();
    const c = (warm[name] = await measured(server.child.pid as number, body, () => repeat(api(path), DURATION / 2), DURATION / 2));
    say(`warm ${name}: ${c.route.rps} req/s (p50 ${c.route.p50} ms, p99 ${c.route.p99} ms) vs cached ${c.baseline.rps} req/s → ${c.ratio}, server CPU ${c.serverCpuMs} ms a request`);
  }
  report['load'] = warm;
  report['servingPeakRssMb'] = peakRssMb(server.child.pid as number);
  await stop(server.child);

  // 7. Distinct pages while live traffic writes.
  const traffic: Record<string, Measured> = {};
  const TRAFFIC_WORKLOADS = ['GET /api/1.0/component?limit=100&offset=k·100', 'GET /api/3.0/components?size=100&page=k'];
  const withTraffic = distinctWorkloads(s).filter((w) => TRAFFIC_WORKLOADS.includes(w.name));
  if (withTraffic.some((w) => wanted(`traffic ${w.name}`))) {
    server = serve(db, SCENARIO, PORT, FIXED, { CCV_TRAFFIC_RATE: '1000' });
    await until200(api('/component?limit=1'), 60_000);
    for (const w of withTraffic) {
      if (!wanted(`traffic ${w.name}`)) continue;
      const c = (traffic[w.name] = await distinct(w, server.child.pid as number));
      say(`traffic 1000/s, distinct ${w.name}: ${c.route.rps} req/s (p50 ${c.route.p50} ms, p99 ${c.route.p99} ms) vs cached ${c.baseline.rps} req/s → ${c.ratio}, server CPU ${c.serverCpuMs} ms a request (with the traffic's ingest)`);
    }
    await stop(server.child);
  }
  report['distinctWithTraffic'] = traffic;

  // 8. The ingest pipeline with 0, 100 and 1 000 rules (in process).
  const pipeline = wanted('pipeline') ? pipelineBench() : [];
  report['pipeline'] = pipeline;

  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  for (const [title, results] of [['distinct pages', distinctResults], ['warm path', warm], ['distinct pages, live traffic 1000/s (the server CPU holds its ingest)', traffic]] as const) {
    if (Object.keys(results).length === 0) continue;
    say(`\n${title}\n${TABLE_HEAD}`);
    for (const [name, c] of Object.entries(results)) say(row(name, c));
  }
  for (const p of pipeline) say(`pipeline, ${p.rules} rules, ${p.workload} conversations: ${p.flowsPerSecond} flows/s`);
  say(`\nseeding ${report['seedingSeconds'] ?? '(skipped)'} s, cold start ${report['coldStartMs']} ms, peak RSS ${report['seedingPeakRssMb'] ?? '–'} MB (seeding) / ${report['servingPeakRssMb']} MB (serving)`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
