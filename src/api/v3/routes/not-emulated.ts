/**
 * Every operation of Cisco's 3.0 document that no route plugin serves answers 501, in the 3.0
 * envelope, naming the operation: a client then reads "not emulated", not a 404 that it would
 * take for an unknown object. Registered after every route plugin, it takes only what they left;
 * these routes are hidden from the 3.0 OpenAPI document, so the coverage counts served
 * operations only. The token is checked first, as for any 3.0 route.
 * divergence: a real Center serves these operations.
 */
import type { FastifyPluginAsync } from 'fastify';
import { errors } from '../../../errors.js';
import { V3 } from '../../surfaces.js';
import { CISCO_OPERATIONS, type CiscoOperation, fastifyPath } from '../operations.js';

type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Cisco's operations that `served` does not hold, given Fastify's form of their full URL. */
export function unservedOperations(served: (method: string, url: string) => boolean): CiscoOperation[] {
  return CISCO_OPERATIONS.filter((op) => !served(op.method, V3.prefix + fastifyPath(op.path)));
}

const plugin: FastifyPluginAsync = async (app) => {
  // The router ignores a trailing slash (src/app.ts), and keeps `/networks/` as `/networks`.
  const served = (method: string, url: string) => app.hasRoute({ method: method as Method, url: url.replace(/(.)\/$/, '$1') });
  for (const op of unservedOperations(served)) {
    app.route({
      method: op.method as Method,
      url: fastifyPath(op.path),
      schema: { hide: true },
      handler: async () => {
        throw errors.notEmulated(op.method, op.path, op.operationId);
      },
    });
  }
};

export default plugin;
