/**
 * What Cisco's "Activities" shows of one activity: its flows (GET /activities/{id}/flows) and
 * their tags, counted (GET /activities/{id}/flows/tags). Cisco's `id`: "activity uuid or pair of
 * network nodes ids (uuid) separated by an underscore, each pair separated by a semicolon.
 * Example: cmpId1_cmpId2;deviceId1_cmpId3;deviceId2_deviceId3". An activity's id here is such a
 * pair (of components, GET /activities); an end may also be a device, which stands for its
 * components (a preset's activity-list). The flows of a pair are those between its two ends,
 * either way: exactly those GET /flows lists with one end on each side.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityEnds } from '../../../domain/activities.js';
import { FLOW_FIELDS } from '../../../domain/list-fields.js';
import { errors } from '../../../errors.js';
import type { EndPair } from '../../../store/flow-views.js';
import { checkId } from '../../kit.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { listParams, windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { FlowSchema } from '../schemas/flows.js';
import { DetailedTagsSchema } from '../schemas/tags.js';
import { flow } from '../serialize/flows.js';
import { countedTag } from '../serialize/tags.js';

const Params = z.object({
  id: doc(z.string(), { description: "An activity id, \"<left id>_<right id>\" (components, or devices standing for their components); several joined with ';'." }),
});
const FlowsQuery = z.object({ format, ...listParams(FLOW_FIELDS), ...windowParams });
const BAD_ID = 'Invalid activity id: "x" is not a UUID';
const NOT_FOUND = 'Activity not found: …';

const plugin: FastifyPluginAsyncZod = async (app) => {
  /**
   * The pairs of ends an id names: 400 when a pair or an end is malformed, 404 when an end is
   * neither a device nor a component, or when no activity joins the two ends of a pair.
   */
  function pairsOf(raw: string): EndPair[] {
    return raw.split(';').map((part) => {
      const ends = activityEnds(part);
      if (!ends) throw errors.badId('activity', part);
      const [left, right] = ends.map((e) => app.store.activityViews.endsOf(checkId(e, 'activity')));
      const pair = left && right ? { left, right } : undefined;
      if (!pair || !app.store.activityViews.exists(pair)) throw errors.notFound('Activity', part);
      return pair;
    });
  }

  const flows = operation('GET', '/activities/{id}/flows', 'The flows between the two ends of the activity, either way (of each activity, for several ids). Without `page` and `size`, every one.');
  app.get(
    flows.url,
    {
      schema: {
        ...flows.docs,
        params: Params,
        querystring: FlowsQuery,
        response: { 200: doc(z.array(FlowSchema), { description: 'Its flows' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request, reply) => {
      const pairs = pairsOf(request.params.id);
      const req = listRequest(request.query);
      const l = app.lookups();
      return sendList(reply, req, { rows: app.store.flowViews.between(pairs, req), serialize: (v) => flow(v, l) }, request.query.format);
    },
  );

  const tags = operation(
    'GET',
    '/activities/{id}/flows/tags',
    'The tags of its flows active between `from` and `to` (ms), each with how many of them carry it (`nbOccurences`): the union of the tags GET /activities/{id}/flows shows.',
  );
  app.get(
    tags.url,
    {
      schema: {
        ...tags.docs,
        params: Params,
        querystring: z.object(windowParams),
        // divergence: Cisco documents no 400 here; a malformed id or time answers it, as everywhere in 3.0.
        response: { 200: doc(DetailedTagsSchema, { description: 'The tags of its flows, by id' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      const pairs = pairsOf(request.params.id);
      const { from, to } = listRequest(request.query);
      const l = app.lookups();
      return app.store.activityViews.flowTags({ pairs }, { from, to }).map((t) => countedTag(t, l));
    },
  );
};

export default plugin;
