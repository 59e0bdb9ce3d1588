/**
 * Time in the domain is an integer count of microseconds since the epoch (`Micros`): the
 * Center prints microseconds (guide 5.2: "2015-07-09T14:17:11.370164+02:00"), which a JS Date
 * cannot hold. Wire formats are the serializers' business.
 */
export type Micros = number;

export const MICROS_PER_MS = 1000;
export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;

export function microsFromMs(ms: number): Micros {
  return Math.round(ms) * MICROS_PER_MS;
}

export function msFromMicros(us: Micros): number {
  return Math.floor(us / MICROS_PER_MS);
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses an RFC 3339 / ISO 8601 timestamp with up to microsecond precision (and an optional
 * offset; none means UTC). Returns undefined when the text is not such a timestamp.
 */
export function parseTimestamp(text: string): Micros | undefined {
  const m = ISO_RE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(ms)) return undefined;
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  let offsetMin = 0;
  if (tz && tz.toUpperCase() !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  const micros = Number((frac ?? '').padEnd(6, '0') || 0);
  return (ms - offsetMin * 60_000) * MICROS_PER_MS + micros;
}

/**
 * RFC 3339 in UTC with microseconds, trailing zeros trimmed as the Center prints them
 * (guide 5.6: "2020-07-23T08:46:05.81718Z").
 */
export function formatTimestamp(us: Micros): string {
  const ms = Math.floor(us / MICROS_PER_MS);
  const iso = new Date(ms).toISOString(); // 2020-07-23T08:46:05.817Z
  const frac = String(us - Math.floor(us / MICROS_PER_SECOND) * MICROS_PER_SECOND)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return iso.slice(0, 19) + (frac ? '.' + frac : '') + 'Z';
}
