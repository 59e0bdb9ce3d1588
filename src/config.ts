/**
 * One typed parse of the environment and the command line. Every setting has an environment
 * variable and a matching flag (the flag wins); CONFIG_KEYS is the one table that the parser,
 * `--help`, the README and `.env.example` are all made from. Nothing else reads `process.env`.
 * `./.env`, when present, adds the variables the environment does not set (withEnvFile).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE } from './emulator/journal.js';
import { MAX_RATE } from './emulator/traffic.js';
import { parseTimestamp, type Micros } from './domain/time.js';
import { listProfiles } from './seed/profile.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `auto`: pretty on a terminal, json otherwise (src/cli/serve.ts decides, src/log.ts writes). */
export const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Config {
  host: string;
  /** 0 turns the HTTPS listener off. */
  httpsPort: number;
  /** 0 turns the HTTP listener off. */
  httpPort: number;
  /** A file path, or `:memory:`. */
  db: string;
  /** A profile name in `seeds/` (small, default, large…). */
  scenario: string;
  /** Overrides the scenario's random seed. */
  seed: number | undefined;
  /** A fixed API token to create if absent. */
  token: string | undefined;
  /** The control-plane key; generated and kept in the DB when unset. */
  adminKey: string | undefined;
  /** Pins the emulated clock. */
  now: Micros | undefined;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** Extra DNS names / IP addresses for the server certificate. */
  tlsHostnames: string[];
  /** Rebuild the DB from the scenario. */
  reset: boolean;
  /** Live traffic started with the server, in flow observations per second (0: none). */
  trafficRate: number;
  /** false turns the control plane off (all of /_emulator but health). */
  control: boolean;
  /** Requests the journal keeps (/_emulator/requests, /_emulator/coverage); 0 turns it off. */
  journalSize: number;
  help: boolean;
}

export interface ConfigKey {
  field: keyof Config;
  /** The environment variable, if the setting has one (`--help` has none). */
  env: string | undefined;
  flag: `--${string}`;
  alias?: `-${string}`;
  /** The value placeholder in `--help`; absent for a boolean switch. */
  value?: string;
  /** The default as it would be written in the environment; absent when the setting is optional. */
  default?: string;
  description: string;
  /** Never echo the value back in an error message. */
  secret?: true;
}

