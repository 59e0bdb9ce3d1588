/**
 * Live traffic: a background generator that keeps the plant talking through the one ingest
 * pipeline (DESIGN: "live traffic keeps arriving" for labs). Mostly known conversations seen
 * again; sometimes a new device, a program download to a controller, or a port scan. Seeded,
 * and dated by the injected clock.
 */
import type { Clock } from '../clock.js';
import { enrolledIds } from '../domain/sensor.js';
import type { Flow } from '../domain/types.js';
import type { Ingest } from '../ingest/pipeline.js';
import type { FlowObservation } from '../ingest/observation.js';
import { Random } from '../random.js';
import type { Store } from '../store/store.js';

/** How often the generator ingests what its rate owes (one transaction per tick). */
export const TICK_MS = 200;
export const MAX_RATE = 5000;

export interface TrafficStatus {
  rate: number;
  running: boolean;
  /** Observations ingested since the process started. */
  observations: number;
  /** The last failure of a tick, if any (the generator keeps going). */
  lastError: string | null;
}

export interface TrafficOptions {
  store: Store;
  ingest: Ingest;
  clock: Clock;
}

const hex = (rng: Random) => rng.int(0, 255).toString(16).padStart(2, '0');

/** One observation a running plant would produce now (exported for tests). */
export function nextObservation(rng: Random, known: Flow, now: number): FlowObservation[] {
  const nbPackets = rng.int(1, 20);
  const l2Bytes = nbPackets * rng.int(60, 600);
  const packets = [{ direction: 'Client→Server' as const, nbPackets, l2Bytes, l7Bytes: l2Bytes - 54 * nbPackets }];
  const same: FlowObservation = {
    sensorId: known.sensorId,
    time: now,
    src: { mac: known.src.mac, ip: known.src.ip, port: known.src.port },
    dst: { mac: known.dst.mac, ip: known.dst.ip, port: known.dst.port },
    ethertype: known.ethertype,
    protocol: known.protocol,
    properties: { ...known.properties },
    packets,
  };
  const roll = rng.next();
  if (roll < 0.94) return [same];
  if (roll < 0.97) {
    // A new device beside a known one: a locally administered MAC, an address in its /24.
    const ip = known.src.ip?.includes('.') ? known.src.ip.replace(/\.\d+$/, `.${rng.int(200, 254)}`) : null;
    return [{ ...same, src: { mac: `02:${hex(rng)}:${hex(rng)}:${hex(rng)}:${hex(rng)}:${hex(rng)}`, ip, port: rng.int(49152, 65535) } }];
  }
  if (roll < 0.99) {
    // guide 2.1: a program download to a controller (the Knowledge DB tags it, an event follows).
    return [{ ...same, protocol: 'TCP', dst: { ...same.dst, port: 102 }, properties: { 's7-function': 'Download block', 's7-programdownload': `OB${rng.int(1, 99)}` } }];
  }
  // A scan: the source tries a handful of ports of the destination.
  return Array.from({ length: 5 }, () => ({ ...same, protocol: 'TCP', properties: {}, dst: { ...same.dst, port: rng.int(1, 1024) } }));
}

export function createTraffic(opts: TrafficOptions) {
  const rng = new Random(0x7aff1c);
  let rate = 0;
  let owed = 0;
  let observations = 0;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | undefined;

  function tick(): void {
    owed += (rate * TICK_MS) / 1000;
    const n = Math.floor(owed);
    owed -= n;
    if (n === 0) return;
    // A failing tick must not take the process down (it runs from a timer): it is reported.
    try {
      const max = opts.store.flows.maxRowid();
      if (max === 0) return;
      // n known conversations drawn in one read; a rowid that holds no flow is skipped, and so is
      // a flow whose sensor is gone or not enrolled (deleted, or declared through API 3.0): only
      // the plant's enrolled sensors capture. A flow seen by no sensor (null) goes on.
      const enrolled = enrolledIds(opts.store.sensors.list());
      const known = opts.store.flows
        .byRowids(Array.from({ length: n }, () => rng.int(1, max)))
        .filter((f) => f.sensorId === null || enrolled.has(f.sensorId));
      const now = opts.clock.now();
      const batch = known.flatMap((flow) => nextObservation(rng, flow, now));
      opts.ingest.ingest(batch);
      observations += batch.length;
      lastError = null;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
  }

  return {
    /** Sets the rate in observations per second; 0 stops the generator. */
    setRate(next: number): TrafficStatus {
      rate = next;
      owed = 0;
      if (rate > 0 && !timer) {
        timer = setInterval(tick, TICK_MS);
        timer.unref();
      }
      if (rate === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
      return this.status();
    },
    status(): TrafficStatus {
      return { rate, running: timer !== undefined, observations, lastError };
    },
    /** One tick now (tests drive the generator without waiting). */
    tick,
    stop(): void {
      this.setRate(0);
    },
  };
}

export type Traffic = ReturnType<typeof createTraffic>;
