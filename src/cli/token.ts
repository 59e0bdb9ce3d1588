/**
 * `ccv-emulator token <command>` (`npm start -- token …`): the admin guide's API Token page on
 * the command line. It works on the database file directly, without the server; a running
 * server sees each change on its next request (auth reads the database every time). It never
 * builds a world: without a database it says so and fails. Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { existsSync } from 'node:fs';
import { FixedClock, systemClock, type Clock } from '../clock.js';
import { CONFIG_KEYS, ConfigError, type ConfigKey, parseConfig } from '../config.js';
import { type Micros, formatTimestamp } from '../domain/time.js';
import { ApiError } from '../errors.js';
import { CreateTokenBody, TOKEN_NAME_MAX, type TokenOperations, createTokenOperations, maskToken, tokenStatus } from '../emulator/tokens.js';
import { openStoreFile } from '../db-file.js';
import type { ApiToken } from '../store/tokens.js';
import { usageText } from './command-line.js';

export interface Writer {
  write(text: string): unknown;
}

export interface Io {
  stdout: Writer;
  stderr: Writer;
}

type Env = Record<string, string | undefined>;

interface Flag {
  /** The value placeholder; absent for a switch. */
  value?: string;
  description: string;
}

interface Context {
  ops: TokenOperations;
  now: Micros;
  out: (line: string) => void;
  err: (line: string) => void;
}

interface Parsed {
  flags: Map<string, string>;
  args: string[];
}

/** What a command does once the database is open; returns the exit code. */
type Action = (ctx: Context) => number;

interface Command {
  summary: string;
  /** Positional arguments, in order. */
  args: string[];
  flags: Record<string, Flag>;
  /** Checks the arguments (UsageError) before anything is opened, and returns the work to do. */
  plan(parsed: Parsed): Action;
}

/** The server's flags these commands share, with their environment variables (src/config.ts). */
const COMMON = CONFIG_KEYS.filter((k) => k.field === 'db' || k.field === 'now');

class UsageError extends Error {}

/** "2026-11-01T12:00:00Z": the list is for people; the API answers keep the microseconds. */
const shortTime = (us: Micros): string => `${formatTimestamp(us).slice(0, 19)}Z`;

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

/** Enable, disable: the same edit with another value. */
function setEnabled(enabled: boolean): Command['plan'] {
  return ({ args }) => (ctx) => {
    const token = ctx.ops.update(ctx.ops.resolve(args[0] as string).id, { enabled });
    ctx.out(`Token "${token.name}" ${enabled ? 'enabled' : 'disabled'}.`);
    if (enabled && tokenStatus(token, ctx.now) === 'Expired' && token.expiresAt !== null) {
      ctx.err(`Note: it expired at ${shortTime(token.expiresAt)}; it stays refused until its expiry is changed (PATCH /_emulator/tokens/${token.id}).`);
    }
    return 0;
  };
}

const REF = '<name|id>';

const COMMANDS: Record<string, Command> = {
  create: {
    summary: 'Create a token and print it: the only time it is shown.',
    args: [],
    flags: {
      '--name': { value: '<name>', description: `A name to tell it by (1 to ${TOKEN_NAME_MAX} characters, unique without regard to case). Required.` },
      '--expires': { value: '<time>', description: 'When it stops working: YYYY-MM-DD (00:00 UTC), YYYY-MM-DD HH:MM[:SS] (UTC) or RFC 3339. Default: never.' },
      '--disabled': { description: 'Create it disabled (the status toggle off).' },
    },
    plan({ flags }) {
      const body = CreateTokenBody.safeParse({ name: flags.get('--name'), enabled: !flags.has('--disabled'), expires_at: flags.get('--expires') });
      if (!body.success) {
        const issue = body.error.issues[0];
        const flag = issue?.path[0] === 'expires_at' ? '--expires' : '--name';
        throw new UsageError(`Invalid ${flag}: ${issue?.message ?? 'is invalid'}`);
      }
      const b = body.data;
      return (ctx) => {
        const { token, record } = ctx.ops.create({ name: b.name, enabled: b.enabled ?? true, expiresAt: b.expires_at ?? null });
        // The secret alone on stdout, so that a script can capture it; the rest on stderr.
        ctx.out(token);
        const expiry = record.expiresAt === null ? 'no expiry' : `expires ${shortTime(record.expiresAt)}`;
        ctx.err(`Token "${record.name}" created (${record.enabled ? 'enabled' : 'disabled'}, ${expiry}, id ${record.id}). Copy it now: it is not shown again.`);
        return 0;
      };
    },
  },
  list: {
    summary: 'List the tokens, secrets masked, in creation order.',
    args: [],
    flags: {},
    plan: () => (ctx) => {
      const tokens = ctx.ops.list();
      if (tokens.length === 0) {
        ctx.err('No tokens: create one with `token create --name <name>`.');
        return 0;
      }
      const row = (t: ApiToken) => [
        t.name,
        maskToken(t.hint),
        tokenStatus(t, ctx.now),
        shortTime(t.createdAt),
        t.expiresAt === null ? 'None' : shortTime(t.expiresAt),
        t.lastUsedAt === null ? 'Never' : shortTime(t.lastUsedAt),
        t.id,
      ];
      for (const line of table([['NAME', 'TOKEN', 'STATUS', 'CREATED', 'EXPIRES', 'LAST USED', 'ID'], ...tokens.map(row)])) ctx.out(line);
      return 0;
    },
  },
  enable: { summary: 'Enable a token (the status toggle on).', args: [REF], flags: {}, plan: setEnabled(true) },
  disable: { summary: 'Disable a token: it is refused from the next request on.', args: [REF], flags: {}, plan: setEnabled(false) },
  delete: {
    summary: 'Delete a token: it is refused from the next request on.',
    args: [REF],
    flags: {},
    plan: ({ args }) => (ctx) => {
      const token = ctx.ops.resolve(args[0] as string);
      ctx.ops.delete(token.id);
      ctx.out(`Token "${token.name}" deleted.`);
      return 0;
    },
  },
};

