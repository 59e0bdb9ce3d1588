/**
 * What the control plane drives, one per process: the ingest pipeline with the stored rules,
 * the live traffic generator, the request journal and the injected faults. Both listeners
 * (HTTPS and HTTP) share them.
 */
import type { Clock } from '../clock.js';
import { storedRules } from '../ingest/analyzer.js';
import { createIngest } from '../ingest/pipeline.js';
import type { Store } from '../store/store.js';
import { createFaults } from './faults.js';
import { DEFAULT_JOURNAL_SIZE, createJournal } from './journal.js';
import { createTraffic } from './traffic.js';
import { createWorldControl } from './world.js';

export interface ServiceOptions {
  /** Requests the journal keeps (CCV_JOURNAL_SIZE); 0 turns it off. */
  journalSize?: number;
}

export function createServices(store: Store, clock: Clock, newId: () => string, opts: ServiceOptions = {}) {
  const ingest = createIngest(store, { newId, analyzers: storedRules(store) });
  const traffic = createTraffic({ store, ingest, clock });
  const world = createWorldControl(store, clock);
  const journal = createJournal(opts.journalSize ?? DEFAULT_JOURNAL_SIZE);
  const faults = createFaults();
  return { ingest, traffic, world, journal, faults };
}

export type Services = ReturnType<typeof createServices>;
