/**
 * What a client may ask of a 3.0 list, version-neutral (the 1.0 lists use src/domain/queries.ts):
 * the fields to sort on, the field filters, a time window and a page. The fields are a list's own
 * vocabulary (`as const` tuples beside its domain type); the store maps them to columns.
 */
import type { Micros } from './time.js';

export interface SortKey<F extends string = string> {
  field: F;
  desc: boolean;
}

/** A field must equal (or contain, for text) one of `values`; filters on different fields all hold. */
export interface FieldFilter<F extends string = string> {
  field: F;
  values: string[];
}

export interface ListRequest<F extends string = string> {
  sort: SortKey<F>[];
  filters: FieldFilter<F>[];
  /** The activity window: rows active at some time in [from, to]. */
  from?: Micros;
  to?: Micros;
  /** The rows to answer; absent: every row (3.0 lists without paging answer everything). */
  window?: { offset: number; limit: number };
}

/** Every row, in the list's default order. */
export const EVERY_ROW: ListRequest<never> = { sort: [], filters: [] };

/**
 * How a list's field is compared: `text` contains the value (without case), `exact` equals it
 * (without case), `number` and `boolean` equal it once parsed.
 */
export type FieldKind = 'text' | 'exact' | 'number' | 'boolean';

/** A list's fields: how each compares, and whether a client may sort or filter on it. */
export type ListFields<F extends string> = Record<F, { kind: FieldKind; sort?: boolean; filter?: boolean }>;
