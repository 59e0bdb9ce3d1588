/**
 * src/cli/code-cache.ts: a CommonJS bundle run as Node runs one, with V8's code cache written
 * once the server serves and used by the next start.
 */
import { spawnSync } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheFileOf, runWithCodeCache, SERVING } from '../../src/cli/code-cache.js';

const CODE_CACHE = fileURLToPath(new URL('../../src/cli/code-cache.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ccv-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran {
  dirname: string;
  filename: string;
  required: string;
  exportsIsModuleExports: boolean;
  text: string;
}
const seen = (): Ran => (globalThis as unknown as { ccvCodeCacheTest: Ran }).ccvCodeCacheTest;

let n = 0;
/** A bundle of its own (V8 keeps what it compiled in this process by source: each test compiles a new one). */
function bundle(text = 'plain ASCII'): string {
  const file = join(dir, `bundle-${++n}.cjs`);
  writeFileSync(
    file,
    `#!/usr/bin/env node\n// bundle ${n}\nglobalThis.ccvCodeCacheTest = { dirname: __dirname, filename: __filename, required: typeof require('node:path').join, exportsIsModuleExports: exports === module.exports, text: ${JSON.stringify(text)} };\n`,
  );
  return file;
}

/** What a start's server does: announce that it serves; the cache is written a second later. */
async function serving(written: Promise<boolean>): Promise<boolean> {
  (process as EventEmitter).emit(SERVING);
  await vi.advanceTimersByTimeAsync(1000);
  return written;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  (process as EventEmitter).removeAllListeners(SERVING);
});

describe('runWithCodeCache', () => {
  it('runs the bundle as CommonJS: its require, module, exports, __filename and __dirname; a #! line is allowed', () => {
    const file = bundle();
    runWithCodeCache(file);
    expect(seen()).toEqual({ dirname: dir, filename: file, required: 'function', exportsIsModuleExports: true, text: 'plain ASCII' });
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    runWithCodeCache(bundle('µs → …'));
    expect(seen().text).toBe('µs → …');
  });

  it('without a cache: runs, then writes one once the server serves', async () => {
    const file = bundle();
    const run = runWithCodeCache(file);
    expect(run.outcome).toBe('absent');
    expect(existsSync(cacheFileOf(file))).toBe(false);
    expect(await serving(run.written)).toBe(true);
    expect(readFileSync(cacheFileOf(file)).length).toBeGreaterThan(0);
  });

  it('the next start uses the cache the first one wrote (two processes: V8 reads a cache only for what this one has not compiled)', () => {
    const file = bundle();
    const start = (): string => {
      // The server's part: announce serving, then stay up until the cache is written.
      const code = `import { runWithCodeCache, SERVING } from ${JSON.stringify(CODE_CACHE)};
        const run = runWithCodeCache(${JSON.stringify(file)});
        process.emit(SERVING);
        setTimeout(() => {}, 1500);
        console.log(run.outcome, await run.written);`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      return child.stdout.trim();
    };
    expect(start()).toBe('absent true');
    expect(start()).toBe('used false');
  });

  it('writes nothing before the server serves (a command, --help)', async () => {
    const file = bundle();
    runWithCodeCache(file);
    await vi.advanceTimersByTimeAsync(5000);
    expect(existsSync(cacheFileOf(file))).toBe(false);
  });

  it('a cache V8 refuses is replaced', async () => {
    const file = bundle();
    writeFileSync(cacheFileOf(file), 'not a code cache');
    const run = runWithCodeCache(file);
    expect(run.outcome).toBe('rejected');
    expect(await serving(run.written)).toBe(true);
    expect(readFileSync(cacheFileOf(file), 'utf8')).not.toBe('not a code cache');
  });

  it('names the cache for the bundle as it is: a changed bundle has another', () => {
    const file = bundle();
    const before = cacheFileOf(file);
    expect(before).toMatch(new RegExp(`^${dir}/bundle-\\d+\\.cjs\\.[0-9a-f]{16}\\.v8cache$`));
    writeFileSync(file, `${readFileSync(file, 'utf8')}// changed\n`);
    expect(cacheFileOf(file)).not.toBe(before);
  });

  it('a cache it cannot write is no error, and leaves nothing behind', async () => {
    const file = bundle();
    mkdirSync(cacheFileOf(file)); // the place is taken: renaming a file onto it fails
    const run = runWithCodeCache(file);
    expect(await serving(run.written)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
