/** The 1.0 API surface: every route needs a token (guide 6.1), in one visible list. */
import type { FastifyPluginAsync } from 'fastify';
import { requireToken } from '../../plugins/auth.js';
import componentEdits from './routes/component-edits.js';
import components from './routes/components.js';
import events from './routes/events.js';
import flows from './routes/flows.js';
import groups from './routes/groups.js';
import icons from './routes/icons.js';
import { portRules, propertyRules } from './routes/rules.js';
import sensors from './routes/sensors.js';
import tags from './routes/tags.js';
import variables from './routes/variables.js';
import { WireCache } from '../wire-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The 1.0 JSON of rows, per store version. */
    wire: WireCache;
  }
}

export const API_V1_PREFIX = '/api/1.0';

const apiV1: FastifyPluginAsync = async (app) => {
  requireToken(app, { query: true });
  app.decorate('wire', new WireCache(app.store));
  await app.register(sensors);
  await app.register(components);
  await app.register(componentEdits);
  await app.register(icons);
  await app.register(flows);
  await app.register(groups);
  await app.register(events);
  await app.register(variables);
  await app.register(tags);
  await app.register(propertyRules);
  await app.register(portRules);
};

export default apiV1;
