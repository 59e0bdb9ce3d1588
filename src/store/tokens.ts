/**
 * API tokens (admin guide, "Token"). Stored as SHA-256 hashes; the clear token exists only in
 * the answer that creates it. Format (guide 6.1): `ics-` + 40 hex + `-` + 40 hex.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Micros } from '../domain/time.js';
import type { Db } from './db.js';
import { bool } from './sql.js';
import { type Version, perVersion } from './version.js';

export const TOKEN_RE = /^ics-[0-9a-f]{40}-[0-9a-f]{40}$/;

export interface ApiToken {
  id: string;
  name: string;
  hint: string;
  enabled: boolean;
  createdAt: Micros;
  expiresAt: Micros | null;
  lastUsedAt: Micros | null;
}

export type TokenCheck =
  | { ok: true; token: ApiToken }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'disabled' | 'expired' };

export function generateToken(): string {
  return `ics-${randomBytes(20).toString('hex')}-${randomBytes(20).toString('hex')}`;
}

function hashToken(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

interface TokenRow {
  id: string;
  name: string;
  hash: string;
  hint: string;
  enabled: number;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
}

function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    hint: r.hint,
    enabled: bool(r.enabled),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
  };
}

export function createTokenRepo(db: Db, version: Version) {
  const all = db.prepare('SELECT * FROM token ORDER BY created_at, rowid');
  // Every API request looks its token up: the few tokens are read again only after a write.
  const byHash = perVersion(version, () => new Map((all.all() as TokenRow[]).map((r) => [r.hash, r])));
  const insertStmt = db.prepare(
    `INSERT INTO token (id, name, hash, hint, enabled, created_at, expires_at)
     VALUES (@id, @name, @hash, @hint, @enabled, @createdAt, @expiresAt)`,
  );
  const touch = db.prepare('UPDATE token SET last_used_at = ? WHERE id = ?');
  const setEnabled = db.prepare('UPDATE token SET enabled = ? WHERE id = ?');
  const setExpiry = db.prepare('UPDATE token SET expires_at = ? WHERE id = ?');
  const byId = db.prepare('SELECT * FROM token WHERE id = ?');
  const setName = db.prepare('UPDATE token SET name = ? WHERE id = ?');
  const setSecret = db.prepare('UPDATE token SET hash = ?, hint = ? WHERE id = ?');
  const deleteStmt = db.prepare('DELETE FROM token WHERE id = ?');

  return {
    list(): ApiToken[] {
      return (all.all() as TokenRow[]).map(toToken);
    },

    /** Creates a token (a given clear value, or a fresh one) and returns it in clear, once. */
    create(opts: { id: string; name: string; now: Micros; token?: string; enabled?: boolean; expiresAt?: Micros | null }): {
      token: string;
      record: ApiToken;
    } {
      const token = opts.token ?? generateToken();
      if (!TOKEN_RE.test(token)) throw new Error('a token must be ics- + 40 hex + - + 40 hex');
      insertStmt.run({
        id: opts.id,
        name: opts.name,
        hash: hashToken(token).toString('hex'),
        hint: token.slice(-4),
        enabled: opts.enabled === false ? 0 : 1,
        createdAt: opts.now,
        expiresAt: opts.expiresAt ?? null,
      });
      return { token, record: this.get(opts.id) as ApiToken };
    },

    get(id: string): ApiToken | undefined {
      const row = byId.get(id) as TokenRow | undefined;
      return row && toToken(row);
    },

    /**
     * The tokens with this name, compared without case. In JS, not SQL: SQLite's lower() folds
     * ASCII letters only. Names are not unique in the schema (CCV_TOKEN may have made two), so
     * every holder is returned; there are a handful of tokens.
     */
    withName(name: string): ApiToken[] {
      const key = name.toLowerCase();
      return this.list().filter((t) => t.name.toLowerCase() === key);
    },

    /** Whether a clear token exists (CCV_TOKEN is created only if absent). */
    exists(token: string): boolean {
      return byHash().has(hashToken(token).toString('hex'));
    },

    /**
     * guide 4: 401 when the token is "unknown, expired, disabled or invalid". The lookup is by
     * hash, and the stored hash is compared again in constant time.
     */
    check(token: string | undefined, now: Micros): TokenCheck {
      if (token === undefined || token === '') return { ok: false, reason: 'missing' };
      if (!TOKEN_RE.test(token)) return { ok: false, reason: 'malformed' };
      const hash = hashToken(token);
      const row = byHash().get(hash.toString('hex'));
      if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), hash)) return { ok: false, reason: 'unknown' };
      if (!bool(row.enabled)) return { ok: false, reason: 'disabled' };
      if (row.expires_at !== null && row.expires_at <= now) return { ok: false, reason: 'expired' };
      return { ok: true, token: toToken(row) };
    },

    markUsed(id: string, now: Micros): void {
      touch.run(now, id);
    },

    setEnabled(id: string, enabled: boolean): void {
      setEnabled.run(enabled ? 1 : 0, id);
    },

    setExpiry(id: string, expiresAt: Micros | null): void {
      setExpiry.run(expiresAt, id);
    },

    rename(id: string, name: string): void {
      setName.run(name, id);
    },

    /**
     * A new secret for the token (the old one stops matching at once): a fresh one, or the one
     * given; the clear value, once.
     */
    refresh(id: string, token: string = generateToken()): string | undefined {
      if (!TOKEN_RE.test(token)) throw new Error('a token must be ics- + 40 hex + - + 40 hex');
      const changed = setSecret.run(hashToken(token).toString('hex'), token.slice(-4), id).changes;
      return changed === 0 ? undefined : token;
    },

    /** Whether a token was deleted. */
    delete(id: string): boolean {
      return deleteStmt.run(id).changes > 0;
    },
  };
}

export type TokenRepo = ReturnType<typeof createTokenRepo>;
