/**
 * API tokens as the Center's administrator manages them (admin guide, "Token": Name, Token
 * hidden or shown, Status, Creation Date, Expiration Date; Edit, Refresh, Delete, "+ New
 * token"). One module for the control-plane routes (src/emulator/routes/tokens.ts) and the
 * `token` command (src/cli/token.ts): the input schemas, the operations (which throw ApiErrors),
 * masking and the wire shape. Auth (src/plugins/auth.ts) reads the database on every request,
 * so each change here holds from the very next /api call.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { UUID_RE } from '../domain/ids.js';
import { type Micros, formatTimestamp, parseTimestamp } from '../domain/time.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';
import { type ApiToken, TOKEN_RE } from '../store/tokens.js';

export const TOKEN_NAME_MAX = 64;

const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An expiry as the API reads times: a date alone is 00:00 UTC (as `start`/`end`, guide 6.3.1),
 * "YYYY-MM-DD HH:MM[:SS]" is UTC, and RFC 3339 (what the emulator prints) keeps its offset.
 */
export function parseExpiry(text: string): Micros | undefined {
  const t = text.trim();
  return parseTimestamp(DATE_ONLY_RE.test(t) ? `${t} 00:00` : t);
}

// ---- input: zod, shared by the routes (bodies) and the command line (flags) ----

const name = z
  .string({ error: (iss) => (iss.input === undefined ? 'is mandatory' : 'must be a string') })
  .trim()
  .min(1, 'must not be empty')
  .max(TOKEN_NAME_MAX, `must be at most ${TOKEN_NAME_MAX} characters`)
  // The name is printed in the `token list` table: no line breaks or other control characters.
  .refine((s) => !/\p{Cc}/u.test(s), 'must not hold control characters')
  .meta({ description: `Unique without regard to case; 1 to ${TOKEN_NAME_MAX} characters, trimmed.`, example: 'SOC' });

const enabled = z.boolean({ error: 'must be true or false' });

const expiry = z
  .string({ error: 'must be a time (a string) or null' })
  .transform((text, ctx): Micros => {
    const t = parseExpiry(text);
    if (t === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a time: YYYY-MM-DD (00:00 UTC), YYYY-MM-DD HH:MM[:SS] (UTC) or RFC 3339' });
      return z.NEVER;
    }
    return t;
  })
  .nullable()
  .meta({ description: 'When the token stops working; it must be later than now. null: never.', example: '2035-01-01T00:00:00Z' });

/** A body that is no JSON object (or none at all) says so, rather than zod's "expected object". */
const objectBody = { error: (iss: { code?: string }) => (iss.code === 'invalid_type' ? 'a JSON object is required' : undefined) };

export const CreateTokenBody = z
  .object(
    {
      name,
      enabled: enabled.optional().meta({ description: 'The status toggle; true by default.' }),
      expires_at: expiry.optional(),
    },
    objectBody,
  )
  .strict()
  .meta({ example: { name: 'SOC', enabled: true, expires_at: '2035-01-01' } });

export const EditTokenBody = z
  .object(
    {
      name: name.optional(),
      enabled: enabled.optional(),
      expires_at: expiry.optional().meta({ description: 'A new expiry (later than now), or null to remove it.' }),
    },
    objectBody,
  )
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one of name, enabled, expires_at')
  .meta({ example: { enabled: false } });

export const TokenIdParams = z.object({ id: z.string().meta({ description: 'The token id (a UUID).', example: '4f6c2d0e-8a57-4b8e-9a55-1f0f4c7b9d21' }) });

// ---- output ----

const time = z.string().meta({ description: 'RFC 3339 with microseconds', example: '2026-11-01T12:00:00Z' });

export const TokenSchema = z.object({
  id: z.string().meta({ example: '4f6c2d0e-8a57-4b8e-9a55-1f0f4c7b9d21' }),
  name: z.string().meta({ example: 'SOC' }),
  token: z.string().meta({ description: 'Masked: "ics-…" and the last 4 characters (the secret is not kept).', example: 'ics-…12ab' }),
  enabled: z.boolean(),
  created_at: time,
  expires_at: time.nullable(),
  last_used_at: time.nullable().meta({ description: 'The last /api call with it, to the minute; null if never used.' }),
});

/** The answer of create and refresh: the only times the secret is shown. */
export const ClearTokenSchema = TokenSchema.extend({
  token: z.string().regex(TOKEN_RE).meta({
    description: 'The secret in clear: ics-<40 hex>-<40 hex>. Shown once.',
    example: 'ics-806ad94c9d70d05a0483f2eb1edc842488f53bc4-4390bf0c8b56670ce142913a458380e18ec12abf',
  }),
});

