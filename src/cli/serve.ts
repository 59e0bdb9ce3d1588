/**
 * `npm start [-- flags]`: opens or seeds the Center, serves it on HTTPS and HTTP, and prints
 * what a newcomer needs (URLs, a token, the admin key, a curl line). src/cli/main.ts keeps it
 * running until Ctrl-C.
 */
import type { EventEmitter } from 'node:events';
import { EmulatorClock, systemClock } from '../clock.js';
import { ConfigError, dataDir, helpText, parseConfig, type Config } from '../config.js';
import type { RunningServer } from '../server.js';
import { VERSION } from '../version.js';
import { SERVING } from './code-cache.js';
import { type Io, usageText } from './command-line.js';
import { progressPrinter } from './progress.js';

/**
 * Resolves to the running server, or to an exit code (0 after --help, 2 for a usage error).
 * Throws when the Center cannot be opened or served. `commands` ends the --help text.
 */
export async function serve(argv: string[], env: Record<string, string | undefined>, io: Io, commands: string): Promise<number | RunningServer> {
  let config: Config;
  try {
    config = parseConfig(argv, env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(usageText(err.message));
      return 2;
    }
    throw err;
  }
  if (config.help) {
    io.stdout.write(`${helpText()}\n${commands}\n`);
    return 0;
  }

  // The server is loaded only now: `--help` and a usage error answer without it.
  const [{ checkPorts, startServer }, { openCenter }, { loadOrCreateTls }, { loggerOptions }] = await Promise.all([
    import('../server.js'),
    import('../startup.js'),
    import('../tls.js'),
    import('../log.js'),
  ]);
  await checkPorts(config.host, config);
  // CCV_NOW pins the clock: the world's history ends there and time stands still.
  const clock = new EmulatorClock(systemClock, config.now ?? null);
  const progress = progressPrinter(io.stderr, config.scenario);
  const center = openCenter({ ...config, clock, onProgress: progress.update, onRebuild: (why) => io.stderr.write(`${why}\n`) });
  if (center.built) progress.done(center.built.seconds, center.built.observations);

  // Certificates follow the real clock, not CCV_NOW: TLS clients check them against real time.
  const tls = await loadOrCreateTls(dataDir(config), config.tlsHostnames, new Date(systemClock.now() / 1000));
  const format = config.logFormat === 'auto' ? (io.stdout.isTTY ? 'pretty' : 'json') : config.logFormat;
  const logger = config.logLevel === 'silent' ? false : loggerOptions({ level: config.logLevel, format, out: io.stdout });
  const server = await startServer({ ...config, center, clock, tls, logger });

  const base = server.urls.https ?? server.urls.http ?? '';
  const token = center.token ?? '<create a token: the default one was removed>';
  const lines = [
    `Cisco Cyber Vision Center emulator ${VERSION}: scenario "${center.store.settings.get('world.scenario')}", database ${config.db}`,
    server.urls.https ? `  HTTPS      ${server.urls.https}/api/1.0   (CA: ${server.urls.https}/ca.pem)` : undefined,
    server.urls.http ? `  HTTP       ${server.urls.http}/api/1.0` : undefined,
    `  API token  ${token}`,
    `  pages      ${base}/ (API tokens)   ${base}/api/1.0/documentation and ${base}/api/3.0/documentation (API documentation)`,
    config.control ? `  admin key  ${center.adminKey}   (control plane: ${base}/_emulator)` : '  control    off (CCV_CONTROL=off): /_emulator/health only',
    `  try        curl ${server.urls.https ? '-k ' : ''}"${base}/api/1.0/component?limit=5&token=${token}"`,
    `             curl ${server.urls.https ? '-k ' : ''}-H "x-token-id: ${token}" "${base}/api/3.0/devices?page=1&size=5"`,
    '  Ctrl-C stops the server.',
  ];
  io.stdout.write(`${lines.filter((l) => l !== undefined).join('\n')}\n`);
  // The bundle's code cache can be written now (src/cli/code-cache.ts).
  (process as EventEmitter).emit(SERVING);
  return server;
}
