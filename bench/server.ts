/** The bench's servers: the emulator as `npm start` runs it, and what is read of it from /proc. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Served {
  child: ChildProcess;
  output: () => string;
}

/**
 * The V8 flags a Center runs with: `npm start` (package.json) and the Docker image (Dockerfile)
 * spell them out, and test/scripts/node-flags.test.ts checks that they match these.
 * - A young generation of at most 4 MiB a semi-space: under load the RSS stays lower at the same
 *   throughput (docs/performance.md, "Where the serving memory goes").
 * - The old generation let grow to twice its live size before the next full collection, not by
 *   V8's own factor (up to four times): the server's peak RSS over the distinct-page workloads
 *   on `large` 337 – 371 → 235 MB at the same server CPU, and the JavaScript heap while seeding
 *   `large` 918 → 511 MB at the same garbage-collection time. Half its live size (50) gave 210
 *   MB serving but cost seeding about 4.5 s more collecting (docs/performance.md, 2026-12-06).
 */
export const NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=100'] as const;

/** The built emulator on `db` as `npm start` runs it (its bundle, the same node flags), HTTP on `port`. */
export function serve(db: string, scenario: string, port: number, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Served {
  const args = [...NODE_FLAGS, 'dist/bundle/main.js', '--db', db, '--scenario', scenario, '--https-port', '0', '--http-port', String(port), '--log-level', 'silent', ...extra];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

/** Milliseconds until `url` answers 200. */
export async function until200(url: string, limitMs: number): Promise<number> {
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

export function rssMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export const peakRssMb = (pid: number): number => rssMb(pid, 'VmHWM');

/** The CPU time a process has spent so far, user and system, in ms (/proc/<pid>/stat counts ticks of 10 ms). */
export function cpuMs(pid: number): number {
  // The command name may hold spaces: the fields are counted after its closing parenthesis,
  // where utime and stime are the 12th and 13th (14 and 15 of the whole line).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`/proc/${pid}/stat: no utime and stime`);
  return ticks * 10;
}

export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}

/** One whole answer read as it streams: its size, MB/s, and the server's highest RSS meanwhile (sampled every 20 ms). */
export async function transfer(url: string, headers: Record<string, string>, pid: number): Promise<{ mb: number; seconds: number; mbPerSecond: number; rssMb: number }> {
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
