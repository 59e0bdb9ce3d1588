/**
 * Query-string helpers every surface uses. Real clients repeat parameters and start query
 * strings with `?&`; a scalar given twice takes its first value, a repeatable one collects all.
 */
import { z } from 'zod';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const all = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** A scalar parameter: a repeated one takes its first value. */
export const scalar = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema);

/** A repeatable parameter ("may be pass several times"). */
export const repeatable = <T extends z.ZodType>(item: T) => z.preprocess(all, z.array(item).optional());

/**
 * An integer parameter from `min` to `max`. Without a `max`, the largest integer a JSON number
 * holds exactly (2^53 - 1): past it the text cannot be read as the integer it writes, and SQLite
 * refuses an OFFSET of 2^63 or more ("datatype mismatch", a 500). Any number of digits is read:
 * the answer is a 400 naming the parameter, never Infinity. divergence: the guide gives `offset`
 * and `generation` no maximum (6.3.1), nor Cisco's document `page` and `size`; past 2^53 - 1 they
 * are "bad parameters" (guide 4: 400), below it an offset past the last item is an empty page.
 */
export const integer = (min: number, max: number = Number.MAX_SAFE_INTEGER) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'is mandatory' : 'must be an integer') })
    .trim()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform((s, ctx) => {
      const n = Number(s);
      if (n < min) ctx.addIssue({ code: 'custom', message: `must be >= ${min}` });
      else if (n > max || !Number.isSafeInteger(n)) ctx.addIssue({ code: 'custom', message: `must be <= ${max}` });
      return n;
    });

/**
 * The documented form of a parameter that arrives as text but means an integer: the query string
 * is text, so the schemas above read strings; the document says what the text must hold.
 */
export const integerDoc = (minimum: number, maximum: number = Number.MAX_SAFE_INTEGER) => ({ type: 'integer', minimum, maximum, pattern: undefined });
