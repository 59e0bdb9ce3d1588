/**
 * The request journal: the last N requests under /api/ (answered by a route, by the token or
 * licence checks, by the 404 handler or by an injected fault), kept in a ring in memory so a
 * test can see what its client really sent and got. Pure: the root hooks in
 * src/plugins/journal-faults.ts feed it, GET/DELETE /_emulator/requests read and clear it,
 * /_emulator/coverage scores it. Bodies are kept as bytes and turned into text when read.
 *
 * Secrets are never stored in clear: the `token` query parameter and anything shaped like an
 * API token in a body keep `ics-…` and their last 4 characters (a body with `ics-` in it is
 * masked as it is recorded); headers are not stored at all.
 */
import type { Micros } from '../domain/time.js';

/** CCV_JOURNAL_SIZE when unset. */
export const DEFAULT_JOURNAL_SIZE = 1000;
/** An entry holds up to 2 bodies of BODY_LIMIT bytes: 100 000 of them is under 1 GB. */
export const MAX_JOURNAL_SIZE = 100_000;
/** Bodies are kept up to this many bytes (UTF-8), then cut and flagged. */
export const BODY_LIMIT = 4096;

export type QueryValue = string | string[];

export interface JournalEntry {
  /** 1, 2, 3… in arrival order; a clear does not restart the count. */
  id: number;
  /** The emulated clock when the request arrived. */
  time: Micros;
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  /** The matched route pattern (`/api/1.0/component/:id`), or null when none matched (404). */
  route: string | null;
  query: Record<string, QueryValue>;
  /** null: no answer at all (a "reset" fault destroyed the connection). */
  status: number | null;
  /** Real (wall-clock) milliseconds from arrival to the last byte of the answer. */
  durationMs: number;
  /** The name of the API token, when it was valid (a 402 still names it); null otherwise. */
  tokenName: string | null;
  /** null: no body was sent, or it was never read (the request ended before its body was parsed). */
  requestBody: string | null;
  requestBodyTruncated: boolean;
  responseBody: string | null;
  responseBodyTruncated: boolean;
  /** The fault that answered (a status or a reset) instead of the route. */
  fault: number | null;
  /** The fault that only delayed the request, which then went on normally. */
  delayedByFault: number | null;
}

/**
 * A body as the hooks saw it: at most its first BODY_LIMIT + 1 bytes, copied, and kept as they
 * are until somebody reads the journal (decoding and masking 4 KB costs more than the rest of
 * recording a request). `cut`: the body was longer than `bytes`.
 */
export interface SeenBody {
  bytes: Buffer;
  cut: boolean;
}

type BodyFields = 'requestBody' | 'requestBodyTruncated' | 'responseBody' | 'responseBodyTruncated';

/** What the hooks record; the journal turns it into a JournalEntry when it is read. */
export type NewEntry = Omit<JournalEntry, 'id' | BodyFields> & { request: SeenBody | null; response: SeenBody | null };

/** The first bytes of a body, copied: a slice would keep the whole answer alive in the ring. */
export function seenBody(body: Buffer | string): SeenBody {
  const keep = BODY_LIMIT + 1;
  if (typeof body !== 'string') return { bytes: Buffer.from(body.subarray(0, keep)), cut: body.length > keep };
  // A character is at least one byte: the first `keep` characters hold every byte kept.
  const start = body.length > keep ? body.slice(0, keep) : body;
  const bytes = Buffer.from(start);
  if (bytes.length <= keep) return { bytes, cut: start.length < body.length };
  return { bytes: Buffer.from(bytes.subarray(0, keep)), cut: true };
}

export interface JournalFilter {
  /** Upper case; any of them. */
  methods?: readonly string[];
  statuses?: readonly number[];
  /** The path filter (src/emulator/faults.ts: pathMatcher). */
  matches?: (path: string, route: string | null) => boolean;
  limit: number;
}

const TOKEN_RE = /ics-[0-9a-f]{40}-[0-9a-f]{40}/gi;

/** `ics-…abcd`: enough to tell tokens apart, as the token list shows them. */
export function maskSecret(value: string): string {
  const head = value.startsWith('ics-') ? 'ics-' : '';
  return value.length > 12 ? `${head}…${value.slice(-4)}` : '…';
}

/** A text with every API token in it masked (a token under another name, or in the path). */
export const maskTokens = (text: string): string => text.replace(TOKEN_RE, maskSecret);

