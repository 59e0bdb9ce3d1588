import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../src/clock.js';
import { startServer, type RunningServer } from '../src/server.js';
import { openCenter, type Center } from '../src/startup.js';
import { loadOrCreateTls, type TlsMaterial } from '../src/tls.js';
import { freePort } from './helpers.js';
import { rawRequest } from './raw-http.js';

/** An HTTPS GET that verifies the server against `ca` (or does not, when ca is undefined). */
function httpsGet(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, rejectUnauthorized: ca !== undefined }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ccv-server-'));
const clock = new FixedClock(Date.UTC(2026, 0, 20) * 1000);
let center: Center;
let tls: TlsMaterial;
let server: RunningServer;

beforeAll(async () => {
  center = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
  tls = await loadOrCreateTls(dir, [], new Date());
  server = await startServer({ host: '127.0.0.1', httpsPort: await freePort(), httpPort: await freePort(), center, clock, tls });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server', () => {
  it('serves the API over HTTPS to a client that trusts /ca.pem (guide 6.1)', async () => {
    const ca = await (await fetch(`${server.urls.http}/ca.pem`)).text();
    const https = (server.urls.https as string).replace('127.0.0.1', 'localhost');
    const res = await httpsGet(`${https}/api/1.0/component?limit=1&token=${center.token}`, ca);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toHaveLength(1);
  });

  it('is refused by a client that trusts nothing', async () => {
    const strict = new Promise((resolve, reject) => {
      const req = request(`${server.urls.https}/ca.pem`, { rejectUnauthorized: true }, resolve);
      req.on('error', reject);
      req.end();
    });
    await expect(strict).rejects.toThrow(/certificate/i);
  });

  it('serves the CA without a token, as PEM and DER, on both listeners', async () => {
    for (const base of [server.urls.http as string, server.urls.https as string]) {
      const pem = base.startsWith('https') ? (await httpsGet(`${base}/ca.pem`, tls.caPem)).body : await (await fetch(`${base}/ca.pem`)).text();
      expect(pem).toBe(tls.caPem);
    }
    const der = Buffer.from(await (await fetch(`${server.urls.http}/ca.crt`)).arrayBuffer());
    expect(new X509Certificate(der).fingerprint256).toBe(new X509Certificate(tls.caPem).fingerprint256);
  });

  it('serves the API Token page, the documentation page and its assets without a token, on both listeners', async () => {
    for (const base of [server.urls.http as string, server.urls.https as string]) {
      for (const [path, type] of [
        ['/', /text\/html/],
        ['/api/1.0/documentation/', /text\/html/],
        ['/api/1.0/documentation/json', /application\/json/],
        ['/_emulator/health', /application\/json/],
      ] as const) {
        if (base.startsWith('https')) {
          const res = await httpsGet(`${base}${path}`, tls.caPem);
          expect(res.status, `${base}${path}`).toBe(200);
        } else {
          const res = await fetch(`${base}${path}`);
          expect(res.status, `${base}${path}`).toBe(200);
          expect(res.headers.get('content-type')).toMatch(type);
        }
      }
    }
  });

  it('answers the same Center on plain HTTP', async () => {
    const res = await fetch(`${server.urls.http}/api/1.0/sensor?token=${center.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers what HTTP refuses in the envelope on the plain listener too (one app serves both, src/server.ts secondListener)', async () => {
    const port = Number(new URL(server.urls.http as string).port);
    const cases: [string, number, RegExp][] = [
      [`FOO /api/1.0/sensor HTTP/1.1\r\nHost: center\r\n\r\n`, 400, /^Bad request: the HTTP request cannot be parsed$/],
      [`GET /api/1.0/sensor HTTP/1.1\r\nConnection: close\r\n\r\n`, 400, /must carry one Host header$/],
      [`CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`, 404, /^Route CONNECT:example\.com:443 not found$/],
    ];
    for (const [bytes, status, message] of cases) {
      const { answers, raw } = await rawRequest(port, bytes);
      expect(answers.map((a) => a.status), raw).toEqual([status]);
      expect(answers[0]?.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(answers[0]?.body ?? '')).toEqual({ status: 'error', message: expect.stringMatching(message) as unknown });
    }
  });

  it('lets an in-flight request finish, then closes the listeners and the database', async () => {
    const port = await freePort();
    const c = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
    const s = await startServer({ host: '127.0.0.1', httpsPort: 0, httpPort: port, center: c, clock, tls });
    expect(s.urls.https).toBeUndefined();
    // Close as soon as the request has reached the server (Fastify's own listener runs first).
    let closed: Promise<void> | undefined;
    s.app.server.once('request', () => (closed = s.close()));
    const inFlight = await fetch(`${s.urls.http}/api/1.0/flows?limit=50&token=${c.token}`);
    await closed;
    expect(inFlight.status).toBe(200);
    expect(closed).toBeDefined();
    expect(c.store.db.open).toBe(false);
    await expect(fetch(`${s.urls.http}/ca.pem`)).rejects.toThrow();
  });

  describe('a port that cannot be bound', () => {
    /** Occupies a free port, as another server would. */
    async function occupied(): Promise<{ port: number; server: Server }> {
      const port = await freePort();
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      return { port, server };
    }
    /** Resolves when the port can be bound again: nothing of the failed start holds it. */
    const bindable = (port: number) =>
      new Promise<boolean>((resolve) => {
        const s = createServer();
        s.once('error', () => resolve(false));
        s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
      });

    it.each([
      ['HTTP', 'http', 'CCV_HTTP_PORT or --http-port'],
      ['HTTPS', 'https', 'CCV_HTTPS_PORT or --https-port'],
    ] as const)('names the %s port and the setting that moves it; nothing stays bound, the database is closed', async (name, taken, setting) => {
      const busy = await occupied();
      const other = await freePort();
      const c = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
      const ports = taken === 'http' ? { httpPort: busy.port, httpsPort: other } : { httpsPort: busy.port, httpPort: other };
      try {
        await expect(startServer({ host: '127.0.0.1', ...ports, center: c, clock, tls })).rejects.toThrow(
          `The ${name} port ${busy.port} on 127.0.0.1 is already in use (another server?): set ${setting} to another port, or to 0 to turn ${name} off.`,
        );
        expect(await bindable(other)).toBe(true);
        expect(c.store.db.open).toBe(false);
      } finally {
        busy.server.close();
      }
    });

    it('names CCV_HOST when the address is not one of this machine', async () => {
      const c = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
      await expect(startServer({ host: '192.0.2.1', httpsPort: 0, httpPort: await freePort(), center: c, clock, tls })).rejects.toThrow(
        /^Cannot listen on 192\.0\.2\.1: it is not an address of this machine; set CCV_HOST or --host/,
      );
      expect(c.store.db.open).toBe(false);
    });
  });

  it('refuses to start with both listeners off', async () => {
    const c = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
    await expect(startServer({ host: '127.0.0.1', httpsPort: 0, httpPort: 0, center: c, clock, tls })).rejects.toThrow(/both listeners are off/);
    c.store.close();
  });

  it('closes the database when the app cannot be built (a key that is no key)', async () => {
    const c = openCenter({ db: ':memory:', scenario: 'small', reset: false, clock });
    const broken = { ...tls, keyPem: 'not a key' };
    await expect(startServer({ host: '127.0.0.1', httpsPort: await freePort(), httpPort: await freePort(), center: c, clock, tls: broken })).rejects.toThrow();
    expect(c.store.db.open).toBe(false);
  });
});
