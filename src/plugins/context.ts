/** What every route can reach: the store, the clock, an id source and the services, decorated on the Fastify instance. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { EmulatorClock } from '../clock.js';
import type { Services } from '../emulator/services.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    clock: EmulatorClock;
    newId: () => string;
    services: Services;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { store: Store; clock: EmulatorClock; newId: () => string; services: Services }) => {
    app.decorate('store', opts.store);
    app.decorate('clock', opts.clock);
    app.decorate('newId', opts.newId);
    app.decorate('services', opts.services);
  },
  { name: 'context' },
);