/** The query as recorded: every value as sent, but the `token` masked, and any token-shaped text in another. */
export function recordedQuery(query: unknown): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  if (query === null || typeof query !== 'object') return out;
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value]).map((v) => String(v));
    const kept = name === 'token' ? values.map(maskSecret) : values.map(maskTokens);
    out[name] = kept.length === 1 ? (kept[0] as string) : kept;
  }
  return out;
}

/**
 * A body as recorded: cut at BODY_LIMIT bytes, then API tokens masked (a token cut at the end
 * too). `cut` says the text is already only the start of the body. Cutting first keeps the cost
 * of a large answer to its first bytes.
 */
export function recordedBody(text: string | null, cut = false): { text: string | null; truncated: boolean } {
  if (text === null) return { text: null, truncated: false };
  // A character is at least 1 UTF-8 byte: the first BODY_LIMIT characters hold all we keep.
  let kept = text.length > BODY_LIMIT ? text.slice(0, BODY_LIMIT) : text;
  let truncated = cut || kept.length < text.length;
  // ...and at most 3 bytes (4 for a surrogate pair, which is 2 UTF-16 units).
  if (kept.length * 3 > BODY_LIMIT) {
    const bytes = Buffer.from(kept, 'utf8');
    if (bytes.length > BODY_LIMIT) {
      // A cut inside a multi-byte character decodes to U+FFFD: drop it.
      kept = bytes.subarray(0, BODY_LIMIT).toString('utf8').replace(/\uFFFD$/, '');
      truncated = true;
    } else if (kept.length < text.length) {
      // A copy: a slice of the answer would keep the whole answer alive for as long as the ring keeps it.
      kept = bytes.toString('utf8');
    }
  }
  kept = kept.replace(TOKEN_RE, maskSecret);
  if (truncated) kept = kept.replace(/ics-[0-9a-f-]*$/i, 'ics-…');
  return { text: kept, truncated };
}

function render(id: number, e: NewEntry): JournalEntry {
  const { request, response, ...rest } = e;
  const text = (body: SeenBody | null) => (body === null ? recordedBody(null) : recordedBody(body.bytes.toString('utf8'), body.cut));
  const req = text(request);
  const res = text(response);
  return {
    id,
    ...rest,
    requestBody: req.text,
    requestBodyTruncated: req.truncated,
    responseBody: res.text,
    responseBodyTruncated: res.truncated,
  };
}

const mayHoldToken = (body: SeenBody | null): boolean => body !== null && body.bytes.includes('ics-');

interface Slot {
  id: number;
  entry: NewEntry;
  /** The entry as read, made on the first read. */
  rendered?: JournalEntry;
}

/** A ring of `size` entries (0: the journal is off and records nothing). */
export function createJournal(size: number = DEFAULT_JOURNAL_SIZE) {
  const capacity = Math.max(0, Math.floor(size));
  const ring: (Slot | undefined)[] = new Array<Slot | undefined>(capacity);
  let next = 0; // where the next entry goes
  let count = 0;
  let lastId = 0;

  const view = (slot: Slot): JournalEntry => (slot.rendered ??= render(slot.id, slot.entry));

  /** Newest first. */
  function* newestFirst(): Generator<Slot> {
    for (let i = 1; i <= count; i++) yield ring[(next - i + capacity) % capacity] as Slot;
  }

  return {
    capacity,
    get enabled(): boolean {
      return capacity > 0;
    },
    get size(): number {
      return count;
    },

    /** Records an entry and answers its id (undefined when the journal is off). */
    record(entry: NewEntry): number | undefined {
      if (capacity === 0) return undefined;
      const slot: Slot = { id: ++lastId, entry };
      // A body that may hold an API token is masked at once: no secret is kept in clear.
      if (mayHoldToken(entry.request) || mayHoldToken(entry.response)) {
        slot.rendered = render(slot.id, entry);
        slot.entry = { ...entry, request: null, response: null };
      }
      ring[next] = slot;
      next = (next + 1) % capacity;
      count = Math.min(count + 1, capacity);
      return lastId;
    },

    list(filter: JournalFilter): JournalEntry[] {
      const out: JournalEntry[] = [];
      for (const slot of newestFirst()) {
        if (out.length >= filter.limit) break;
        const e = slot.entry;
        if (filter.methods?.length && !filter.methods.includes(e.method)) continue;
        if (filter.statuses?.length && (e.status === null || !filter.statuses.includes(e.status))) continue;
        if (filter.matches && !filter.matches(e.path, e.route)) continue;
        out.push(view(slot));
      }
      return out;
    },

    /** Every entry held, oldest first. */
    all(): JournalEntry[] {
      return [...newestFirst()].reverse().map(view);
    },

    clear(): void {
      ring.fill(undefined);
      next = 0;
      count = 0;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
