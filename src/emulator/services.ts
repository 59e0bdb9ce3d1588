/**
 * What the control plane drives, one per process: the ingest pipeline with the stored rules,
 * and the live traffic generator. Both listeners (HTTPS and HTTP) share them.
 */
import type { Clock } from '../clock.js';
import { storedRules } from '../ingest/analyzer.js';
import { createIngest } from '../ingest/pipeline.js';
import type { Store } from '../store/store.js';
import { createTraffic } from './traffic.js';
import { createWorldControl } from './world.js';

export function createServices(store: Store, clock: Clock, newId: () => string) {
  const ingest = createIngest(store, { newId, analyzers: storedRules(store) });
  const traffic = createTraffic({ store, ingest, clock });
  const world = createWorldControl(store, clock);
  return { ingest, traffic, world };
}

export type Services = ReturnType<typeof createServices>;
