/**
 * The query parameters of a 3.0 list, assembled from ./params.ts for a list's fields, with the
 * extras some of Cisco's operations list: `aggregated` (accepted; nothing is aggregated here) and
 * `fields` (the fields of each row to keep).
 */
import { z } from 'zod';
import type { ListFields } from '../../domain/list-request.js';
import { scalar } from '../params.js';
import { filterParam, millis, page, size, sortParam } from './params.js';

/** page, size, sort, filter over `fields`; with `from` and `to` (ms) when the operation lists them. */
export function listParams<F extends string>(fields: ListFields<F>) {
  return { page, size, sort: sortParam(fields), filter: filterParam(fields) };
}

export const windowParams = { from: millis, to: millis };

/**
 * `aggregated` (Cisco: "whether to aggregate the components when relevant"). divergence: the
 * emulator aggregates nothing (its components' `aggregation` is {type: "", components: []}, as
 * recorded), so either value gives the same rows.
 */
export const aggregated = scalar(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).optional());

/** `fields` (Cisco: "the component fields to return in answer"): names from `names`, comma-separated. */
export function fieldsParam(names: readonly string[]) {
  return scalar(
    z
      .string()
      .transform((s, ctx): string[] => {
        const wanted = s.split(',').map((f) => f.trim()).filter((f) => f !== '');
        const unknown = wanted.find((f) => !names.includes(f));
        if (unknown !== undefined) {
          ctx.addIssue({ code: 'custom', message: `unknown field "${unknown}": the fields are ${names.join(', ')}` });
          return z.NEVER;
        }
        return wanted;
      })
      .optional(),
  );
}
