/**
 * The 1.0 query parameters as zod schemas (guide 3, 6.x): one source for validation, types and
 * the OpenAPI document.
 */
import { z } from 'zod';
import { parseNetwork } from '../../domain/network.js';
import type { Network, PropertyFilter } from '../../domain/queries.js';
import { type Micros, parseTimestamp } from '../../domain/time.js';
import { UUID_RE } from '../../domain/ids.js';
import { integer, integerDoc, repeatable, scalar } from '../params.js';

/** The 1.0 routes take the shared helpers from here, with the 1.0 parameters. */
export { repeatable, scalar };

/** guide 6.3.1: "limit (mandatory): integer … (maximal value: 2000)". */
export const limit = scalar(integer(0, 2000)).meta({
  description: 'Maximum number of items to return (mandatory, at most 2000).',
  example: 100,
  ...integerDoc(0, 2000),
});
export const offset = scalar(integer(0).default(0)).meta({
  description: 'Number of items to skip (default 0; at most 2^53 - 1: past the last item, the page is empty).',
  example: 50,
  ...integerDoc(0),
});
export const order = scalar(
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['asc', 'desc'], { error: "must be 'asc' or 'desc'" }))
    .default('asc'),
).meta({ description: "'asc' (default) or 'desc', in any case.", example: 'desc', enum: ['asc', 'desc'] });

const DATE_RE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/** guide 6.3.1: "UTC date or datetime (e.g. "2015-15-10" or "2015-15-10 10:20" or "2015-15-10 10:20:05")". */
export const utcDate = z
  .string()
  .transform((s, ctx): Micros => {
    const t = DATE_RE.test(s.trim()) ? parseTimestamp(s.trim().length === 10 ? `${s.trim()} 00:00` : s) : undefined;
    if (t === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a UTC date: YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS' });
      return z.NEVER;
    }
    return t;
  })
  .meta({ pattern: DATE_RE.source });
export const start = scalar(utcDate.optional()).meta({
  description: 'Low limit of the time interval, UTC: YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS.',
  example: '2015-07-09',
});
export const end = scalar(utcDate.optional()).meta({
  description: 'High limit of the time interval, UTC: YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS.',
  example: '2015-09-23 14:52',
});

/** guide 2.3: 0 is the live data; other generations are references. */
export const generation = scalar(integer(0).optional()).meta({
  description: 'Reference id (guide 2.3); 0, the default, is the live data. The emulator holds no references: another id answers an empty list.',
  example: 0,
  ...integerDoc(0),
});

export const network = scalar(
  z
    .string()
    .transform((s, ctx): Network => {
      const n = parseNetwork(s);
      if (!n) {
        ctx.addIssue({ code: 'custom', message: 'must be an IPv4 network such as 192.168.1.0/24' });
        return z.NEVER;
      }
      return n;
    })
    .optional(),
).meta({ description: 'An IPv4 network in CIDR notation.', example: '192.168.105.0/24' });

/** `name` or `name=value` (guide 6.3.1). */
export const property = z.string().transform((s): PropertyFilter => {
  const i = s.indexOf('=');
  return i < 0 ? { name: s } : { name: s.slice(0, i), value: s.slice(i + 1) };
});

export const uuid = z.string().regex(UUID_RE, 'must be a UUID').meta({ format: 'uuid' });
export const port = integer(0, 65535).meta(integerDoc(0, 65535));

/**
 * Path parameter `{id}`: the handler checks its format so that the answer is 400, not 404. The
 * example is an object of the guide that every world holds.
 */
export const idParams = (what: string, example: string) =>
  z.object({ id: z.string().meta({ description: `The ${what} id (a UUID).`, example, format: 'uuid' }) });

/** guide 6.3.14: a JSON array of component ids. */
export const ComponentIdsBody = z
  .array(uuid, { error: (iss) => (iss.input == null ? 'a JSON array of component ids is required' : 'must be a JSON array of component ids') })
  .min(1, 'must hold at least one component id')
  .meta({ example: ['cad069ab-c5bb-4b11-bbdd-b844db789d97'] });
