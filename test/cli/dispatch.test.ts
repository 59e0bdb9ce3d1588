/** The command line's first step: a command, the server's flags, or a usage error (2). */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/cli/dispatch.js';

let dir: string;
let out: string;
let err: string;
const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccv-dispatch-'));
  out = '';
  err = '';
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ccv-emulator (the server)', () => {
  it.each([
    [['--bogus'], {}, 'Unknown flag --bogus'],
    [['--now', '2024-05-01'], {}, 'Invalid --now (CCV_NOW) = "2024-05-01": must be an RFC 3339 timestamp, e.g. 2024-05-01T12:00:00Z'],
    [[], { CCV_HTTPS_PORT: 'abc' }, 'Invalid CCV_HTTPS_PORT (--https-port) = "abc": must be an integer from 0 to 65535'],
    [['--scenario', 'nope'], {}, 'Invalid --scenario (CCV_SCENARIO) = "nope": must be one of the scenarios in seeds/: default, large, small'],
    [['tokens', 'list'], {}, 'Unknown command "tokens" (did you mean "token"?): the commands are token, seed, snapshot, health; the server takes flags only'],
    [['start'], {}, 'Unknown command "start": the commands are token, seed, snapshot, health; the server takes flags only'],
  ])('is a usage error (2) for %j %j: one line, then where the help is', async (argv, env, message) => {
    expect(await dispatch(argv, { CCV_DB: join(dir, 'center.db'), ...env }, io)).toBe(2);
    expect(err).toBe(`${message}\nSee --help.\n`);
    expect(out).toBe('');
  });

  it('reads ./.env for the server and every command: the environment wins over it, a flag over both', async () => {
    writeFileSync(join(dir, '.env'), 'CCV_DB=from-file.db\nCCV_SCENARIO=small\nCCV_SEED=3\n');
    const db = join(dir, 'from-file.db');
    // The file's CCV_DB is relative: resolved from the working directory, as the server would.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await dispatch(['seed'], { CCV_SEED: '4' }, io, dir)).toBe(0);
      expect(out).toMatch(/^from-file\.db: scenario "small", seed 4, /);
      expect(await dispatch(['seed', '--seed', '5'], { CCV_SEED: '4' }, io, dir)).toBe(0);
      expect(out).toMatch(/\nfrom-file\.db: scenario "small", seed 5, /);
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(db)).toBe(true);
  });

  it('is a usage error (2) for a bad line in ./.env, naming the file and the line', async () => {
    writeFileSync(join(dir, '.env'), '# settings\nCCV_HTTPS_PORT=abc\n');
    expect(await dispatch([], {}, io, dir)).toBe(2);
    expect(err).toBe(`${join(dir, '.env')}:2: Invalid CCV_HTTPS_PORT (--https-port) = "abc": must be an integer from 0 to 65535\nSee --help.\n`);
  });

  it('prints its help and the commands (0)', async () => {
    expect(await dispatch(['--help'], {}, io)).toBe(0);
    expect(out).toMatch(/^Usage: ccv-emulator \[options\][\s\S]*--https-port[\s\S]*Commands[\s\S]*token[\s\S]*seed[\s\S]*snapshot/);
  });
});

describe('ccv-emulator <command>', () => {
  it('runs the command with the environment and its output', async () => {
    expect(await dispatch(['seed', '--scenario', 'small'], { CCV_DB: join(dir, 'center.db') }, io)).toBe(0);
    expect(out).toMatch(/center\.db: scenario "small"/);
  });

  it("passes the command's usage error (2) through", async () => {
    expect(await dispatch(['token'], {}, io)).toBe(2);
    expect(err).toMatch(/\nSee token --help\.\n$/);
  });

  it("passes the command's failure (1) through", async () => {
    expect(await dispatch(['token', 'list'], { CCV_DB: join(dir, 'none.db') }, io)).toBe(1);
    expect(err).toMatch(/^No database at /);
  });
});