export type TokenWire = z.infer<typeof TokenSchema>;

/** The admin page shows a token "Hidden"; we show enough to tell tokens apart. */
export const maskToken = (hint: string): string => `ics-…${hint}`;

export function tokenWire(t: ApiToken, clear?: string): TokenWire {
  return {
    id: t.id,
    name: t.name,
    token: clear ?? maskToken(t.hint),
    enabled: t.enabled,
    created_at: formatTimestamp(t.createdAt),
    expires_at: t.expiresAt === null ? null : formatTimestamp(t.expiresAt),
    last_used_at: t.lastUsedAt === null ? null : formatTimestamp(t.lastUsedAt),
  };
}

export type TokenStatus = 'Enabled' | 'Disabled' | 'Expired';

/** The admin page's Status, plus Expired (a token past its expiry is refused even if enabled). */
export function tokenStatus(t: ApiToken, now: Micros): TokenStatus {
  if (!t.enabled) return 'Disabled';
  return t.expiresAt !== null && t.expiresAt <= now ? 'Expired' : 'Enabled';
}

// ---- operations ----

export interface NewToken {
  /** Trimmed and checked by CreateTokenBody. */
  name: string;
  enabled: boolean;
  expiresAt: Micros | null;
}

export interface TokenChange {
  name?: string;
  enabled?: boolean;
  /** null removes the expiry. */
  expiresAt?: Micros | null;
}

export function createTokenOperations(store: Store, clock: Clock, newId: () => string = randomUUID) {
  const tokens = store.tokens;

  function checkId(id: string): string {
    if (!UUID_RE.test(id)) throw errors.badId('token', id);
    return id.toLowerCase();
  }

  function existing(rawId: string): ApiToken {
    const id = checkId(rawId);
    const token = tokens.get(id);
    if (!token) throw errors.notFound('Token', id);
    return token;
  }

  /** 409 when another token has the name, compared without case. */
  function checkName(name: string, own: string | null): void {
    if (tokens.withName(name).some((t) => t.id !== own)) throw errors.tokenNameTaken(name);
  }

  /** An expiry at or before now would make a token that never works (auth: expires_at <= now). */
  function checkExpiry(expiresAt: Micros | null): void {
    const now = clock.now();
    if (expiresAt !== null && expiresAt <= now) throw errors.tokenExpiryPast(formatTimestamp(expiresAt), formatTimestamp(now));
  }

  return {
    /** In creation order. */
    list(): ApiToken[] {
      return tokens.list();
    },

    get: existing,

    /** The new token with its secret in clear (shown this once). */
    create(input: NewToken): { token: string; record: ApiToken } {
      return store.transaction(() => {
        checkName(input.name, null);
        checkExpiry(input.expiresAt);
        return tokens.create({ id: newId(), name: input.name, enabled: input.enabled, expiresAt: input.expiresAt, now: clock.now() });
      });
    },

    /** Edit: every check passes before anything is written. */
    update(rawId: string, change: TokenChange): ApiToken {
      return store.transaction(() => {
        const token = existing(rawId);
        if (change.name !== undefined) checkName(change.name, token.id);
        if (change.expiresAt !== undefined) checkExpiry(change.expiresAt);
        if (change.name !== undefined) tokens.rename(token.id, change.name);
        if (change.enabled !== undefined) tokens.setEnabled(token.id, change.enabled);
        if (change.expiresAt !== undefined) tokens.setExpiry(token.id, change.expiresAt);
        return tokens.get(token.id) as ApiToken;
      });
    },

    /**
     * Refresh: a new secret; the old one stops working at once. divergence: the guide does not
     * say what else changes; we keep the name, status, creation and expiry dates.
     */
    refresh(rawId: string): { token: string; record: ApiToken } {
      return store.transaction(() => {
        const { id } = existing(rawId);
        const token = tokens.refresh(id) as string;
        return { token, record: tokens.get(id) as ApiToken };
      });
    },

    delete(rawId: string): void {
      const id = checkId(rawId);
      if (!tokens.delete(id)) throw errors.notFound('Token', id);
    },

    /** A token named by its id, or else by its name (the command line takes either). */
    resolve(ref: string): ApiToken {
      const byId = UUID_RE.test(ref) ? tokens.get(ref.toLowerCase()) : undefined;
      if (byId) return byId;
      const named = tokens.withName(ref.trim());
      if (named.length > 1) throw errors.tokenNameAmbiguous(ref.trim(), named.length);
      const [token] = named;
      if (!token) throw errors.notFound('Token', ref);
      return token;
    },
  };
}

export type TokenOperations = ReturnType<typeof createTokenOperations>;
