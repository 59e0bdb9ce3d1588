/** What the `seed` and `snapshot` commands share: their output, and a parse limited to the server flags they take. */
import { CONFIG_KEYS, type Config, ConfigError, parseConfig } from '../config.js';

export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Out;
  stderr: Out;
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

export class UsageError extends Error {}

/**
 * A usage error as the user sees it: what is wrong, then where the help is. Not the help
 * itself: forty lines of it scrolled the one line that mattered out of sight.
 */
export function usageText(message: string, command?: string): string {
  return `${message}\nSee ${command ? `${command} ` : ''}--help.\n`;
}

/** The positional arguments, and the config parsed from the flags (only `allowed` ones) and the environment. */
export function parseCommand(argv: string[], env: Record<string, string | undefined>, allowed: readonly (keyof Config)[]): { args: string[]; config: Config } {
  const keys = CONFIG_KEYS.filter((k) => allowed.includes(k.field));
  const args: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      args.push(arg);
      continue;
    }
    const name = arg.split('=')[0] as string;
    const key = keys.find((k) => k.flag === name);
    if (!key) throw new UsageError(`Unknown flag ${name}`);
    flags.push(arg);
    if (!arg.includes('=') && key.value !== undefined) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.push(value);
    }
  }
  try {
    return { args, config: parseConfig(flags, env) };
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/** The flags of a command, for its --help. */
export function flagsHelp(allowed: readonly (keyof Config)[]): string[] {
  return CONFIG_KEYS.filter((k) => allowed.includes(k.field)).map((k) => `  ${`${k.flag} ${k.value ?? ''}`.padEnd(28)}${k.env ?? ''}\n      ${k.description}`);
}

/**
 * Runs a command's body: `--help` prints the help; a UsageError prints its message and where
 * the help is (exit 2); any other error prints its message (exit 1).
 */
export function runCommand(command: string, argv: string[], help: string, io: Io, body: () => number): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  try {
    return body();
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(usageText(err.message, command));
      return 2;
    }
    io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
