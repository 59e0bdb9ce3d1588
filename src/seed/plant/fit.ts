/**
 * Sizing the conversations to the profile: drop optional structural flows when there are too
 * many, add short sessions of known relationships when there are too few, then give the
 * long-lived flows extra observations (first seen / last seen apart, realistic recurrence).
 */
import type { Random } from '../../random.js';
import { KIND_SPECS } from './kinds.js';
import type { Templates } from './templates.js';

/** Relationships that recur as short sessions, each with a fresh client port (struct of arrays). */
export interface Relations {
  src: number[];
  dst: number[];
  kind: number[];
  variant: number[];
  dport: number[];
  w: number[];
}

/** Keeps every essential template (the first to show an endpoint) and a random share of the rest. */
export function trimToFlows(t: Templates, rng: Random, flows: number): void {
  if (t.n <= flows) return;
  const keep = new Uint8Array(t.n);
  const optional: number[] = [];
  let kept = 0;
  for (let i = 0; i < t.n; i++) {
    if (t.essential[i]) {
      keep[i] = 1;
      kept++;
    } else optional.push(i);
  }
  for (let i = optional.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const tmp = optional[i] as number;
    optional[i] = optional[j] as number;
    optional[j] = tmp;
  }
  for (let i = 0; i < optional.length && kept < flows; i++, kept++) keep[optional[i] as number] = 1;
  t.compact(keep);
}

type Session = (src: number, dst: number, kind: number, variant: number, dport: number) => number;

/** Adds sessions of relationships picked by weight until there are `flows` templates. */
export function fillWithSessions(t: Templates, rel: Relations, rng: Random, flows: number, session: Session): void {
  const n = rel.w.length;
  if (t.n >= flows || n === 0) return;
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += rel.w[i] as number;
  while (t.n < flows) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) <= r) lo = mid + 1;
      else hi = mid;
    }
    const kind = rel.kind[lo] as number;
    const i = session(rel.src[lo] as number, rel.dst[lo] as number, kind, rel.variant[lo] as number, rel.dport[lo] as number);
    if (i < 0) break; // cannot happen with valid relations; never loop forever
    // A reconnecting poll lasts hours and recurs; the rest are one-offs.
    if ((KIND_SPECS[kind]?.repWeight ?? 0) >= 5) t.reps[i] = 2;
  }
}

/**
 * Brings the observation count to about flows × (1 + 2 / (1 + flows / 100 000)): three per flow
 * for small plants, barely more than one for a million flows (the seeding time stays linear in
 * the flows). The extra observations go to long-lived flows by their kind's weight.
 */
export function addRepetitions(t: Templates, rng: Random): void {
  const F = t.n;
  const target = Math.round(F * (1 + 2 / (1 + F / 100_000)));
  let base = 0;
  let wsum = 0;
  for (let i = 0; i < F; i++) {
    base += t.reps[i] as number;
    if (t.stop[i] !== t.start[i]) wsum += KIND_SPECS[t.kind[i] as number]?.repWeight ?? 0;
  }
  const extra = target - base;
  if (extra <= 0 || wsum <= 0) return;
  const per = extra / wsum;
  for (let i = 0; i < F; i++) {
    const w = KIND_SPECS[t.kind[i] as number]?.repWeight ?? 0;
    if (w <= 0 || t.stop[i] === t.start[i]) continue;
    t.reps[i] = (t.reps[i] as number) + Math.floor(w * per * (0.5 + rng.next()) + rng.next());
  }
}
