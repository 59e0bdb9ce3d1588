/**
 * The query parameters of the 3.0 lists (Cisco's document, "Common list parameters"): `page`
 * (from 1) and `size`, `sort` ("field1,field2:DESC"), `filter` ("field1:val,field2:abc"), and
 * `from`/`to` in ms. Without `page` and `size` a list answers every row (clients call the lists
 * without them and expect everything). Each list names its fields (src/domain/list-request.ts):
 * sorting or filtering on another field is a 400 that names it.
 */
import { z } from 'zod';
import type { FieldFilter, ListFields, ListRequest, SortKey } from '../../domain/list-request.js';
import { MICROS_PER_MS } from '../../domain/time.js';
import { integer, scalar } from '../params.js';

export const page = scalar(integer(1).optional());
export const size = scalar(integer(1).optional());
/** ms since 1970 (Cisco: "start of the period to query, in ms since January 1, 1970 UTC"). */
export const millis = scalar(integer(0).optional());

const names = (fields: readonly string[]): string => fields.join(', ');

/** "field1,field2:DESC" over the list's sortable fields. */
export function sortParam<F extends string>(fields: ListFields<F>) {
  const sortable = (Object.keys(fields) as F[]).filter((f) => fields[f].sort);
  return scalar(
    z
      .string()
      .transform((s, ctx): SortKey<F>[] => {
        const keys: SortKey<F>[] = [];
        for (const part of s.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
          const [field = '', dir = 'ASC', ...rest] = part.split(':');
          if (!sortable.includes(field as F)) {
            ctx.addIssue({ code: 'custom', message: `cannot sort on "${field}": sortable fields are ${names(sortable)}` });
            return z.NEVER;
          }
          if (rest.length > 0 || !/^(asc|desc)$/i.test(dir)) {
            ctx.addIssue({ code: 'custom', message: `"${part}": the direction is ASC or DESC` });
            return z.NEVER;
          }
          keys.push({ field: field as F, desc: dir.toUpperCase() === 'DESC' });
        }
        return keys;
      })
      .optional(),
  );
}

const VALID: Record<string, (v: string) => boolean> = {
  number: (v) => /^-?\d+(\.\d+)?$/.test(v),
  boolean: (v) => /^(true|false)$/i.test(v),
};

/** "field1:val,field2:abc" over the list's filterable fields; a value may hold ':' (a MAC). */
export function filterParam<F extends string>(fields: ListFields<F>) {
  const filterable = (Object.keys(fields) as F[]).filter((f) => fields[f].filter);
  return scalar(
    z
      .string()
      .transform((s, ctx): FieldFilter<F>[] => {
        const byField = new Map<F, string[]>();
        for (const part of s.split(',').filter((p) => p.trim() !== '')) {
          const colon = part.indexOf(':');
          const field = (colon < 0 ? part : part.slice(0, colon)).trim() as F;
          const value = colon < 0 ? '' : part.slice(colon + 1).trim();
          if (!filterable.includes(field)) {
            ctx.addIssue({ code: 'custom', message: `cannot filter on "${field}": filterable fields are ${names(filterable)}` });
            return z.NEVER;
          }
          const valid = VALID[fields[field].kind];
          if (colon < 0 || (valid && !valid(value))) {
            ctx.addIssue({ code: 'custom', message: `"${part}": give field:value, the value a ${fields[field].kind === 'text' || fields[field].kind === 'exact' ? 'text' : fields[field].kind}` });
            return z.NEVER;
          }
          byField.set(field, [...(byField.get(field) ?? []), value]);
        }
        return [...byField].map(([field, values]) => ({ field, values }));
      })
      .optional(),
  );
}

export interface ListQueryInput<F extends string> {
  page?: number | undefined;
  size?: number | undefined;
  sort?: SortKey<F>[] | undefined;
  filter?: FieldFilter<F>[] | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/**
 * The request of a validated query. `size` alone is the first page; `page` alone pages by every
 * row (page 1 is everything, the next ones are empty), so that a client looping "until an empty
 * page" ends.
 */
export function listRequest<F extends string>(q: ListQueryInput<F>): ListRequest<F> {
  const pageNumber = q.page ?? 1;
  const req: ListRequest<F> = { sort: q.sort ?? [], filters: q.filter ?? [] };
  if (q.from !== undefined) req.from = q.from * MICROS_PER_MS;
  if (q.to !== undefined) req.to = q.to * MICROS_PER_MS + (MICROS_PER_MS - 1);
  if (q.size !== undefined) {
    req.window = { offset: Math.min((pageNumber - 1) * q.size, Number.MAX_SAFE_INTEGER), limit: q.size };
  } else if (pageNumber > 1) {
    req.window = { offset: 0, limit: 0 };
  }
  return req;
}
