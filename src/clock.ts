/**
 * The injected clock. Nothing else reads the wall clock: the seeder, ingest, events, live
 * traffic and token expiry all ask a Clock, so a test (or CCV_NOW, or the control plane's
 * /_emulator/clock) can pin or move time.
 */
import { type Micros, MICROS_PER_MS } from './domain/time.js';

export interface Clock {
  now(): Micros;
}

export const systemClock: Clock = {
  now: () => Date.now() * MICROS_PER_MS,
};

export interface ClockState {
  /** The instant time stands still at, or null when it runs. */
  frozenAt: Micros | null;
  /** Added to the real time while it runs. */
  offset: Micros;
}

/**
 * The emulator's clock: real time plus an offset, or frozen at an instant. The control plane
 * sets it (`PUT /_emulator/clock`) and moves it (`POST /_emulator/clock/advance`).
 */
export class EmulatorClock implements Clock {
  private state: ClockState;

  constructor(
    private readonly real: Clock = systemClock,
    frozenAt: Micros | null = null,
  ) {
    this.state = { frozenAt, offset: 0 };
  }

  now(): Micros {
    return this.state.frozenAt ?? this.real.now() + this.state.offset;
  }

  get(): ClockState {
    return { ...this.state };
  }

  /** Changes what is given: `frozenAt: null` lets time run again from the frozen instant's offset. */
  set(change: Partial<ClockState>): ClockState {
    if (change.offset !== undefined) this.state.offset = change.offset;
    if (change.frozenAt !== undefined) {
      if (change.frozenAt === null && this.state.frozenAt !== null && change.offset === undefined) {
        // Unfreezing carries on from the frozen instant rather than jumping back to real time.
        this.state.offset = this.state.frozenAt - this.real.now();
      }
      this.state.frozenAt = change.frozenAt;
    }
    return this.get();
  }

  /** Moves time forward by `us`, frozen or not. */
  advance(us: Micros): void {
    if (this.state.frozenAt !== null) this.state.frozenAt += us;
    else this.state.offset += us;
  }
}

/** A clock frozen at an instant; `advance` moves it (tests, CCV_NOW). */
export class FixedClock extends EmulatorClock {
  constructor(at: Micros) {
    super(systemClock, at);
  }
}
