/**
 * Conversation templates in struct-of-arrays form: one entry per distinct flow, with its life
 * and how many observations it gets. A million of them fit in ~45 MB where objects would take
 * several times that (DESIGN: large scenarios are first-class).
 */
import type { Micros } from '../../domain/time.js';

export class Templates {
  n = 0;
  src: Int32Array;
  dst: Int32Array;
  kind: Uint8Array;
  variant: Uint8Array;
  /** Ports; -1 when the flow has none (L2). */
  sport: Int32Array;
  dport: Int32Array;
  start: Float64Array;
  stop: Float64Array;
  reps: Int32Array;
  /** Index into the property table, -1 for none. */
  props: Int32Array;
  sensor: Int16Array;
  /** 1 when the template is the first to show one of its endpoints. */
  essential: Uint8Array;

  constructor(capacity = 1024) {
    this.src = new Int32Array(capacity);
    this.dst = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.variant = new Uint8Array(capacity);
    this.sport = new Int32Array(capacity);
    this.dport = new Int32Array(capacity);
    this.start = new Float64Array(capacity);
    this.stop = new Float64Array(capacity);
    this.reps = new Int32Array(capacity);
    this.props = new Int32Array(capacity);
    this.sensor = new Int16Array(capacity);
    this.essential = new Uint8Array(capacity);
  }

  private grow(): void {
    const cap = this.src.length * 2;
    const g = <T extends Int32Array | Uint8Array | Float64Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.src = g(this.src, (n) => new Int32Array(n));
    this.dst = g(this.dst, (n) => new Int32Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.variant = g(this.variant, (n) => new Uint8Array(n));
    this.sport = g(this.sport, (n) => new Int32Array(n));
    this.dport = g(this.dport, (n) => new Int32Array(n));
    this.start = g(this.start, (n) => new Float64Array(n));
    this.stop = g(this.stop, (n) => new Float64Array(n));
    this.reps = g(this.reps, (n) => new Int32Array(n));
    this.props = g(this.props, (n) => new Int32Array(n));
    this.sensor = g(this.sensor, (n) => new Int16Array(n));
    this.essential = g(this.essential, (n) => new Uint8Array(n));
  }

  add(src: number, dst: number, kind: number, variant: number, sport: number, dport: number, start: Micros, stop: Micros, reps: number, props: number, sensor: number, essential: boolean): number {
    if (this.n === this.src.length) this.grow();
    const i = this.n++;
    this.src[i] = src;
    this.dst[i] = dst;
    this.kind[i] = kind;
    this.variant[i] = variant;
    this.sport[i] = sport;
    this.dport[i] = dport;
    this.start[i] = start;
    this.stop[i] = stop;
    this.reps[i] = reps;
    this.props[i] = props;
    this.sensor[i] = sensor;
    this.essential[i] = essential ? 1 : 0;
    return i;
  }

  /** Keeps the templates whose `keep` flag is set, in order. */
  compact(keep: Uint8Array): void {
    let j = 0;
    for (let i = 0; i < this.n; i++) {
      if (!keep[i]) continue;
      if (i !== j) {
        this.src[j] = this.src[i] as number;
        this.dst[j] = this.dst[i] as number;
        this.kind[j] = this.kind[i] as number;
        this.variant[j] = this.variant[i] as number;
        this.sport[j] = this.sport[i] as number;
        this.dport[j] = this.dport[i] as number;
        this.start[j] = this.start[i] as number;
        this.stop[j] = this.stop[i] as number;
        this.reps[j] = this.reps[i] as number;
        this.props[j] = this.props[i] as number;
        this.sensor[j] = this.sensor[i] as number;
        this.essential[j] = this.essential[i] as number;
      }
      j++;
    }
    this.n = j;
  }
}
