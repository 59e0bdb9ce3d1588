/**
 * Runs a CommonJS bundle through V8's code cache (issue 14: a start within 1 s of `npm start`).
 * Compiling the bundle and, later, each function it calls is a good part of a start; V8 can
 * hand back that work from a file made by an earlier start. Node 22 does this itself
 * (NODE_COMPILE_CACHE); Node 20 offers only `vm.Script`'s `cachedData`, used here.
 *
 * The cache of a bundle is a file beside it, named for what V8's own checks do not cover
 * (V8 rejects data of another V8 version or other flags, and checks only the source's length):
 * the bundle's size and modification time, Node's version and flags. It is written once the
 * server is serving (the process emits SERVING), so that it holds the functions a start runs,
 * and only when no usable cache was found. Writing is best effort: a read-only install keeps
 * starting without one.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Emitted on `process` by the server once it listens (src/cli/serve.ts). */
export const SERVING = 'ccv-emulator:serving';

/** How long after SERVING the cache is written: the first requests' functions are compiled by then. */
const SETTLE_MS = 1000;

/** The cache file of `bundle` for this Node and these flags. */
export function cacheFileOf(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  const key = [size, mtimeMs, process.version, process.arch, ...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].join('\n');
  return join(dirname(bundle), `${basename(bundle)}.${createHash('sha256').update(key).digest('hex').slice(0, 16)}.v8cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A CommonJS module's source as Node's loader compiles it (Module.wrap), its `#!` line emptied. */
const wrapped = (source: string): string => `(function (exports, require, module, __filename, __dirname) { ${source.replace(/^#!.*/, '')}\n});`;

/** The source of `bundle`, ASCII as scripts/bundle.mjs makes it (read as such, it is a one-byte string: faster to read and to compile). */
function sourceOf(bundle: string): string {
  const bytes = readFileSync(bundle);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** What became of the cache: used as found, absent, or refused by V8 (and then made again). */
export type CacheOutcome = 'used' | 'absent' | 'rejected';

/**
 * Compiles and runs the CommonJS file `bundle` as Node would (its own `require`, `module`,
 * `__filename`, `__dirname`), with its code cache when there is a usable one. Returns what
 * became of the cache, and `written`, which settles once a missing or refused cache has been
 * written (true) or could not be (false); it stays pending until the process emits SERVING.
 */
export function runWithCodeCache(bundle: string): { outcome: CacheOutcome; written: Promise<boolean> } {
  const cacheFile = cacheFileOf(bundle);
  const cachedData = readCache(cacheFile);
  const script = new Script(wrapped(sourceOf(bundle)), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const outcome: CacheOutcome = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  const written =
    outcome === 'used'
      ? Promise.resolve(false)
      : new Promise<boolean>((resolve) => {
          (process as EventEmitter).once(SERVING, () => {
            setTimeout(() => resolve(writeCache(cacheFile, script)), SETTLE_MS).unref();
          });
        });
  const module = { exports: {} };
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  compiled.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { outcome, written };
}

/** Writes the cache next to its bundle, whole or not at all (another start may read it meanwhile). */
function writeCache(file: string, script: Script): boolean {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, file);
    return true;
  } catch {
    // A read-only install: the next start compiles again, as without a cache. This runs in a
    // timer of a serving process, so nothing here may throw, the clean-up included.
    try {
      rmSync(partial, { force: true });
    } catch {
      // a partial file left behind is never read: the cache's own name is not its name
    }
    return false;
  }
}
