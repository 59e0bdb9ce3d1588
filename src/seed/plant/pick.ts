/** Small helpers shared by the plant's builders. */
import type { Random } from '../../random.js';

/** Picks an item with probability proportional to its weight. */
export function weighted<T>(rng: Random, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng.next() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
