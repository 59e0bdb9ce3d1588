/**
 * buildApp: the whole Center as a Fastify instance — never listens, never reads the
 * environment. src/server.ts listens; tests call it through `inject`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import apiV1, { API_V1_PREFIX } from './api/v1/index.js';
import apiV3, { API_V3_PREFIX } from './api/v3/index.js';
import type { EmulatorClock } from './clock.js';
import emulator, { EMULATOR_PREFIX } from './emulator/index.js';
import { createServices } from './emulator/services.js';
import context from './plugins/context.js';
import errorHandler, { MAX_PARAM_LENGTH, clientErrorHandler, frameworkErrors, guardServer } from './plugins/error-handler.js';
import journalAndFaults from './plugins/journal-faults.js';
import swagger from './plugins/swagger.js';
import docs from './plugins/docs.js';
import ui from './plugins/ui.js';
import caRoutes from './plugins/ca.js';
import type { Store } from './store/store.js';
import { VERSION } from './version.js';

export interface AppOptions {
  store: Store;
  /** The emulated clock; the control plane sets and moves it. */
  clock: EmulatorClock;
  /** The CA certificate to serve at /ca.pem and /ca.crt (guide 6.1), when TLS is on. */
  ca?: { pem: string; der: Buffer };
  logger?: FastifyServerOptions['logger'];
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** Serve HTTPS with this key and certificate (PEM). */
  https?: { key: string; cert: string };
  /** Ids of what clients create (groups, rules); random v4 UUIDs unless a test pins them. */
  newId?: () => string;
  /** The control-plane key (x-emulator-key). */
  adminKey: string;
  /** false (CCV_CONTROL=off) serves no control plane but /_emulator/health. */
  control?: boolean;
  /** Requests the journal keeps (CCV_JOURNAL_SIZE; 0: off). */
  journalSize?: number;
}

/** Fastify types these factories as Ajv's and fast-json-stringify's; it calls them with a route's schema alone. */
const COMPILERS = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // Every layer answers in the guide's envelope (5.7), src/plugins/error-handler.ts: Node's server
  // leaves a missing Host to Fastify (requireHostHeader), Node's parser and Fastify's router
  // refuse through the app's handlers, and a request that arrives while the server closes is
  // served (Fastify's 503 on closing has its own body).
  const app = Fastify({
    ...(opts.https ? { https: { ...opts.https, requireHostHeader: false } } : { http: { requireHostHeader: false } }),
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true, maxParamLength: MAX_PARAM_LENGTH },
    clientErrorHandler,
    frameworkErrors,
    return503OnClosing: false,
    // zod validates requests. Response schemas document the API and are checked by the tests; at
    // run time answers are plain JSON.stringify (validating every answer with zod would cost a
    // list route dearly). Given here, not set after, so that Fastify does not load its own
    // compilers (Ajv, fast-json-stringify) at each start.
    schemaController: { compilersFactory: COMPILERS },
  });
  guardServer(app.server, app.log);

  await app.register(errorHandler);
  const newId = opts.newId ?? randomUUID;
  // The ingest pipeline, live traffic, journal and faults live as long as the app: live traffic
  // stops when the close begins (no write while in-flight requests finish), and a `:memory:`
  // world's temporary snapshot folder is removed once it is closed.
  const services = createServices(opts.store, opts.clock, newId, { journalSize: opts.journalSize });
  app.addHook('preClose', async () => services.traffic.stop());
  app.addHook('onClose', async () => services.world.close());
  await app.register(context, { store: opts.store, clock: opts.clock, newId, services });
  // Root hooks, before any route: they see every /api/ request, 401, 402 and 404 included.
  // Without the control plane nobody could read the journal or set a fault: no hooks.
  await app.register(journalAndFaults, { services, control: opts.control ?? true });
  await app.register(swagger, { version: VERSION });
  // The API Documentation page and the API Token page: no token needed to load them.
  await app.register(docs);
  await app.register(ui);
  if (opts.ca) await app.register(caRoutes, { ca: opts.ca });
  await app.register(apiV1, { prefix: API_V1_PREFIX });
  await app.register(apiV3, { prefix: API_V3_PREFIX, version: VERSION });
  await app.register(emulator, { prefix: EMULATOR_PREFIX, adminKey: opts.adminKey, control: opts.control ?? true });
  return app;
}
