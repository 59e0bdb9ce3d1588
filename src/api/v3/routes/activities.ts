/**
 * Activities (Cisco's "Activities"): the flows between two components, summed up. CDN
 * group_automation calls GET /activities without parameters (every row) and tests `"ip" in
 * left`: an end without an IP has no `ip` key (clients.md section 3). GET /activities/{id}
 * answers an array of one (spec/v3 README quirk 2).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityEnds } from '../../../domain/activities.js';
import { ACTIVITY_FIELDS } from '../../../domain/list-fields.js';
import { errors } from '../../../errors.js';
import { checkId, found } from '../../kit.js';
import { sendList } from '../answer.js';
import { inChunks } from '../chunks.js';
import { errorResponses, operation } from '../kit.js';
import { listParams, windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { activityRows } from '../activity-rows.js';
import { ActivitySchema } from '../schemas/activities.js';

const ListQuery = z.object({ ...listParams(ACTIVITY_FIELDS), ...windowParams });

const plugin: FastifyPluginAsyncZod = async (app) => {

  const list = operation('GET', '/activities', 'Without `page` and `size`, every activity (streamed).');
  app.get(
    list.url,
    {
      schema: {
        ...list.docs,
        querystring: ListQuery,
        response: { 200: doc(z.array(ActivitySchema), { description: 'The activities' }), ...errorResponses({ badRequest: 'Invalid query parameter "size": must be >= 1' }) },
      },
    },
    async (request, reply) => {
      const req = listRequest(request.query);
      const l = app.lookups();
      return sendList(reply, req, { rows: inChunks(app.store.activities.list(req), (chunk) => activityRows(app.store, chunk, l)), serialize: (x) => x });
    },
  );

  const one = operation('GET', '/activities/{id}', 'An array of one Activity.');
  app.get(
    one.url,
    {
      schema: {
        ...one.docs,
        params: z.object({ id: doc(z.string(), { description: 'The activity id: "<left component id>_<right component id>".' }) }),
        response: {
          200: doc(z.array(ActivitySchema), { description: 'The activity, in an array' }),
          ...errorResponses({ badRequest: 'Invalid activity id: "x" is not a UUID', notFound: 'Activity not found: …' }),
        },
      },
    },
    async (request) => {
      const raw = request.params.id;
      const ends = activityEnds(raw);
      if (!ends) throw errors.badId('activity', raw);
      const id = ends.map((e) => checkId(e, 'component')).join('_');
      const a = found(app.store.activities.get(id), 'Activity', raw);
      return activityRows(app.store, [a], app.lookups());
    },
  );
};

export default plugin;
