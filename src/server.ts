/**
 * The only place that listens: the same Center on HTTPS (guide 6.1: a self-signed CA) and on
 * plain HTTP, either of which a port of 0 turns off. `close` lets in-flight requests finish,
 * then closes the database cleanly.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app.js';
import type { EmulatorClock } from './clock.js';
import { configKey } from './config.js';
import { clientErrorHandler, guardServer } from './plugins/error-handler.js';
import type { Center } from './startup.js';
import type { TlsMaterial } from './tls.js';

export interface ServerOptions {
  host: string;
  httpsPort: number;
  httpPort: number;
  center: Center;
  clock: EmulatorClock;
  tls: TlsMaterial;
  logger?: FastifyServerOptions['logger'];
  /** Live traffic to start with, in observations per second (CCV_TRAFFIC_RATE); 0 is none. */
  trafficRate?: number;
  /** false (CCV_CONTROL=off): no control plane but /_emulator/health. */
  control?: boolean;
  /** Requests the journal keeps (CCV_JOURNAL_SIZE); 0 turns it off. */
  journalSize?: number;
}

export interface RunningServer {
  /** The base URLs actually bound (a requested port of 0 is "off"). */
  urls: { https?: string; http?: string };
  /** The one app both listeners serve; its own server is the first listener that is on (HTTPS, else HTTP). */
  app: FastifyInstance;
  close(): Promise<void>;
}

function urlOf(host: string, port: number, scheme: 'http' | 'https'): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${shown}:${port}`;
}

/** The settings that move each listener, as the user writes them (src/config.ts). */
const LISTENERS = {
  https: { name: 'HTTPS', key: configKey('httpsPort') },
  http: { name: 'HTTP', key: configKey('httpPort') },
} as const;
const HOST = configKey('host');

/**
 * A failed bind in the user's terms: which port of which listener, and the setting that moves
 * it (Node's own `listen EADDRINUSE: address already in use 127.0.0.1:8443` names neither).
 */
function listenError(err: unknown, host: string, port: number, scheme: keyof typeof LISTENERS): unknown {
  const { name, key } = LISTENERS[scheme];
  const move = `set ${key.env} or ${key.flag} to another port, or to 0 to turn ${name} off`;
  const where = `The ${name} port ${port} on ${host}`;
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new Error(`${where} is already in use (another server?): ${move}.`);
    case 'EACCES':
      return new Error(`${where} needs privileges this user does not have (ports below 1024 do): ${move}.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Error(`Cannot listen on ${host}: it is not an address of this machine; set ${HOST.env} or ${HOST.flag} (127.0.0.1, or 0.0.0.0 for every address).`);
    default:
      return err;
  }
}

/**
 * Fails, in the user's terms, when a listener that is on cannot be bound: checked before the
 * world is opened or built, so that a taken port is said at once rather than after a first
 * `large` seed (about two minutes). The ports are released again; startServer binds them.
 */
export async function checkPorts(host: string, ports: { httpsPort: number; httpPort: number }): Promise<void> {
  for (const [scheme, port] of [['https', ports.httpsPort], ['http', ports.httpPort]] as const) {
    if (port === 0) continue;
    const probe = createNetServer();
    try {
      await new Promise<void>((resolve, reject) => {
        probe.once('error', reject);
        probe.listen({ host, port, exclusive: true }, resolve);
      });
    } catch (err) {
      throw listenError(err, host, port, scheme);
    } finally {
      if (probe.listening) await new Promise<void>((resolve) => probe.close(() => resolve()));
    }
  }
}

/**
 * A plain HTTP listener for an app whose own server is HTTPS: its requests go to the same
 * router (`app.routing`), what Node's parser refuses to the same handler, with the first
 * listener's timeouts. One app for both listeners registers the ~290 routes once, not twice
 * (issue 14: a start costs about 150 ms less).
 */
function secondListener(app: FastifyInstance): Server {
  const server = createHttpServer({ requireHostHeader: false }, app.routing);
  server.keepAliveTimeout = app.server.keepAliveTimeout;
  server.requestTimeout = app.server.requestTimeout;
  server.setTimeout(app.server.timeout);
  server.on('clientError', clientErrorHandler.bind(app));
  guardServer(server, app.log);
  return server;
}

function listenOn(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Binds every listener that is on, then resolves: nothing is announced (nor logged) until
 * both are bound, and a failed bind closes what was bound, the app (with its services) and the
 * database.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  if (opts.httpsPort === 0 && opts.httpPort === 0) throw new Error('both listeners are off: set CCV_HTTPS_PORT or CCV_HTTP_PORT');
  const ca = { pem: opts.tls.caPem, der: opts.tls.caDer };
  // One app (its pipeline, live traffic, journal and faults) for both listeners.
  const https = opts.httpsPort !== 0;
  let app: FastifyInstance | undefined;
  let plain: Server | undefined;
  const urls: RunningServer['urls'] = {};
  try {
    app = await buildApp({
      store: opts.center.store,
      clock: opts.clock,
      ca,
      logger: opts.logger,
      adminKey: opts.center.adminKey,
      journalSize: opts.journalSize,
      control: opts.control ?? true,
      ...(https ? { https: { key: opts.tls.keyPem, cert: opts.tls.certPem } } : {}),
    });
    if (https && opts.httpPort !== 0) plain = secondListener(app);
    const first = https ? 'https' : 'http';
    const firstPort = https ? opts.httpsPort : opts.httpPort;
    try {
      await app.listen({ host: opts.host, port: firstPort });
    } catch (err) {
      throw listenError(err, opts.host, firstPort, first);
    }
    urls[first] = urlOf(opts.host, portOf(app.server), first);
    if (plain) {
      try {
        await listenOn(plain, opts.host, opts.httpPort);
      } catch (err) {
        throw listenError(err, opts.host, opts.httpPort, 'http');
      }
      urls.http = urlOf(opts.host, portOf(plain), 'http');
    }
    if (opts.trafficRate) app.services.traffic.setRate(opts.trafficRate);
  } catch (err) {
    if (app) await closeAll(app, plain);
    opts.center.store.close();
    throw err;
  }
  const served = app;
  let closing: Promise<void> | undefined;
  return {
    urls,
    app: served,
    close() {
      closing ??= closeAll(served, plain).then(() => opts.center.store.close());
      return closing;
    },
  };
}

/**
 * Closes the app and the second listener: new requests are refused, in-flight ones finish. A
 * keep-alive connection that was busy when the close began turns idle only after its answer, so
 * idle connections are closed again until every listener is down (else close would wait for
 * the keep-alive timeout).
 */
async function closeAll(app: FastifyInstance, plain: Server | undefined): Promise<void> {
  const servers = plain ? [app.server, plain] : [app.server];
  const sweep = setInterval(() => servers.forEach((s) => s.closeIdleConnections()), 25);
  try {
    await Promise.all([app.close(), plain?.listening ? new Promise<void>((resolve) => plain.close(() => resolve())) : undefined]);
  } finally {
    clearInterval(sweep);
  }
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
