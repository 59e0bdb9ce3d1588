#!/usr/bin/env node
/**
 * `npm start [-- flags]`: opens or seeds the Center, serves it on HTTPS and HTTP, prints what a
 * newcomer needs (URLs, a token, the admin key, a curl line) and serves until Ctrl-C.
 * `npm start -- <command> …` runs a command of COMMANDS instead (e.g. `token list`).
 */
import { EmulatorClock, systemClock } from '../clock.js';
import { ConfigError, dataDir, helpText, parseConfig, type Config } from '../config.js';
import { startServer } from '../server.js';
import { openCenter } from '../startup.js';
import { logSerializers } from '../log.js';
import { loadOrCreateTls } from '../tls.js';
import { VERSION } from '../version.js';
import { progressPrinter } from './progress.js';

/** A subcommand: its arguments after the name, the environment; resolves to the exit code. */
type Subcommand = (argv: string[], env: NodeJS.ProcessEnv) => Promise<number>;

/**
 * The subcommands, by first argument; anything else starts the server. Each is loaded only when
 * used, so the server does not load them.
 */
const COMMANDS = new Map<string, { summary: string; load: () => Promise<{ run: Subcommand }> }>([
  ['token', { summary: 'Create, list, enable, disable or delete API tokens (token --help)', load: () => import('./token.js') }],
  ['seed', { summary: 'Build a scenario into a database file without serving it (seed --help)', load: () => import('./seed.js') }],
  ['snapshot', { summary: 'Save, restore, list or delete snapshots of a database file (snapshot --help)', load: () => import('./snapshot.js') }],
]);

function commandsHelp(): string {
  const width = Math.max(...[...COMMANDS.keys()].map((n) => n.length)) + 2;
  return ['', 'Commands (ccv-emulator <command> --help):', ...[...COMMANDS].map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(argv, process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\n${helpText()}\n${commandsHelp()}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (config.help) {
    process.stdout.write(`${helpText()}\n${commandsHelp()}\n`);
    return;
  }

  // CCV_NOW pins the clock: the world's history ends there and time stands still.
  const clock = new EmulatorClock(systemClock, config.now ?? null);
  const progress = progressPrinter(process.stderr, config.scenario);
  const center = openCenter({ ...config, clock, onProgress: progress.update });
  if (center.built) progress.done(center.built.seconds, center.built.observations);

  // Certificates follow the real clock, not CCV_NOW: TLS clients check them against real time.
  const tls = await loadOrCreateTls(dataDir(config), config.tlsHostnames, new Date(systemClock.now() / 1000));
  const logger = config.logLevel === 'silent' ? false : { level: config.logLevel, serializers: logSerializers };
  const server = await startServer({ ...config, center, clock, tls, logger });

  const base = server.urls.https ?? server.urls.http ?? '';
  const token = center.token ?? '<create a token: the default one was removed>';
  const lines = [
    `Cisco Cyber Vision Center emulator ${VERSION}: scenario "${center.store.settings.get('world.scenario')}", database ${config.db}`,
    server.urls.https ? `  HTTPS      ${server.urls.https}/api/1.0   (CA: ${server.urls.https}/ca.pem)` : undefined,
    server.urls.http ? `  HTTP       ${server.urls.http}/api/1.0` : undefined,
    `  API token  ${token}`,
    `  pages      ${base}/ (API tokens)   ${base}/api/1.0/documentation (API documentation)`,
    config.control ? `  admin key  ${center.adminKey}   (control plane: ${base}/_emulator)` : '  control    off (CCV_CONTROL=off): /_emulator/health only',
    `  try        curl ${server.urls.https ? '-k ' : ''}"${base}/api/1.0/component?limit=5&token=${token}"`,
    '  Ctrl-C stops the server.',
  ];
  process.stdout.write(`${lines.filter((l) => l !== undefined).join('\n')}\n`);

  const stop = (signal: string) => {
    process.stderr.write(`\n${signal}: finishing in-flight requests, closing the database…\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while closing: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function dispatch(argv: string[]): Promise<void> {
  const command = argv[0] === undefined ? undefined : COMMANDS.get(argv[0]);
  if (!command) return main(argv);
  const { run } = await command.load();
  process.exitCode = await run(argv.slice(1), process.env);
}

dispatch(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
