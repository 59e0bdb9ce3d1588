/**
 * `token create|list|enable|disable|delete`, run in-process on a temporary database file, with
 * the output captured. A server over the same file sees each change on its next request.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { run } from '../../src/cli/token.js';
import { FixedClock } from '../../src/clock.js';
import { formatTimestamp } from '../../src/domain/time.js';
import { openStore, type Store } from '../../src/store/store.js';
import { TOKEN_RE } from '../../src/store/tokens.js';
import { ADMIN_KEY, API, NOW, TOKEN } from '../helpers.js';

let dir: string;
let db: string;
/** The environment the commands run in: the file, and the clock pinned at NOW. */
let env: Record<string, string>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccv-token-'));
  db = join(dir, 'center.db');
  env = { CCV_DB: db, CCV_NOW: formatTimestamp(NOW) };
  const store = openStore(db);
  store.tokens.create({ id: '00000000-0000-4000-8000-000000000001', name: 'CI', token: TOKEN, now: NOW });
  store.close();
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function token(...argv: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await run(argv, env, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

/** Reads the file in a connection of its own, as another process would. */
function withStore<T>(fn: (store: Store) => T): T {
  const store = openStore(db);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

const works = (clear: string) => withStore((s) => s.tokens.check(clear, NOW).ok);

describe('token --help', () => {
  it('lists the commands and the common options on stdout', async () => {
    const r = await token('--help');
    expect(r.code).toBe(0);
    for (const name of ['create', 'list', 'enable', 'disable', 'delete', '--db <path>', 'CCV_DB', '--now']) expect(r.out).toContain(name);
  });

  it.each(['create', 'list', 'enable', 'disable', 'delete'])('prints the options of %s', async (name) => {
    const r = await token(name, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: ccv-emulator token ${name}`));
    expect(r.out).toContain('--db <path>');
    if (name === 'create') for (const flag of ['--name <name>', '--expires <time>', '--disabled']) expect(r.out).toContain(flag);
  });

  it('is a usage error (2) without a command, or with an unknown one: the message and where the help is', async () => {
    const none = await token();
    expect(none.code).toBe(2);
    expect(none.err).toBe('Missing command: expected one of create, list, enable, disable, delete\nSee token --help.\n');
    const unknown = await token('rotate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('Unknown command "rotate": expected one of create, list, enable, disable, delete\nSee token --help.\n');
    expect((await token('constructor')).code).toBe(2);
  });
});

describe('token create', () => {
  it('prints the clear token alone on stdout, once; the token works', async () => {
    const r = await token('create', '--name', 'SOC');
    expect(r.code).toBe(0);
    const clear = r.out.trim();
    expect(clear).toMatch(TOKEN_RE);
    expect(r.err).toMatch(/Token "SOC" created \(enabled, no expiry, id [0-9a-f-]{36}\)\. Copy it now/);
    expect(works(clear)).toBe(true);
    expect(withStore((s) => s.tokens.withName('SOC')[0]?.createdAt)).toBe(NOW);
    expect((await token('list')).out).not.toContain(clear);
  });

  it('creates a disabled token with an expiry (--db as a flag, --name=…)', async () => {
    env = {};
    const r = await token('create', '--name=later', '--expires', '2035-01-01', '--disabled', '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/\(disabled, expires 2035-01-01T00:00:00Z/);
    expect(works(r.out.trim())).toBe(false);
    expect(withStore((s) => s.tokens.withName('later')[0])).toMatchObject({ enabled: false, expiresAt: Date.UTC(2035, 0, 1) * 1000 });
  });

  it("has examples that keep working: the README's expiries are more than a year ahead", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const expiries = [...readme.matchAll(/--expires (\d{4}-\d\d-\d\d)/g)].map((m) => m[1] as string);
    expect(expiries.length).toBeGreaterThan(0);
    for (const day of expiries) expect(Date.parse(day), day).toBeGreaterThan(Date.now() + 365 * 86_400_000);
  });

  it.each([
    ['no --name', [], /^Invalid --name: is mandatory/],
    ['an empty name', ['--name', ' '], /^Invalid --name: must not be empty/],
    ['a name of 65 characters', ['--name', 'n'.repeat(65)], /^Invalid --name: must be at most 64 characters/],
    ['an expiry that is not a time', ['--name', 'x', '--expires', 'soon'], /^Invalid --expires: must be a time/],
    ['an unknown flag', ['--name', 'x', '--admin'], /^Unknown flag --admin/],
    ['a flag without its value', ['--name'], /^Flag --name needs a value/],
    ['a value to a switch', ['--name', 'x', '--disabled=yes'], /^Flag --disabled takes no value/],
    ['a stray argument', ['x', '--name', 'x'], /^Unexpected argument "x"/],
  ])('is a usage error (2) with %s, and creates nothing', async (_, args, message) => {
    const r = await token('create', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(3);
    expect(r.err).toMatch(/\nSee token create --help\.\n$/);
    expect(withStore((s) => s.tokens.list())).toHaveLength(1);
  });

  it('fails (1) on a name taken without regard to case', async () => {
    const r = await token('create', '--name', 'ci');
    expect(r.code).toBe(1);
    expect(r.err).toBe('A token with the name "ci" already exists\n');
    expect(r.out).toBe('');
  });

  it('fails (1) on an expiry not later than now (CCV_NOW)', async () => {
    const r = await token('create', '--name', 'x', '--expires', '2026-11-01 12:00');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not later than now \(2026-11-01T12:00:00Z\)/);
    expect(withStore((s) => s.tokens.list())).toHaveLength(1);
  });
});

describe('token list', () => {
  it('prints a table: name, masked token, status, dates, id; never a secret', async () => {
    await token('create', '--name', 'off', '--disabled');
    await token('create', '--name', 'short', '--expires', '2026-11-01 13:00');
    withStore((s) => s.tokens.markUsed('00000000-0000-4000-8000-000000000001', NOW));
    env.CCV_NOW = '2026-11-01T14:00:00Z';
    const r = await token('list');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +TOKEN +STATUS +CREATED +EXPIRES +LAST USED +ID$/);
    expect(lines[1]).toMatch(/^CI +ics-…2222 +Enabled +2026-11-01T12:00:00Z +None +2026-11-01T12:00:00Z +00000000-0000-4000-8000-000000000001$/);
    expect(lines[2]).toMatch(/^off +ics-…[0-9a-f]{4} +Disabled +2026-11-01T12:00:00Z +None +Never +[0-9a-f-]{36}$/);
    expect(lines[3]).toMatch(/^short +ics-…[0-9a-f]{4} +Expired +2026-11-01T12:00:00Z +2026-11-01T13:00:00Z +Never /);
    expect(r.out).not.toMatch(/ics-[0-9a-f]{40}/);
  });

  it('says so on stderr when there is no token', async () => {
    withStore((s) => s.tokens.delete('00000000-0000-4000-8000-000000000001'));
    const r = await token('list');
    expect(r).toEqual({ code: 0, out: '', err: expect.stringMatching(/^No tokens/) as unknown as string });
  });

  it('is a usage error (2) with an argument', async () => {
    expect((await token('list', 'CI')).code).toBe(2);
  });
});

describe('token disable / enable', () => {
  it('takes effect on the next request of a server running on the same file, by name and by id', async () => {
    const clock = new FixedClock(NOW);
    const store = openStore(db);
    const app = await buildApp({ store, clock, adminKey: ADMIN_KEY });
    const status = async () => (await app.inject({ method: 'GET', url: `${API}/sensor?token=${TOKEN}` })).statusCode;
    try {
      expect(await status()).toBe(200);
      const off = await token('disable', 'ci');
      expect(off).toEqual({ code: 0, out: 'Token "CI" disabled.\n', err: '' });
      expect(await status()).toBe(401);
      const on = await token('enable', '00000000-0000-4000-8000-000000000001');
      expect(on).toEqual({ code: 0, out: 'Token "CI" enabled.\n', err: '' });
      expect(await status()).toBe(200);
    } finally {
      await app.close();
      store.close();
    }
  });

  it('warns when the token it enables has expired', async () => {
    withStore((s) => s.tokens.setExpiry('00000000-0000-4000-8000-000000000001', NOW - 1));
    const r = await token('enable', 'CI');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^Note: it expired at 2026-11-01T11:59:59Z/);
  });

  it('fails (1) on an unknown token, or a name two tokens share', async () => {
    const unknown = await token('disable', 'nobody');
    expect(unknown).toMatchObject({ code: 1, err: 'Token not found: nobody\n' });
    withStore((s) => s.tokens.create({ id: '00000000-0000-4000-8000-000000000002', name: 'ci', now: NOW }));
    const twice = await token('disable', 'CI');
    expect(twice).toMatchObject({ code: 1, err: '2 tokens are named "CI": name one by its id\n' });
    expect(works(TOKEN)).toBe(true);
  });

  it('is a usage error (2) without the token, or with two', async () => {
    expect((await token('disable')).err).toMatch(/^Missing argument: <name\|id>/);
    expect((await token('enable', 'a', 'b')).code).toBe(2);
  });
});

describe('token delete', () => {
  it('deletes: the token stops working; a second delete fails (1)', async () => {
    expect(await token('delete', 'CI')).toEqual({ code: 0, out: 'Token "CI" deleted.\n', err: '' });
    expect(works(TOKEN)).toBe(false);
    expect(await token('delete', 'CI')).toMatchObject({ code: 1, err: 'Token not found: CI\n' });
  });
});

describe('the database', () => {
  it('is never built: without the file, a command fails (1) and creates nothing', async () => {
    env.CCV_DB = join(dir, 'missing', 'center.db');
    const r = await token('list');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^No database at .*missing.center\.db: start the server once/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('fails (1) naming the path when the file is not a database, and leaves it as it was', async () => {
    env.CCV_DB = join(dir, 'notes.txt');
    writeFileSync(env.CCV_DB, 'my notes\n');
    expect(await token('list')).toEqual({ code: 1, out: '', err: `Cannot use the database ${env.CCV_DB}: it is not a SQLite database (nothing was changed)\n` });
    expect(readFileSync(env.CCV_DB, 'utf8')).toBe('my notes\n');
  });

  it('must be a file: :memory: fails (1)', async () => {
    env.CCV_DB = ':memory:';
    expect(await token('list')).toMatchObject({ code: 1, err: expect.stringMatching(/need a database file/) as unknown as string });
  });

  it('is a usage error (2) when the environment is invalid, as for the server', async () => {
    env.CCV_NOW = 'yesterday';
    const r = await token('list');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Invalid CCV_NOW .*\nSee token list --help\.\n$/);
  });
});
