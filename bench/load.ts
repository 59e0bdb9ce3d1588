/**
 * Load with autocannon (10 connections), and the yardstick beside it: a bare Fastify route that
 * returns a cached body of the same size (bench/baseline-server.mjs), run in turns with the
 * route so that a slow spell of the machine weighs on both. The ratio is the figure that matters.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stop, until200 } from './server.js';

const CONNECTIONS = 10;
const BASE_PORT = 18081;

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  /** Bytes of the answers per second, in MB. */
  mbPerSecond: number;
  requests: number;
  non2xx: number;
}

/** `seconds`: how long the load took; autocannon's own duration by default. */
function figures(r: autocannon.Result, seconds = r.duration): Load {
  return {
    rps: Math.round(r.requests.total / seconds),
    p50: r.latency.p50,
    p99: r.latency.p99,
    mbPerSecond: Number((r.throughput.total / seconds / 1e6).toFixed(1)),
    requests: r.requests.total,
    non2xx: r.non2xx,
  };
}

/** The same request again and again for `seconds`. */
export async function repeat(url: string, seconds: number): Promise<Load> {
  return figures(await autocannon({ url, connections: CONNECTIONS, duration: seconds }));
}

/**
 * Each path once (`origin` + path), CONNECTIONS at a time, timed from the start to the last
 * answer: autocannon ends a run of a given `amount` at its next whole second (2 000 answers in
 * 0.4 s report 1.01 s), so its own duration made every figure of a short run a floor.
 */
export async function once(origin: string, paths: readonly string[], headers: Record<string, string>): Promise<Load> {
  let next = 0;
  const started = performance.now();
  let last = started;
  const run = autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount: paths.length,
    headers,
    requests: [
      {
        setupRequest: (req) => {
          req.path = paths[next++ % paths.length] as string;
          return req;
        },
      },
    ],
  });
  // Without a callback autocannon returns its event emitter, made thenable; its types say Promise only.
  (run as unknown as EventEmitter).on('response', () => (last = performance.now()));
  return figures(await run, (last - started) / 1000);
}

/** Runs of one load merged: rates averaged, the worse latencies kept. */
function merged(runs: Load[]): Load {
  const mean = (f: (l: Load) => number) => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  return {
    rps: Math.round(mean((r) => r.rps)),
    p50: Math.max(...runs.map((r) => r.p50)),
    p99: Math.max(...runs.map((r) => r.p99)),
    mbPerSecond: Number(mean((r) => r.mbPerSecond).toFixed(1)),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

export interface Compared {
  route: Load;
  baseline: Load;
  /** route req/s over the baseline's. */
  ratio: number;
  /** route bytes/s over the baseline's. */
  bytesRatio: number;
  bytes: number;
}

/**
 * `turn(i)` loads the route (i = 0, 1), each turn followed by the cached-body baseline for
 * `seconds`, the body being `body` (an answer of the route).
 */
export async function compare(body: string, dir: string, turn: (i: number) => Promise<Load>, seconds: number): Promise<Compared> {
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  const baseline = spawn(process.execPath, ['bench/baseline-server.mjs', bodyFile, String(BASE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const cached = `http://127.0.0.1:${BASE_PORT}/cached`;
  try {
    await until200(cached, 10_000);
    const runs: { route: Load[]; baseline: Load[] } = { route: [], baseline: [] };
    for (let i = 0; i < 2; i++) {
      runs.route.push(await turn(i));
      runs.baseline.push(await repeat(cached, seconds));
    }
    const route = merged(runs.route);
    const base = merged(runs.baseline);
    return {
      route,
      baseline: base,
      ratio: Number((route.rps / base.rps).toFixed(3)),
      bytesRatio: Number((route.mbPerSecond / base.mbPerSecond).toFixed(3)),
      bytes: Buffer.byteLength(body),
    };
  } finally {
    await stop(baseline);
  }
}
