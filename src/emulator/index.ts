/**
 * The control plane (DESIGN: "/_emulator, guarded by an admin key"): what makes the emulator a
 * testing tool. Not Cisco's API: it never lives under /api. Every route needs the admin key in
 * the `x-emulator-key` header (401 in the 5.7 envelope otherwise).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { errors } from '../errors.js';
import analyze from './routes/analyze.js';
import ingest from './routes/ingest.js';
import traffic from './routes/traffic.js';

export const EMULATOR_PREFIX = '/_emulator';

const sameKey = (given: string, key: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
};

const emulator: FastifyPluginAsync<{ adminKey: string }> = async (app, opts) => {
  app.addHook('onRequest', async (request) => {
    const header = request.headers['x-emulator-key'];
    const given = Array.isArray(header) ? header[0] : header;
    if (!given) throw errors.missingAdminKey();
    if (!sameKey(given, opts.adminKey)) throw errors.invalidAdminKey();
  });
  await app.register(ingest);
  await app.register(analyze);
  await app.register(traffic);
};

export default emulator;
