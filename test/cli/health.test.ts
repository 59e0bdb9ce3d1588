/** `ccv-emulator health`: the Docker HEALTHCHECK, run against a real server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/health.js';
import { FixedClock } from '../../src/clock.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { openCenter } from '../../src/startup.js';
import { loadOrCreateTls } from '../../src/tls.js';
import { freePort } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ccv-health-'));
const other = mkdtempSync(join(tmpdir(), 'ccv-health-other-'));
const db = join(dir, 'center.db');
let server: RunningServer;
let httpsPort: number;

beforeAll(async () => {
  const clock = new FixedClock(Date.UTC(2026, 0, 20) * 1000);
  const center = openCenter({ db, scenario: 'small', reset: false, clock });
  const tls = await loadOrCreateTls(dir, [], new Date());
  await loadOrCreateTls(other, [], new Date()); // another CA, that did not sign the server's certificate
  httpsPort = await freePort();
  // HTTP off: the check must go through HTTPS.
  server = await startServer({ host: '0.0.0.0', httpsPort, httpPort: 0, center, clock, tls });
});

afterAll(async () => {
  await server.close();
  for (const d of [dir, other]) rmSync(d, { recursive: true, force: true });
});

async function health(env: Record<string, string>, argv: string[] = []) {
  let out = '';
  let err = '';
  const code = await run(argv, env, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

describe('health', () => {
  it('succeeds (0) through HTTPS when HTTP is off, trusting the CA beside the database', async () => {
    const r = await health({ CCV_DB: db, CCV_HOST: '0.0.0.0', CCV_HTTP_PORT: '0', CCV_HTTPS_PORT: String(httpsPort) });
    expect(r).toEqual({ code: 0, out: `ok https://127.0.0.1:${httpsPort}/_emulator/health\n`, err: '' });
  });

  it('fails (1) when nothing listens, naming the URL', async () => {
    const port = await freePort();
    const r = await health({ CCV_DB: db, CCV_HTTPS_PORT: '0', CCV_HTTP_PORT: String(port) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^failed http://127\\.0\\.0\\.1:${port}/_emulator/health: .*ECONNREFUSED`));
  });

  it('fails (1) when the server is not signed by the CA beside the database', async () => {
    const r = await health({ CCV_DB: join(other, 'center.db'), CCV_HTTP_PORT: '0', CCV_HTTPS_PORT: String(httpsPort) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^failed https:.*certificate/);
  });

  it('checks every listener that is on: one down is a failure', async () => {
    const r = await health({ CCV_DB: db, CCV_HTTPS_PORT: String(httpsPort), CCV_HTTP_PORT: String(await freePort()) });
    expect(r.code).toBe(1);
    expect(r.out).toBe(`ok https://127.0.0.1:${httpsPort}/_emulator/health\n`);
    expect(r.err).toMatch(/^failed http:/);
  });

  it('is a usage error (2) with both listeners off', async () => {
    const r = await health({ CCV_HTTPS_PORT: '0' }, ['--http-port', '0']);
    expect(r).toEqual({ code: 2, out: '', err: 'Both listeners are off (CCV_HTTPS_PORT=0 and CCV_HTTP_PORT=0): nothing to check\nSee health --help.\n' });
  });
});
