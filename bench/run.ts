/**
 * `npm run bench`: measures the emulator on the `large` scenario (or BENCH_SCENARIO). Not a
 * test: it prints figures and writes bench/results/latest.json; nothing here asserts timing.
 *
 *  1. seeding time and peak RSS: a fresh server builds the world through the ingest pipeline;
 *  2. cold start: a second server on the existing DB, spawn → first 200;
 *  3. the unpaged 3.0 lists (every component, every device, streamed): MB/s and the server's RSS
 *     while it sends them; then a first read of each page: one client walks each list to offset
 *     10 000, 100 at a time;
 *  4. load: autocannon, 10 connections, on the list and item routes, each beside a bare Fastify
 *     route that returns a cached body of the same size, in turns (the ratio is the figure that
 *     matters).
 *     The same request again and again: pages and rows come from the caches (src/store/pager.ts,
 *     src/api/v1/wire-cache.ts), so this measures the warm path; step 3 measures the cold one.
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { pipelineBench } from './pipeline.js';
const SCENARIO = process.env['BENCH_SCENARIO'] ?? 'large';
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 8);
const PORT = 18080;
const BASE_PORT = 18081;
const dir = join(tmpdir(), `ccv-bench-${SCENARIO}`);
const db = join(dir, 'center.db');

function serve(extra: string[]): { child: ChildProcess; output: () => string } {
  // The same node flags as `npm start` (package.json).
  const child = spawn(process.execPath, ['--max-semi-space-size=4', 'dist/cli/main.js', '--db', db, '--scenario', SCENARIO, '--https-port', '0', '--http-port', String(PORT), '--log-level', 'silent', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function until200(url: string, limitMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < limitMs) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no 200 from ${url} within ${limitMs} ms`);
}

function rssMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

const peakRssMb = (pid: number): number => rssMb(pid, 'VmHWM');

/** One whole answer read as it streams: its size, MB/s, and the server's highest RSS meanwhile (sampled every 20 ms). */
async function transfer(url: string, headers: Record<string, string>, pid: number): Promise<{ mb: number; seconds: number; mbPerSecond: number; rssMb: number }> {
  let rss = rssMb(pid, 'VmRSS');
  const sampler = setInterval(() => (rss = Math.max(rss, rssMb(pid, 'VmRSS'))), 20);
  const t = performance.now();
  const res = await fetch(url, { headers });
  if (res.status !== 200 || !res.body) throw new Error(`${url}: ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength;
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const mb = bytes / 1e6;
  return { mb: Number(mb.toFixed(1)), seconds: Number(seconds.toFixed(2)), mbPerSecond: Number((mb / seconds).toFixed(1)), rssMb: rss };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, seconds: number): Promise<Load> {
  const r = await autocannon({ url, connections: 10, duration: seconds });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

/** Runs of one load merged: requests/s averaged, the worse latencies kept. */
function merged(runs: Load[]): Load {
  return {
    rps: Math.round(runs.reduce((sum, r) => sum + r.rps, 0) / runs.length),
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

/**
 * The route and its baseline in turns (route, baseline, route, baseline), each half of
 * DURATION: a slow spell of the machine then weighs on both, not on one of them.
 */
async function alternate(route: string, baseline: string): Promise<{ route: Load; baseline: Load }> {
  const runs: { route: Load[]; baseline: Load[] } = { route: [], baseline: [] };
  for (let i = 0; i < 2; i++) {
    runs.route.push(await load(route, DURATION / 2));
    runs.baseline.push(await load(baseline, DURATION / 2));
  }
  return { route: merged(runs.route), baseline: merged(runs.baseline) };
}

async function main(): Promise<void> {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  // 1. Seeding.
  const t0 = performance.now();
  const first = serve([]);
  const seedWall = await until200(`http://127.0.0.1:${PORT}/ca.pem`, 600_000).then(() => performance.now() - t0);
  const seeded = /seeded "[^"]+" in ([\d.]+) s/.exec(first.output())?.[1];
  const token = /API token\s+(ics-[0-9a-f-]+)/.exec(first.output())?.[1];
  if (!token) throw new Error(`no token in the server's output:\n${first.output()}`);
  const seedRss = peakRssMb(first.child.pid as number);
  await stop(first.child);

  // 2. Cold start on the existing DB.
  const t1 = performance.now();
  const second = serve([]);
  const api = (path: string) => `http://127.0.0.1:${PORT}/api/1.0${path}${path.includes('?') ? '&' : '?'}token=${token}`;
  await until200(api('/component?limit=1'), 30_000);
  const coldStart = performance.now() - t1;

  // 3. The unpaged 3.0 lists (issue 15: streamed, the server under 300 MB), first thing on the
  // fresh server: nothing of them cached.
  const unpaged: Record<string, Awaited<ReturnType<typeof transfer>>> = {};
  for (const path of ['/components', '/devices']) {
    unpaged[path] = await transfer(`http://127.0.0.1:${PORT}/api/3.0${path}`, { 'x-token-id': token }, second.child.pid as number);
    const u = unpaged[path];
    process.stdout.write(`unpaged GET /api/3.0${path}: ${u.mb} MB in ${u.seconds} s, ${u.mbPerSecond} MB/s, server RSS at most ${u.rssMb} MB\n`);
  }

  // A first read of every page: one client walks each list from offset 0 to 10 000, 100 at a
  // time, on the freshly started server (no page or row of these lists read before).
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
    walks[path] = { pages: times.length, meanMs: Number(mean.toFixed(2)), p99Ms: Number((times[Math.floor(times.length * 0.99)] ?? 0).toFixed(2)) };
    process.stdout.write(`walk ${path}: ${times.length} pages read once, mean ${walks[path].meanMs} ms, p99 ${walks[path].p99Ms} ms\n`);
  }

  // 4. Load, each route beside the cached-body baseline: the same request again and again.
  const firstPage = (await (await fetch(api('/component?limit=100'))).json()) as { id: string }[];
  const componentId = firstPage[50]?.id ?? firstPage[0]?.id;
  const cases: [string, string][] = [
    ['GET /component?limit=100', '/component?limit=100'],
    ['GET /component?limit=100&offset=10000', '/component?limit=100&offset=10000'],
    ['GET /flows?limit=100&tag=Modbus', '/flows?limit=100&tag=Modbus'],
    ['GET /flows?limit=100&tag=Modbus&offset=10000', '/flows?limit=100&tag=Modbus&offset=10000'],
    ['GET /event?limit=100&severity=high', '/event?limit=100&severity=high'],
    ['GET /event?limit=100&severity=high&offset=10000', '/event?limit=100&severity=high&offset=10000'],
    [`GET /component/{id}`, `/component/${componentId}`],
  ];
  const results: Record<string, { route: Load; baseline: Load; ratio: number; bytes: number }> = {};
  for (const [name, path] of cases) {
    const body = await (await fetch(api(path))).text();
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, body);
    const baseline = spawn(process.execPath, ['bench/baseline-server.mjs', bodyFile, String(BASE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await until200(`http://127.0.0.1:${BASE_PORT}/cached`, 10_000);
    const { route, baseline: base } = await alternate(api(path), `http://127.0.0.1:${BASE_PORT}/cached`);
    await stop(baseline);
    results[name] = { route, baseline: base, ratio: Number((route.rps / base.rps).toFixed(3)), bytes: body.length };
    process.stdout.write(`${name}: ${route.rps} req/s (p50 ${route.p50} ms, p99 ${route.p99} ms) vs cached ${base.rps} req/s → ${results[name].ratio}\n`);
  }
  const serveRss = peakRssMb(second.child.pid as number);
  await stop(second.child);

  // 5. The ingest pipeline with 0, 100 and 1 000 rules (in process).
  const pipeline = pipelineBench();

  const report = {
    pipeline,
    scenario: SCENARIO,
    date: new Date().toISOString(),
    seedingSeconds: seeded ? Number(seeded) : undefined,
    seedingWallMs: Math.round(seedWall),
    coldStartMs: Math.round(coldStart),
    peakRssMb: { seeding: seedRss, serving: serveRss },
    unpaged,
    walks,
    load: results,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n| route | req/s | p50 ms | p99 ms | cached-body req/s | ratio |\n|---|---|---|---|---|---|\n`);
  for (const [name, r] of Object.entries(results)) {
    process.stdout.write(`| \`${name}\` | ${r.route.rps} | ${r.route.p50} | ${r.route.p99} | ${r.baseline.rps} | ${r.ratio} |\n`);
  }
  for (const p of pipeline) process.stdout.write(`pipeline, ${p.rules} rules, ${p.workload} conversations: ${p.flowsPerSecond} flows/s\n`);
  process.stdout.write(`\nseeding ${report.seedingSeconds} s, cold start ${report.coldStartMs} ms, peak RSS ${seedRss} MB (seeding) / ${serveRss} MB (serving)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
