// How long `npm start` takes, measured from the command: to the first 200 of /_emulator/health
// on an existing database, and to the end of `npm start -- --help`. Each run also measures the
// same without npm (`node scripts/start.mjs`), to tell npm's share. Not part of the tests.
//
//   node scripts/start-time.mjs [runs] [-- more flags for npm start]
//
// It serves on ports 28080 (HTTP) and 28443 (HTTPS) rather than 8080 and 8443, which another
// emulator may hold, and uses the default database (./data/center.db), built first if missing.
// On a busy machine the wall times say more about the others than about the start: on Linux it
// also gives the CPU time the command's processes spent until then (npm, sh, node), which a
// start cannot beat on an idle machine either (it runs on one core, mostly).
/* global fetch */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const separator = process.argv.indexOf('--');
const runs = Number(process.argv[2] !== '--' && process.argv[2] !== undefined ? process.argv[2] : 5);
const extra = separator === -1 ? [] : process.argv.slice(separator + 1);
const PORT = 28080;
const HEALTH = `http://127.0.0.1:${PORT}/_emulator/health`;
const FLAGS = ['--http-port', String(PORT), '--https-port', '28443', ...extra];
// The node flags of `npm start` (package.json), so that the run without npm differs by npm alone.
const start = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start.split(/\s+/);
const NODE_FLAGS = start.slice(0, start.indexOf('scripts/start.mjs')).filter((w) => w.startsWith('--'));
const COMMANDS = {
  'npm start': (args) => ['npm', ['start', '--', ...args]],
  'node scripts/start.mjs': (args) => [process.execPath, [...NODE_FLAGS, 'scripts/start.mjs', ...args]],
};

const ms = (from) => Math.round(performance.now() - from);

/** The CPU ms spent by the processes of a process group (Linux /proc; ticks of 10 ms), with their waited-for children. */
function cpuOfGroup(group) {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fields;
    try {
      fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    } catch {
      continue; // gone meanwhile
    }
    // After "pid (comm) ": state ppid pgrp … utime (12th) stime cutime cstime.
    if (Number(fields[2]) === group) ticks += fields.slice(11, 15).reduce((sum, t) => sum + Number(t), 0);
  }
  return ticks * 10;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function healthy() {
  try {
    return (await fetch(HEALTH)).status === 200;
  } catch {
    return false;
  }
}

/** Starts the server, waits for the first 200 of the health route, then Ctrl-C; resolves to the ms to that 200 and the CPU ms until then. */
async function serve(command) {
  if (await healthy()) throw new Error(`something already answers ${HEALTH}`);
  const [file, args] = COMMANDS[command](FLAGS);
  const started = performance.now();
  // Its own process group, so that Ctrl-C reaches npm and the server alike.
  const child = spawn(file, args, { detached: true, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let elapsed;
  while (elapsed === undefined) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    if (await healthy()) elapsed = ms(started);
    else await sleep(5);
  }
  const cpu = process.platform === 'linux' ? cpuOfGroup(child.pid) : NaN;
  process.kill(-child.pid, 'SIGINT');
  await exited;
  return { elapsed, cpu };
}

/** `--help` to its end, in ms. */
async function help(command) {
  const [file, args] = COMMANDS[command](['--help']);
  const started = performance.now();
  const child = spawn(file, args, { stdio: 'ignore' });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} --help exited with ${code}`);
  return ms(started);
}

if (!existsSync('data/center.db') && !extra.includes('--db')) {
  process.stdout.write('data/center.db does not exist: one start to build it (not measured)\n');
  await serve('npm start');
}
const results = Object.fromEntries(Object.keys(COMMANDS).map((command) => [command, { serve: [], cpu: [], help: [] }]));
for (let i = 1; i <= runs; i++) {
  for (const [command, result] of Object.entries(results)) {
    const { elapsed, cpu } = await serve(command);
    result.serve.push(elapsed);
    result.cpu.push(cpu);
    result.help.push(await help(command));
    process.stdout.write(`run ${i}, ${command}: first 200 after ${elapsed} ms (CPU ${cpu} ms); --help done after ${result.help.at(-1)} ms\n`);
  }
}
const summary = (values) => `median ${median(values)} ms (${Math.min(...values)} to ${Math.max(...values)})`;
for (const [command, result] of Object.entries(results)) {
  process.stdout.write(`${command}: first 200 ${summary(result.serve)}, CPU until then ${summary(result.cpu)}; --help ${summary(result.help)}\n`);
}
if (process.platform === 'linux') process.stdout.write(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`);
