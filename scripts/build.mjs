// Builds dist/ from src/: tsc, then what tsc does not copy (the SQL migrations beside the compiled
// store, the pages' files beside the plugins that serve them: src/plugins/ui.ts, docs.ts), then
// dist/bundle/ (scripts/bundle.mjs), which `npm start` and the Docker image run.
//
//   node scripts/build.mjs             build (npm run build)
//   node scripts/build.mjs --if-stale  build only when an input is newer than the last build
//
// `npm ci` (prepare) and `npm start` (scripts/start.mjs) build only when stale, so that a start
// costs a look at file times (a few ms), not a build (13 to 20 s). prepare imports this file only
// when it exists: the Dockerfile runs `npm ci` before it copies scripts/ and src/ (then builds).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the build reads. Directories count too: adding, removing or renaming a file changes theirs. */
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'scripts/bundle.mjs'];
/** Written by each successful build, with the time the build started. */
const STAMP = join('dist', '.built');

/** The latest modification time under `path`, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** Why the dist/ of the project at `root` must be built, or undefined when it is up to date. */
export function staleness(root = ROOT) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return 'dist/ was never built';
  const built = statSync(stamp).mtimeMs;
  const changed = INPUTS.find((input) => newest(join(root, input)) > built);
  return changed === undefined ? undefined : `${changed} changed`;
}

export async function build(reason = 'npm run build') {
  const started = new Date();
  process.stderr.write(`Building dist/ (${reason})…\n`);
  const require = createRequire(import.meta.url);
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc');
  } catch {
    throw new Error('TypeScript is not installed: run `npm ci` (with the dev dependencies) to build dist/');
  }
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (exit code ${result.status ?? result.signal}): dist/ is not up to date`);
  for (const assets of ['store/migrations', 'ui']) {
    // Replaced, not merged: a migration removed from src/ must not stay in dist/.
    rmSync(join(ROOT, 'dist', assets), { recursive: true, force: true });
    cpSync(join(ROOT, 'src', assets), join(ROOT, 'dist', assets), { recursive: true });
  }
  await bundle();
  // The stamp carries the start time, so that a source saved during the build makes dist/ stale.
  writeFileSync(join(ROOT, STAMP), '');
  utimesSync(join(ROOT, STAMP), started, started);
  process.stderr.write(`Built in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s.\n`);
}

/** Builds when an input is newer than the last build. Without sources (an install of dist/ alone), there is nothing to build. */
export async function buildIfStale() {
  if (!existsSync(join(ROOT, 'src'))) return;
  const reason = staleness();
  if (reason !== undefined) await build(reason);
}

/** The command line: exits 1 with the reason when the build fails. */
export async function cli(args) {
  try {
    if (args.includes('--if-stale')) await buildIfStale();
    else await build();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await cli(process.argv.slice(2));
