/**
 * The shape of the answers a real Center gave (fixtures/v3/sample-shapes.json): every field of
 * every recorded item, with the JSON types it was seen with. `shapeGaps` lists where an answer of
 * ours lacks a field or gives it another type.
 */
import { readFileSync } from 'node:fs';

export interface Skeleton {
  types: string[];
  /** Some recorded items lack the field (e.g. an activity endpoint's ip). */
  optional?: true;
  /** The type Cisco's document gives a field seen only as null. */
  declared?: string;
  fields?: Record<string, Skeleton>;
  items?: Skeleton;
}

export interface RecordedRoute {
  route: string;
  query: string;
  item: Skeleton;
}

export const RECORDED: RecordedRoute[] = (
  JSON.parse(readFileSync(new URL('../../../fixtures/v3/sample-shapes.json', import.meta.url), 'utf8')) as { routes: RecordedRoute[] }
).routes;

export function recorded(route: string): Skeleton {
  const r = RECORDED.find((x) => x.route === route);
  if (!r) throw new Error(`no recorded answer for ${route}`);
  return r.item;
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Where `value` departs from the skeleton: a missing field, or a type the Center never gave (a
 * null where the Center gave only null may be the declared type instead, and null is accepted
 * where the Center gave null). Arrays: each item against the items' skeleton.
 */
export function shapeGaps(value: unknown, sk: Skeleton, path = '$'): string[] {
  const t = typeOf(value);
  const allowed = sk.declared ? [...sk.types, sk.declared] : sk.types;
  if (!allowed.includes(t)) return [`${path}: ${t}, the Center gave ${allowed.join(' or ')}`];
  const gaps: string[] = [];
  if (t === 'object' && sk.fields) {
    const o = value as Record<string, unknown>;
    for (const [k, f] of Object.entries(sk.fields)) {
      if (!(k in o)) {
        if (!f.optional) gaps.push(`${path}.${k}: missing`);
        continue;
      }
      gaps.push(...shapeGaps(o[k], f, `${path}.${k}`));
    }
  }
  if (t === 'array' && sk.items) (value as unknown[]).forEach((v, i) => gaps.push(...shapeGaps(v, sk.items as Skeleton, `${path}[${i}]`)));
  return gaps;
}