/** The table: order is the order of `--help` and `.env.example`. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  { field: 'host', env: 'CCV_HOST', flag: '--host', value: '<address>', default: '127.0.0.1', description: 'Address both listeners bind to (0.0.0.0 to accept other machines).' },
  { field: 'httpsPort', env: 'CCV_HTTPS_PORT', flag: '--https-port', value: '<port>', default: '8443', description: 'HTTPS port (the CA is served at /ca.pem and /ca.crt); 0 turns HTTPS off.' },
  { field: 'httpPort', env: 'CCV_HTTP_PORT', flag: '--http-port', value: '<port>', default: '8080', description: 'Plain HTTP port; 0 turns HTTP off.' },
  { field: 'db', env: 'CCV_DB', flag: '--db', value: '<path>', default: './data/center.db', description: 'SQLite database file; its directory also keeps the TLS material. :memory: keeps nothing.' },
  { field: 'scenario', env: 'CCV_SCENARIO', flag: '--scenario', value: '<name>', default: 'default', description: 'Scenario profile from seeds/ used to build a new database (small, default, large).' },
  { field: 'seed', env: 'CCV_SEED', flag: '--seed', value: '<integer>', description: "Overrides the scenario's random seed (0..4294967295)." },
  { field: 'token', env: 'CCV_TOKEN', flag: '--token', value: '<token>', description: 'A fixed API token (ics-<40 hex>-<40 hex>) to create if absent.', secret: true },
  { field: 'adminKey', env: 'CCV_ADMIN_KEY', flag: '--admin-key', value: '<key>', description: 'Control-plane (/_emulator) key; generated and kept in the database when unset.', secret: true },
  { field: 'now', env: 'CCV_NOW', flag: '--now', value: '<timestamp>', description: 'Pins the emulated clock to an RFC 3339 timestamp, e.g. 2024-05-01T12:00:00Z.' },
  { field: 'logLevel', env: 'CCV_LOG_LEVEL', flag: '--log-level', value: '<level>', default: 'info', description: `Log level: ${LOG_LEVELS.join('|')}.` },
  { field: 'logFormat', env: 'CCV_LOG_FORMAT', flag: '--log-format', value: '<format>', default: 'auto', description: 'Log format: pretty (one short line per request: method, URL with the token cut, status, time), json (one JSON object per line), or auto: pretty when the output is a terminal, json otherwise.' },
  { field: 'tlsHostnames', env: 'CCV_TLS_HOSTNAMES', flag: '--tls-hostnames', value: '<a,b,…>', default: '', description: 'Comma-separated extra DNS names / IP addresses for the server certificate (localhost, 127.0.0.1 and ::1 are always in).' },
  { field: 'trafficRate', env: 'CCV_TRAFFIC_RATE', flag: '--traffic-rate', value: '<n>', default: '0', description: `Live traffic started with the server, in flow observations per second (0 = none, at most ${MAX_RATE}).` },
  { field: 'journalSize', env: 'CCV_JOURNAL_SIZE', flag: '--journal-size', value: '<n>', description: `Requests under /api/ the control plane's journal keeps in memory (/_emulator/requests, /_emulator/coverage); 0 turns it off, at most ${MAX_JOURNAL_SIZE}.`, default: String(DEFAULT_JOURNAL_SIZE) },
  { field: 'control', env: 'CCV_CONTROL', flag: '--control', value: '<on|off>', default: 'on', description: 'off turns the control plane (/_emulator) off, all but /_emulator/health: for a demo that others may reach.' },
  { field: 'reset', env: 'CCV_RESET', flag: '--reset', default: '0', description: 'Rebuild the database from the scenario (1 = yes).' },
  { field: 'help', env: undefined, flag: '--help', alias: '-h', description: 'Print this help and exit.' },
];

/** The row of CONFIG_KEYS for a field: its variable and flag, to name them in a message. */
export function configKey(field: keyof Config): ConfigKey {
  const key = CONFIG_KEYS.find((k) => k.field === field);
  if (!key) throw new Error(`no setting for ${field}`);
  return key;
}

export class ConfigError extends Error {
  /** The variable or flag at fault, as the user wrote it. */
  readonly key: string;
  constructor(key: string, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.key = key;
  }
}

// ---- the schema: every input is text (an env value, a flag value or a default) ----

const port = z
  .string()
  .regex(/^\d{1,5}$/, 'must be an integer from 0 to 65535')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be an integer from 0 to 65535');

const nonEmpty = z.string().regex(/^\S+$/, 'must be a non-empty value without spaces');

// A DNS label: letters, digits, hyphens, not at either end.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DNS_NAME_RE = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`, 'i');

const hostnames = z.string().transform((text, ctx) => {
  const names: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (isIP(name) === 0 && !(DNS_NAME_RE.test(name) && name.length <= 253)) {
      ctx.addIssue({ code: 'custom', message: `"${name}" is neither a DNS name nor an IP address`, input: text });
      return z.NEVER;
    }
    const normal = isIP(name) === 0 ? name.toLowerCase().replace(/\.$/, '') : name;
    if (!names.includes(normal)) names.push(normal);
  }
  return names;
});

const boolean = z.string().transform((text, ctx) => {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(t)) return false;
  ctx.addIssue({ code: 'custom', message: 'must be 1/true/yes or 0/false/no', input: text });
  return z.NEVER;
});

