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
