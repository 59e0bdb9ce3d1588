/**
 * POST /_emulator/analyze: runs the analyzers (the Knowledge DB, then the current rules) over
 * every stored flow again. A real Center applies rules only to the flows it sees after them;
 * this is the emulator's way to bring old flows in line. It adds what the rules produce now and
 * takes nothing off.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Flow } from '../../domain/types.js';
import type { FlowObservation } from '../../ingest/observation.js';
import { ErrorSchema } from '../../api/schemas.js';
import { CONTROL_TAG } from './common.js';

/** Flows per transaction. */
const CHUNK = 5000;

/** The flow seen again at its last activity: times, sensor and stats stay as they are. */
const again = (f: Flow): FlowObservation => ({
  time: f.lastSeen,
  src: { mac: f.src.mac, ip: f.src.ip, port: f.src.port },
  dst: { mac: f.dst.mac, ip: f.dst.ip, port: f.dst.port },
  ethertype: f.ethertype,
  protocol: f.protocol,
});

const plugin: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/analyze',
    {
      schema: {
        tags: [CONTROL_TAG],
        operationId: 'analyzeFlows',
        summary: 'Apply the analyzers to every stored flow again',
        description: 'Takes about as long as ingesting every flow once (docs/performance.md gives the ingest rates).',
        response: { 200: z.object({ flows: z.number().int(), events: z.number().int() }), 401: ErrorSchema },
      },
    },
    async () => {
      let flows = 0;
      let events = 0;
      for (let rowids = app.store.flows.rowidsAfter(0, CHUNK); rowids.length > 0; rowids = app.store.flows.rowidsAfter(rowids.at(-1) ?? 0, CHUNK)) {
        const results = app.services.ingest.ingest(app.store.flows.byRowids(rowids).map(again));
        flows += results.length;
        for (const r of results) events += r.events.length;
      }
      return { flows, events };
    },
  );
};

export default plugin;