const ConfigSchema = z.object({
  host: nonEmpty,
  httpsPort: port,
  httpPort: port,
  db: z.string().min(1, 'must not be empty'),
  // A bare name, not a path: it is looked up in seeds/ and must not walk out of it.
  scenario: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be a scenario name from seeds/ (letters, digits, - and _)')
    // A scenario that does not exist is the user's mistake like a bad port: a usage error (2),
    // found before anything is opened, not a failure (1) halfway through a start.
    .superRefine((name, ctx) => {
      const known = listProfiles();
      if (!known.includes(name)) ctx.addIssue({ code: 'custom', message: `must be one of the scenarios in seeds/: ${known.join(', ') || '(none)'}`, input: name });
    }),
  // random.ts takes the seed modulo 2^32: a wider range would alias different seeds.
  seed: z
    .string()
    .regex(/^\d+$/, 'must be an integer from 0 to 4294967295')
    .transform(Number)
    .refine((n) => n <= 0xffff_ffff, 'must be an integer from 0 to 4294967295')
    .optional(),
  // The Center's API tokens look like ics-<40 hex>-<40 hex>.
  token: z
    .string()
    .regex(/^ics-[0-9a-f]{40}-[0-9a-f]{40}$/, 'must look like ics-<40 lowercase hex>-<40 lowercase hex>')
    .optional(),
  // It travels in an HTTP header, so no spaces or control characters.
  adminKey: z.string().regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  now: z
    .string()
    .transform((text, ctx) => {
      const us = parseTimestamp(text);
      if (us === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 timestamp, e.g. 2024-05-01T12:00:00Z', input: text });
        return z.NEVER;
      }
      return us;
    })
    .optional(),
  logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }),
  logFormat: z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }),
  tlsHostnames: hostnames,
  reset: boolean,
  trafficRate: z
    .string()
    .regex(/^\d+(\.\d+)?$/, `must be a number from 0 to ${MAX_RATE}`)
    .transform(Number)
    .refine((n) => n <= MAX_RATE, `must be a number from 0 to ${MAX_RATE}`),
  control: z.enum(['on', 'off'], { error: 'must be on or off' }).transform((v) => v === 'on'),
  journalSize: z
    .string()
    .regex(/^\d+$/, `must be an integer from 0 to ${MAX_JOURNAL_SIZE}`)
    .transform(Number)
    .refine((n) => n <= MAX_JOURNAL_SIZE, `must be an integer from 0 to ${MAX_JOURNAL_SIZE}`),
  help: boolean.optional(),
});

type Field = keyof Config;
interface RawValue {
  text: string;
  /** Where it came from: the env name or the flag as written; undefined for a default. */
  from: string | undefined;
}

function keyByFlag(name: string): ConfigKey | undefined {
  return CONFIG_KEYS.find((k) => k.flag === name || k.alias === name);
}

/**
 * Parses the environment, then the flags over it (`--flag value`, `--flag=value`, and bare
 * `--reset` / `--help` switches). Throws ConfigError naming the variable or flag at fault.
 */
export function parseConfig(argv: string[], env: Record<string, string | undefined>): Config {
  const raw = new Map<Field, RawValue>();

  for (const key of CONFIG_KEYS) {
    if (key.env === undefined) continue;
    const text = env[key.env];
    // An empty variable (`CCV_TOKEN=` in a .env file) means "not set".
    if (text !== undefined && text !== '') raw.set(key.field, { text, from: key.env });
  }

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) throw new ConfigError(arg, `Unexpected argument "${arg}": options are flags such as --host 0.0.0.0`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const key = keyByFlag(name);
    if (!key) throw new ConfigError(name, `Unknown flag ${name}`);
    if (key.value === undefined) {
      raw.set(key.field, { text: inline ?? 'true', from: name });
      continue;
    }
    let text = inline;
    if (text === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new ConfigError(name, `Flag ${name} needs a value: ${name} ${key.value}`);
      text = next;
      i++;
    }
    raw.set(key.field, { text, from: name });
  }

  const input: Partial<Record<Field, string>> = {};
  for (const key of CONFIG_KEYS) {
    const value = raw.get(key.field);
    if (value) input[key.field] = value.text;
    else if (key.default !== undefined) input[key.field] = key.default;
  }

  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path[0] as Field;
      const key = CONFIG_KEYS.find((k) => k.field === field) as ConfigKey;
      const used = raw.get(field)?.from ?? key.env ?? key.flag;
      const other = used === key.flag || used === key.alias ? key.env : key.flag;
      const shown = key.secret ? '' : ` = "${input[field] ?? ''}"`;
      return { used, text: `Invalid ${used}${other ? ` (${other})` : ''}${shown}: ${issue.message}` };
    });
    throw new ConfigError(problems[0]?.used ?? 'config', problems.map((p) => p.text).join('\n'));
  }
  const d = result.data;
  return {
    host: d.host,
    httpsPort: d.httpsPort,
    httpPort: d.httpPort,
    db: d.db,
    scenario: d.scenario,
    seed: d.seed,
    token: d.token,
    adminKey: d.adminKey,
    now: d.now,
    logLevel: d.logLevel,
    logFormat: d.logFormat,
    tlsHostnames: d.tlsHostnames,
    reset: d.reset,
    trafficRate: d.trafficRate,
    control: d.control,
    journalSize: d.journalSize,
    help: d.help ?? false,
  };
}

