/**
 * The control plane (DESIGN: "/_emulator, guarded by an admin key"): what makes the emulator a
 * testing tool. Not Cisco's API: it never lives under /api. Every route needs the admin key in
 * the `x-emulator-key` header (401 in the 5.7 envelope otherwise).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { errors } from '../errors.js';
import clock from './routes/clock.js';
import health from './routes/health.js';
import world from './routes/world.js';
import analyze from './routes/analyze.js';
import ingest from './routes/ingest.js';
import license from './routes/license.js';
import tokens from './routes/tokens.js';
import traffic from './routes/traffic.js';
import requests from './routes/requests.js';
import coverage from './routes/coverage.js';
import faults from './routes/faults.js';

export const EMULATOR_PREFIX = '/_emulator';

const sameKey = (given: string, key: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A control-plane route that needs no admin key (health). */
    public?: boolean;
  }
}

/** `control: false` (CCV_CONTROL=off) leaves only the health route: nothing to drive, nothing to guess. */
const emulator: FastifyPluginAsync<{ adminKey: string; control: boolean }> = async (app, opts) => {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const header = request.headers['x-emulator-key'];
    const given = Array.isArray(header) ? header[0] : header;
    if (!given) throw errors.missingAdminKey();
    if (!sameKey(given, opts.adminKey)) throw errors.invalidAdminKey();
  });
  await app.register(health);
  if (!opts.control) return;
  await app.register(clock);
  await app.register(world);
  await app.register(ingest);
  await app.register(analyze);
  await app.register(traffic);
  await app.register(tokens);
  await app.register(license);
  await app.register(requests);
  await app.register(coverage);
  await app.register(faults);
};

export default emulator;
