/**
 * `ccv-emulator health`: asks a running server for /_emulator/health on every listener the
 * configuration turns on (the same variables and ./.env as the server), trusting the CA in the
 * database's folder for HTTPS. The Docker image's HEALTHCHECK. Exit codes: 0 every listener
 * answers, 1 one does not, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { dataDir, type Config } from '../config.js';
import { type Io, UsageError, flagsHelp, parseCommand, processIo, usageText } from './command-line.js';

const FLAGS = ['host', 'httpsPort', 'httpPort', 'db'] as const;
/** Within Docker's --timeout (5 s) with room for both listeners. */
const TIMEOUT_MS = 2_000;

const HELP = [
  'Usage: ccv-emulator health [--https-port <port>] [--http-port <port>] [--host <address>] [--db <path>]',
  '',
  "Asks the running server's /_emulator/health on each listener that is on (HTTPS trusting the CA",
  "kept beside the database), and exits 0 when every one answers, 1 otherwise.",
  '',
  'Options:',
  ...flagsHelp(FLAGS),
].join('\n');

/** Where to reach a server bound to `host`: a wildcard address is reached on loopback. */
function reachable(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** GET `url`: resolves to the status, rejects on a network or TLS failure or after TIMEOUT_MS. */
function get(url: string, ca: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const https = url.startsWith('https:');
    // The server certificate always names localhost (src/tls.ts), whatever address is dialled.
    const options = https ? (ca === undefined ? { rejectUnauthorized: false } : { ca, servername: 'localhost' }) : {};
    const req = (https ? httpsRequest : httpRequest)(url, { ...options, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

async function check(config: Config, io: Io): Promise<number> {
  const host = reachable(config.host);
  const targets: { url: string; ca?: string }[] = [];
  if (config.httpsPort !== 0) {
    const dir = dataDir(config);
    // :memory: keeps its CA in memory only: the answer is checked, not the certificate.
    const ca = dir === undefined ? undefined : readFileSync(join(dir, 'ca.pem'), 'utf8');
    targets.push({ url: `https://${host}:${config.httpsPort}/_emulator/health`, ca });
  }
  if (config.httpPort !== 0) targets.push({ url: `http://${host}:${config.httpPort}/_emulator/health` });
  if (targets.length === 0) throw new UsageError('Both listeners are off (CCV_HTTPS_PORT=0 and CCV_HTTP_PORT=0): nothing to check');
  let failed = 0;
  for (const t of targets) {
    try {
      const status = await get(t.url, t.ca);
      if (status !== 200) throw new Error(`status ${status}`);
      io.stdout.write(`ok ${t.url}\n`);
    } catch (err) {
      failed++;
      io.stderr.write(`failed ${t.url}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

export async function run(argv: string[], env: Record<string, string | undefined>, io: Io = processIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const { args, config } = parseCommand(argv, env, FLAGS);
    if (args.length > 0) throw new UsageError(`Unexpected argument "${args[0]}"`);
    return await check(config, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(usageText(err.message, 'health'));
      return 2;
    }
    io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