const PROGRAM = 'ccv-emulator token';

function flagLines(flags: Record<string, Flag>): string[] {
  const lines: string[] = [];
  for (const [name, f] of Object.entries(flags)) {
    lines.push(`  ${f.value ? `${name} ${f.value}` : name}`, `      ${f.description}`);
  }
  for (const k of COMMON) {
    lines.push(`  ${`${k.flag} ${k.value ?? ''}`.padEnd(22)}${k.env ?? ''}`.trimEnd(), `      ${k.description}${k.default ? ` Default: ${k.default}.` : ''}`);
  }
  lines.push('  -h, --help', '      Print this help and exit.');
  return lines;
}

export function tokenHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    "Manages the Center's API tokens (admin guide, \"Token\") in the database directly: the server",
    'need not run, and a running one sees each change on its next request.',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}${COMMANDS[n]?.summary ?? ''}`),
    '',
    'Options of every command:',
    ...flagLines({}),
    '',
    `\`${PROGRAM} <command> --help\` prints a command's options.`,
  ].join('\n');
}

function commandHelp(name: string, cmd: Command): string {
  const args = cmd.args.map((a) => ` ${a}`).join('');
  return [`Usage: ${PROGRAM} ${name}${args} [options]`, '', cmd.summary, '', 'Options:', ...flagLines(cmd.flags)].join('\n');
}

/** `--flag value`, `--flag=value` and bare switches; the rest are positional arguments. */
function parseArgs(argv: string[], cmd: Command): Parsed | 'help' {
  const known = new Map<string, Flag | ConfigKey>([...Object.entries(cmd.flags), ...COMMON.map((k) => [k.flag, k] as const)]);
  const flags = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!arg.startsWith('--')) {
      args.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const flag = known.get(name);
    if (!flag) throw new UsageError(`Unknown flag ${name}`);
    if (flag.value === undefined) {
      if (eq !== -1) throw new UsageError(`Flag ${name} takes no value`);
      flags.set(name, 'true');
      continue;
    }
    const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      if (value === undefined || value.startsWith('--')) throw new UsageError(`Flag ${name} needs a value: ${name} ${flag.value}`);
      i++;
    }
    flags.set(name, value as string);
  }
  if (args.length !== cmd.args.length) {
    const expected = cmd.args.length === 0 ? 'no argument' : cmd.args.join(' ');
    throw new UsageError(args.length > cmd.args.length ? `Unexpected argument "${args[cmd.args.length]}": expected ${expected}` : `Missing argument: ${expected}`);
  }
  return { flags, args };
}

const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Runs `token <command> …` and returns the exit code. */
export async function run(argv: string[], env: Env, io: Io = processIo): Promise<number> {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    out(tokenHelp());
    return 0;
  }
  const cmd = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.stderr.write(usageText(`${name === undefined ? 'Missing command' : `Unknown command "${name}"`}: expected one of ${Object.keys(COMMANDS).join(', ')}`, 'token'));
    return 2;
  }

  let action: Action;
  let db: string;
  let clock: Clock;
  try {
    const parsed = parseArgs(rest, cmd);
    if (parsed === 'help') {
      out(commandHelp(name as string, cmd));
      return 0;
    }
    action = cmd.plan(parsed);
    // The server's own parse of --db / CCV_DB and --now / CCV_NOW, so both read the same file and clock.
    const common = COMMON.flatMap((k) => {
      const value = parsed.flags.get(k.flag);
      return value === undefined ? [] : [k.flag, value];
    });
    const config = parseConfig(common, env);
    db = config.db;
    clock = config.now === undefined ? systemClock : new FixedClock(config.now);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof ConfigError)) throw e;
    io.stderr.write(usageText(e.message, `token ${name as string}`));
    return 2;
  }

  if (db === ':memory:') {
    err('The token commands need a database file: :memory: keeps nothing between runs (set --db or CCV_DB).');
    return 1;
  }
  // openStore would create the file; a missing database is a mistake to report, not to build.
  if (!existsSync(db)) {
    err(`No database at ${db}: start the server once to build it (npm start), or point --db / CCV_DB at an existing one.`);
    return 1;
  }
  let store: ReturnType<typeof openStoreFile>;
  try {
    store = openStoreFile(db);
  } catch (e) {
    err(e instanceof Error ? e.message : String(e));
    return 1;
  }
  try {
    return action({ ops: createTokenOperations(store, clock), now: clock.now(), out, err });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    err(e.message);
    return 1;
  } finally {
    store.close();
  }
}
