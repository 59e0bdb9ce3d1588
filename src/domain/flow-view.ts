/**
 * What API 3.0 shows of a flow beyond the flow itself (Cisco's Flow and FlowDetail): its packet
 * and byte totals, and for a flow on its own, its events and the sensor that saw it.
 * Version-neutral; the wire shape is the serializers' business.
 */
import type { Component, Flow, Sensor } from './types.js';

export interface FlowView {
  flow: Flow;
  /** Its ends: left is the source (the client), right the destination. */
  left: Component;
  right: Component;
  /** Packets and layer 2 bytes of its stats (guide 5.3.1), both directions. */
  packetsCount: number;
  bytesCount: number;
}

export interface FlowDetail extends FlowView {
  /** Events about the flow. */
  eventsCount: number;
  sensor: Pick<Sensor, 'id' | 'name' | 'serialNumber' | 'ip' | 'captureMode'> | null;
}
