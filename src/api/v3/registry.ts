/**
 * The schemas of the 3.0 document have a registry of their own. The 1.0 document lists every
 * schema of zod's global registry; named there, 3.0's objects would land in the 1.0 document too,
 * and could not be named as Cisco names them (Component, Flow… are 1.0 names already). So a 3.0
 * schema is named and described here, never with `.meta()`: the 3.0 document reads its
 * metadata from this registry only.
 */
import { z } from 'zod';

export interface V3Meta {
  id?: string;
  description?: string;
  example?: unknown;
  examples?: unknown[];
  /** OpenAPI keywords the zod type cannot say (e.g. `type: 'integer'` for a number read from text). */
  [keyword: string]: unknown;
}

export const V3_REGISTRY = z.registry<V3Meta>();

/** The schema, documented in the 3.0 document (a copy, so that one base schema can carry several descriptions). */
export function doc<T extends z.ZodType>(schema: T, meta: V3Meta): T {
  const copy = schema.clone() as T;
  V3_REGISTRY.add(copy, meta);
  return copy;
}

/** A named object of the 3.0 document (`#/components/schemas/<id>`). */
export const named = <T extends z.ZodType>(id: string, schema: T, description?: string): T =>
  doc(schema, description === undefined ? { id } : { id, description });
