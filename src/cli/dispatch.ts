/**
 * The command line's first step: `ccv-emulator <command> …` runs a command of COMMANDS (e.g.
 * `token list`); anything else is the server's flags (src/cli/serve.ts). Resolves to an exit
 * code, or to the running server.
 */
import { join } from 'node:path';
import { ConfigError, withEnvFile } from '../config.js';
import type { RunningServer } from '../server.js';
import { type Io, processIo, usageText } from './command-line.js';

type Env = Record<string, string | undefined>;

/** A subcommand: its arguments after the name, the environment, the output; resolves to the exit code. */
type Subcommand = (argv: string[], env: Env, io: Io) => Promise<number>;

/**
 * The subcommands, by first argument. Each is loaded only when used, so the server does not
 * load them, nor they the server (`health` runs every few seconds in a container).
 */
const COMMANDS = new Map<string, { summary: string; load: () => Promise<{ run: Subcommand }> }>([
  ['token', { summary: 'Create, list, enable, disable or delete API tokens (token --help)', load: () => import('./token.js') }],
  ['seed', { summary: 'Build a scenario into a database file without serving it (seed --help)', load: () => import('./seed.js') }],
  ['snapshot', { summary: 'Save, restore, list or delete snapshots of a database file (snapshot --help)', load: () => import('./snapshot.js') }],
  ['health', { summary: "Ask a running server's /_emulator/health on each listener; the Docker HEALTHCHECK (health --help)", load: () => import('./health.js') }],
]);

function commandsHelp(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((n) => n.length)) + 2;
  return ['', 'Commands (ccv-emulator <command> --help):', ...[...COMMANDS].map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`)].join('\n');
}

/** `tokens` → `token`, `snap` → `snapshot`: a command the user probably meant. */
function closest(name: string): string | undefined {
  return [...COMMANDS.keys()].find((c) => name.startsWith(c) || c.startsWith(name));
}

/**
 * Runs the command line with the environment and `<cwd>/.env` (the environment wins); never
 * throws: a failure is written to stderr and resolves to 1.
 */
export async function dispatch(argv: string[], processEnv: Env, io: Io = processIo, cwd: string = process.cwd()): Promise<number | RunningServer> {
  try {
    let env: Env;
    try {
      env = withEnvFile(processEnv, join(cwd, '.env'));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      io.stderr.write(usageText(err.message));
      return 2;
    }
    const name = argv[0];
    const command = name === undefined ? undefined : COMMANDS.get(name);
    if (command) return await (await command.load()).run(argv.slice(1), env, io);
    if (name !== undefined && !name.startsWith('-')) {
      const meant = closest(name);
      const known = [...COMMANDS.keys()].join(', ');
      io.stderr.write(usageText(`Unknown command "${name}"${meant ? ` (did you mean "${meant}"?)` : ''}: the commands are ${known}; the server takes flags only`));
      return 2;
    }
    const { serve } = await import('./serve.js');
    return await serve(argv, env, io, commandsHelp());
  } catch (err) {
    io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