const ENV_LINE_RE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** The value part of a `.env` line: bare (a ` #` starts a comment), in '…' as written, or in "…" with escapes (\n, \", \\). */
function envValue(raw: string): string | undefined {
  if (raw.startsWith("'")) return /^'([^']*)'(?:\s+#.*)?$/.exec(raw)?.[1];
  if (raw.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"(?:\s+#.*)?$/.exec(raw);
    return m?.[1]?.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return raw.replace(/(?:^|\s+)#.*$/, '');
}

/**
 * The variables of a `.env` file: `NAME=value` lines, `#` comments and blank lines. Every
 * line that is not one of those, a CCV_ name that is no setting, or a value its setting refuses
 * is a ConfigError naming the file and the line.
 * divergence: not Node's parser (process.loadEnvFile, util.parseEnv), which takes any line and
 * makes a variable of it (`garbage` then `B=2` gives a variable named "garbage\nB"): a typo there
 * would be ignored without a word. Values are on one line (no setting needs more).
 */
export function parseEnvFile(text: string, file: string): Record<string, string> {
  const vars: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (/^\s*(#.*)?$/.test(line)) return;
    const m = ENV_LINE_RE.exec(line);
    const value = m ? envValue(m[2] as string) : undefined;
    if (!m || value === undefined) throw new ConfigError(file, `${at}: expected NAME=value, not "${line.trim()}"`);
    const name = m[1] as string;
    if (name.startsWith('CCV_')) {
      if (!CONFIG_KEYS.some((k) => k.env === name)) throw new ConfigError(file, `${at}: ${name} is not a setting (the variables are in --help)`);
      try {
        parseConfig([], { [name]: value });
      } catch (err) {
        if (err instanceof ConfigError) throw new ConfigError(file, `${at}: ${err.message}`);
        throw err;
      }
    }
    vars[name] = value;
  });
  return vars;
}

/**
 * The environment with the variables of `file` (`./.env`) that it does not set: a variable set
 * in the environment wins over the file, as a flag wins over both. No file, no change.
 */
export function withEnvFile(env: Record<string, string | undefined>, file: string): Record<string, string | undefined> {
  if (!existsSync(file)) return env;
  const merged: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(parseEnvFile(readFileSync(file, 'utf8'), file))) {
    // An empty variable means "not set" (parseConfig), so it does not hide the file's value.
    if (env[name] === undefined || env[name] === '') merged[name] = value;
  }
  return merged;
}

/** The directory that holds the database (and the TLS material); undefined for `:memory:`. */
export function dataDir(config: Pick<Config, 'db'>): string | undefined {
  return config.db === ':memory:' ? undefined : dirname(config.db);
}

/** `--help`, generated from CONFIG_KEYS. */
export function helpText(): string {
  const lines = [
    'Usage: ccv-emulator [options]',
    '',
    'An emulator of the Cisco Cyber Vision Center REST API.',
    'Every option can also be set by its environment variable; a flag wins over the variable.',
    '',
    'Options:',
  ];
  for (const key of CONFIG_KEYS) {
    const flag = [key.alias, key.value ? `${key.flag} ${key.value}` : key.flag].filter(Boolean).join(', ');
    lines.push(`  ${flag.padEnd(32)}${key.env ?? ''}`.trimEnd());
    const dflt = key.default === undefined ? '' : ` Default: ${key.default === '' ? '(empty)' : key.default}.`;
    lines.push(`      ${key.description}${dflt}`);
  }
  return lines.join('\n');
}
