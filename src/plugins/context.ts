/** What every route can reach: the store, the clock and an id source, decorated on the Fastify instance. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    clock: Clock;
    newId: () => string;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { store: Store; clock: Clock; newId: () => string }) => {
    app.decorate('store', opts.store);
    app.decorate('clock', opts.clock);
    app.decorate('newId', opts.newId);
  },
  { name: 'context' },
);
