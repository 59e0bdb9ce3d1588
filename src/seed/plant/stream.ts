/**
 * Turns the templates into flow observations in time order, lazily: a binary heap of templates
 * keyed by their next observation time (typed arrays, no per-template objects), so the large
 * scenario's million-plus observations never sit in memory together. Observation times and
 * the "some observations carry contents / packet stats" choices come from a hash of (template,
 * repetition), so the stream is the same however many times it is read.
 */
import type { FlowObservation, ObservedEndpoint } from '../../ingest/observation.js';
import { KIND_SPECS } from './kinds.js';
import type { Conversations } from './conversations.js';
import type { Topology } from './topology.js';

/** A well-mixed hash of two integers and a seed, in [0, 1). */
export function hash01(a: number, b: number, seed: number): number {
  let x = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b + 0x632be5ab) | 0, 0xc2b2ae35) ^ seed;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

const CONTENT_SALT = 7919;
const PACKET_SALT = 104_729;

export function observationCount(conv: Conversations): number {
  let n = 0;
  for (let i = 0; i < conv.t.n; i++) n += conv.t.reps[i] as number;
  return n;
}

export function observationStream(topo: Topology, conv: Conversations, sensorIds: readonly string[], seed: number): () => Generator<FlowObservation> {
  const { t, propTable } = conv;
  const { endpoints } = topo;
  const mix = Math.imul(seed | 0, 0x27d4eb2d) ^ 0x165667b1;

  const timeOf = (i: number, k: number): number => {
    const start = t.start[i] as number;
    const width = ((t.stop[i] as number) - start) / (t.reps[i] as number);
    return Math.floor(start + width * (k + hash01(i, k, mix)));
  };

  function build(i: number, k: number, time: number): FlowObservation {
    const spec = KIND_SPECS[t.kind[i] as number];
    if (!spec) throw new Error(`plant: unknown conversation kind ${t.kind[i]}`);
    const se = endpoints[t.src[i] as number];
    const de = endpoints[t.dst[i] as number];
    if (!se || !de) throw new Error('plant: a template points to no endpoint');
    const src: ObservedEndpoint = { mac: se.mac };
    const dst: ObservedEndpoint = { mac: de.mac };
    if (spec.protocol !== null) {
      src.ip = se.ip;
      src.port = t.sport[i] as number;
      dst.ip = de.ip;
      dst.port = t.dport[i] as number;
    }
    if (spec.revealSrc && se.props) src.properties = time >= se.upgradeAt && se.late ? se.late : se.props;
    if (spec.revealDst && de.props) dst.properties = time >= de.upgradeAt && de.late ? de.late : de.props;
    const o: FlowObservation = {
      sensorId: sensorIds[t.sensor[i] as number] ?? null,
      time,
      src,
      dst,
      ethertype: spec.ethertype,
      protocol: spec.protocol,
    };
    const ops = spec.ops;
    if (ops) {
      const p = ops[k % ops.length];
      if (p) o.properties = p;
      const c = spec.contents?.[k % ops.length];
      if (c) o.contents = c.slice();
    } else {
      const p = t.props[i] as number;
      if (p >= 0) o.properties = propTable[p];
      if (spec.contents && hash01(i, k + CONTENT_SALT, mix) < 0.04) {
        const c = spec.contents[(t.variant[i] as number) % spec.contents.length];
        if (c) o.contents = c.slice();
      }
    }
    if (ops || hash01(i, k + PACKET_SALT, mix) < 0.3) {
      const f = 0.5 + hash01(i, k + PACKET_SALT + 1, mix);
      const [cp, cl2, cl7] = spec.c2s;
      const [sp, sl2, sl7] = spec.s2c;
      o.packets = [{ direction: 'Client→Server', nbPackets: Math.max(1, Math.round(cp * f)), l2Bytes: Math.round(cl2 * f), l7Bytes: Math.round(cl7 * f) }];
      if (sp > 0) o.packets.push({ direction: 'Server→Client', nbPackets: Math.max(1, Math.round(sp * f)), l2Bytes: Math.round(sl2 * f), l7Bytes: Math.round(sl7 * f) });
    }
    return o;
  }

  return function* observations(): Generator<FlowObservation> {
    const n = t.n;
    const keys = new Float64Array(n);
    const vals = new Int32Array(n);
    const done = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = timeOf(i, 0);
      vals[i] = i;
    }
    let size = n;
    // Ties break on the template index, so the order does not depend on the heap's history.
    const less = (a: number, b: number): boolean => {
      const ka = keys[a] as number;
      const kb = keys[b] as number;
      return ka < kb || (ka === kb && (vals[a] as number) < (vals[b] as number));
    };
    const down = (p: number): void => {
      for (;;) {
        const l = 2 * p + 1;
        if (l >= size) return;
        const r = l + 1;
        const c = r < size && less(r, l) ? r : l;
        if (!less(c, p)) return;
        const tk = keys[p] as number;
        const tv = vals[p] as number;
        keys[p] = keys[c] as number;
        vals[p] = vals[c] as number;
        keys[c] = tk;
        vals[c] = tv;
        p = c;
      }
    };
    for (let p = (size >> 1) - 1; p >= 0; p--) down(p);
    while (size > 0) {
      const i = vals[0] as number;
      const time = keys[0] as number;
      const k = done[i] as number;
      done[i] = k + 1;
      if (k + 1 < (t.reps[i] as number)) {
        keys[0] = timeOf(i, k + 1);
      } else {
        size--;
        keys[0] = keys[size] as number;
        vals[0] = vals[size] as number;
      }
      down(0);
      yield build(i, k, time);
    }
  };
}
