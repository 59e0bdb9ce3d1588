/**
 * A flow observation: what a sensor reports about one conversation, and the only way data
 * about flows and components enters the Center (DESIGN: "one way in for data").
 */
import type { Micros } from '../domain/time.js';
import type { FlowDirection } from '../domain/vocabulary.js';

export interface ObservedEndpoint {
  mac: string;
  ip?: string | null;
  port?: number | null;
  /** Component properties the sensor learned about this endpoint (e.g. from an S7 identify). */
  properties?: Record<string, string>;
}

export interface ObservedContent {
  direction: FlowDirection;
  content: Record<string, string>;
  /** Defaults to the observation's time. */
  time?: Micros;
  /** Fixed id (fixtures); otherwise derived. */
  id?: string;
}

export interface FlowObservation {
  sensorId?: string | null;
  time: Micros;
  src: ObservedEndpoint;
  dst: ObservedEndpoint;
  ethertype?: string | null;
  protocol?: string | null;
  /** Flow properties (e.g. `s7-function`, `enip-vendor`). */
  properties?: Record<string, string>;
  contents?: ObservedContent[];
  /** Packet and byte counts per direction, added to the flow's stats. */
  packets?: { direction: FlowDirection; nbPackets: number; l2Bytes: number; l7Bytes: number }[];
}
