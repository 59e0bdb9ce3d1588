/**
 * Token and licence checks for every API route (guide 4, 6.1; admin guide "Token"). In 1.0 the
 * token travels as `?token=` or in the `x-token-id` header (the 3.x style); in 3.0 in the header
 * only (Cisco's document: `apiKey` in header `x-token-id`), so `?token=` alone is a 401 there.
 * Missing, malformed, unknown, disabled or expired → 401; a licence without the API → 402.
 * `Authorization: Bearer` and `x-api-key` are not tokens.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MICROS_PER_SECOND } from '../domain/time.js';
import { errors } from '../errors.js';

/** last_used_at is written at most this often per token: a write per request would cost. */
const LAST_USED_RESOLUTION = 60 * MICROS_PER_SECOND;

export interface TokenPlaces {
  /** Whether `?token=` carries a token (1.0), besides the `x-token-id` header. */
  query: boolean;
}

function tokenOf(request: FastifyRequest, places: TokenPlaces): string | undefined {
  if (places.query) {
    const q = (request.query as Record<string, unknown> | undefined)?.['token'];
    const fromQuery = Array.isArray(q) ? q[0] : q;
    if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  }
  const header = request.headers['x-token-id'];
  return Array.isArray(header) ? header[0] : header;
}

export function requireToken(app: FastifyInstance, places: TokenPlaces): void {
  app.addHook('onRequest', async (request) => {
    const now = app.clock.now();
    const check = app.store.tokens.check(tokenOf(request, places), now);
    if (!check.ok) {
      if (check.reason !== 'missing') throw errors.invalidToken();
      throw !places.query && (request.query as Record<string, unknown> | undefined)?.['token'] !== undefined ? errors.tokenNotInHeader() : errors.missingToken();
    }
    request.tokenName = check.token.name; // the request journal names the token (src/app.ts)
    if (!app.store.settings.apiLicensed()) throw errors.license();
    const last = check.token.lastUsedAt;
    if (last === null || now - last >= LAST_USED_RESOLUTION) app.store.tokens.markUsed(check.token.id, now);
  });
}
