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

/** The last second of 9999-12-31: up to there a year has four digits, as toISOString prints it. */
const LAST_FOUR_DIGIT_SECOND = 253_402_300_799;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "YYYY-MM-DDTHH:MM:SS" of a second since the epoch: by arithmetic from 1970 to 9999 (the days
 * to a civil date as in H. Hinnant's `civil_from_days`): formatTimestamp costs about a third of
 * what it did with a Date and its toISOString, which answers outside that span. test/domain/time.test.ts compares the two.
 */
function secondText(seconds: number): string {
  if (seconds < 0 || seconds > LAST_FOUR_DIGIT_SECOND) return new Date(seconds * 1000).toISOString().slice(0, 19);
  const days = Math.floor(seconds / 86_400);
  let rest = seconds - days * 86_400;
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(rest - minute * 60)}`;
}

/**
 * RFC 3339 in UTC with microseconds, trailing zeros trimmed as the Center prints them
 * (guide 5.6: "2020-07-23T08:46:05.81718Z").
 */
export function formatTimestamp(us: Micros): string {
  if (!Number.isSafeInteger(us)) return formatTimestampOfDate(us);
  const seconds = Math.floor(us / MICROS_PER_SECOND);
  const micros = us - seconds * MICROS_PER_SECOND;
  if (micros === 0) return `${secondText(seconds)}Z`;
  const digits = String(micros + MICROS_PER_SECOND); // "1" and six digits
  let end = 7;
  while (digits.charCodeAt(end - 1) === 48) end--; // trailing zeros
  return `${secondText(seconds)}.${digits.slice(1, end)}Z`;
}

/** formatTimestamp by a Date, as it was first written: what it answers for a time that is not a whole number of µs, and its reference in the tests. */
export function formatTimestampOfDate(us: Micros): string {
  const ms = Math.floor(us / MICROS_PER_MS);
  const iso = new Date(ms).toISOString(); // 2020-07-23T08:46:05.817Z
  const frac = String(us - Math.floor(us / MICROS_PER_SECOND) * MICROS_PER_SECOND)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return iso.slice(0, 19) + (frac ? '.' + frac : '') + 'Z';
}
