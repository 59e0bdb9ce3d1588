/**
 * The injected clock. Nothing else reads the wall clock: the seeder, ingest, events and token
 * expiry all ask a Clock, so a test (or CCV_NOW) can pin time.
 */
import { type Micros, MICROS_PER_MS } from './domain/time.js';

export interface Clock {
  now(): Micros;
}

export const systemClock: Clock = {
  now: () => Date.now() * MICROS_PER_MS,
};

/** A clock frozen at an instant; `advance` moves it. */
export class FixedClock implements Clock {
  constructor(private current: Micros) {}
  now(): Micros {
    return this.current;
  }
  advance(us: Micros): void {
    this.current += us;
  }
}
