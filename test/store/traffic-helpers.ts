/**
 * A store fed through ingest with a handful of hand-made observations, for the repositories
 * whose answers are sums over flows (credentials, external communications, security insights).
 */
import { componentId } from '../../src/domain/ids.js';
import type { FlowObservation, ObservedEndpoint } from '../../src/ingest/observation.js';
import { createIngest } from '../../src/ingest/pipeline.js';
import { Random } from '../../src/random.js';
import { loadKnowledgeDb } from '../../src/seed/world.js';
import { openStore, type Store } from '../../src/store/store.js';

export const T0 = Date.UTC(2026, 0, 1) * 1000;
export const PC1 = { mac: '00:1b:21:00:00:01', ip: '10.1.1.21' };
export const PC2 = { mac: '00:1b:21:00:00:02', ip: '10.1.1.22' };
export const DC = { mac: '00:50:56:00:00:10', ip: '10.1.1.10' };
export const FS = { mac: '00:50:56:00:00:11', ip: '10.1.1.11' };
export const GW = { mac: '00:09:0f:00:00:01', ip: '10.0.1.1' };
export const GOOGLE_DNS = { mac: GW.mac, ip: '8.8.8.8' };
export const id = (ep: { mac: string; ip: string }): string => componentId(ep.mac, ep.ip);

let port = 50000;
export function seen(time: number, src: ObservedEndpoint, dst: ObservedEndpoint & { port: number }, over: Partial<FlowObservation> = {}): FlowObservation {
  return { time, src: { ...src, port: port++ }, dst, ethertype: 'IPv4', protocol: dst.port === 53 ? 'UDP' : 'TCP', ...over };
}

export function trafficStore(observations: FlowObservation[]): Store {
  const store = openStore(':memory:');
  loadKnowledgeDb(store);
  const rng = new Random(5);
  createIngest(store, { newId: () => rng.uuid4() }).ingest(observations);
  return store;
}
