/** The bench's servers: the emulator as `npm start` runs it, and what is read of it from /proc. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Served {
  child: ChildProcess;
  output: () => string;
}

/** The node flags a command line gives before `entry`. */
export function flagsBefore(words: readonly string[], entry: string): string[] {
  const at = words.indexOf(entry);
  if (at < 0) throw new Error(`no ${entry} in: ${words.join(' ')}`);
  return words.slice(0, at).filter((w) => w.startsWith('--'));
}

/**
 * The node flags `npm start` runs a Center with (package.json's start script; README, "How a
 * read gets its speed", says why): the bench serves as users do.
 */
export const NODE_FLAGS = flagsBefore(
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/),
  'scripts/start.mjs',
);

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
