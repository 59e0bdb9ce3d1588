/**
 * Groups (Cisco's "Groups"), read: the list, and the details of one or many. One table and one
 * id space with /api/1.0/group (clients.md 1.3: CDN deletes through 1.0 the groups it lists here).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { doc, named } from '../registry.js';
import { GroupSchema } from '../schemas/common.js';
import { GroupDetailSchema } from '../schemas/groups.js';
import { groupOf } from '../serialize/common.js';
import { groupDetail } from '../serialize/groups.js';

const GroupListSchema = named('GroupList', z.array(GroupSchema));
const GroupDetailsSchema = named('GroupDetails', z.array(GroupDetailSchema));

const EXAMPLE_ID = 'cbcbed07-1ed4-4fa6-817c-f3c1702fd187';
const IdsParams = z.object({
  id: doc(z.string(), {
    description: `Cisco: "an uuid sequence with semicolon as separator", e.g. ${EXAMPLE_ID};bb9d9840-82b0-42b7-9e03-13a3832fb363`,
    example: EXAMPLE_ID,
  }),
});

/** The ids of `a;b;c`, in the order given; empty pieces (a trailing ';') are skipped. */
function groupIds(text: string): string[] {
  const ids = text.split(';').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw errors.badId('group', text);
  return ids.map((id) => checkId(id, 'group'));
}

const plugin: FastifyPluginAsyncZod = async (app) => {
  const list = operation('GET', '/groups', 'Every group, oldest first (Cisco: no parameters, no paging). `color` is #rrggbb, `criticalness` an integer.');
  app.get(
    list.url,
    { schema: { ...list.docs, response: { 200: doc(GroupListSchema, { description: 'The groups' }), ...errorResponses() } } },
    async () => [...app.lookups().groups.values()].map(groupOf),
  );

  const details = operation(
    'GET',
    '/groups/{id}',
    "An array (Cisco's GroupDetails): one GroupDetail per id, in the order given. 404 names every unknown id; a malformed one is a 400.",
  );
  app.get(
    details.url,
    {
      schema: {
        ...details.docs,
        params: IdsParams,
        response: {
          200: doc(GroupDetailsSchema, { description: 'The groups asked, in that order' }),
          ...errorResponses({ badRequest: errors.badId('group', 'Room 214').message, notFound: errors.unknownGroups([EXAMPLE_ID]).message }),
        },
      },
    },
    async (request) => {
      const ids = groupIds(request.params.id);
      const l = app.lookups();
      const unknown = [...new Set(ids.filter((id) => !l.groups.has(id)))];
      if (unknown.length > 0) throw errors.unknownGroups(unknown);
      return ids.map((id) => groupDetail(found(l.groups.get(id), 'Group', id), found(app.store.groupContents.of(id), 'Group', id), l));
    },
  );
};

export default plugin;
