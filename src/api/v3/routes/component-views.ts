/**
 * What Cisco's "Components" shows beside a component's lists: the tags of its flows, counted
 * (GET /components/{id}/flows/tags), and one of its vulnerabilities in detail
 * (GET /components/{component_id}/vulnerabilities/{vulnerability_id}), the row of
 * GET /components/{id}/vulnerabilities for that catalogue entry.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { DetailedTagsSchema } from '../schemas/tags.js';
import { JsonVulnerabilityFullInfosSchema } from '../schemas/vulnerability-infos.js';
import { countedTag } from '../serialize/tags.js';
import { ackOf, vulnerabilityFullInfos } from '../serialize/vulnerability-infos.js';

const NOT_FOUND = 'Component not found: 00000000-0000-4000-8000-000000000000';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const tags = operation(
    'GET',
    '/components/{id}/flows/tags',
    'The tags of the flows it is an end of, active between `from` and `to` (ms), each with how many of them carry it: the union of the tags GET /components/{id}/flows shows.',
  );
  app.get(
    tags.url,
    {
      schema: {
        ...tags.docs,
        params: z.object({ id: doc(z.string(), { description: 'The component id (a UUID).' }) }),
        querystring: z.object(windowParams),
        response: {
          200: doc(DetailedTagsSchema, { description: 'The tags of its flows, by id' }),
          ...errorResponses({ badRequest: 'Invalid component id: "x" is not a UUID', notFound: NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'component');
      const rowid = found(app.store.components.rowid(id), 'Component', id);
      const { from, to } = listRequest(request.query);
      const l = app.lookups();
      return app.store.activityViews.flowTags({ component: rowid }, { from, to }).map((t) => countedTag(t, l));
    },
  );

  const detail = operation(
    'GET',
    '/components/{component_id}/vulnerabilities/{vulnerability_id}',
    "The component's match of that catalogue entry, acknowledged when its device acknowledged the CVE. 404 when the component is unknown, or the entry is unknown or does not match it.",
  );
  app.get(
    detail.url,
    {
      schema: {
        ...detail.docs,
        params: z.object({
          component_id: doc(z.string(), { description: 'component id (uuid)' }),
          vulnerability_id: doc(z.string(), { description: 'vulnerability id (uuid)' }),
        }),
        response: {
          200: doc(JsonVulnerabilityFullInfosSchema, { description: 'vulnerability details for the component' }),
          ...errorResponses({ badRequest: 'Invalid vulnerability id: "x" is not a UUID', notFound: 'Vulnerability not found: 00000000-0000-4000-8000-000000000000' }),
        },
      },
    },
    async (request) => {
      const id = checkId(request.params.component_id, 'component');
      const vid = checkId(request.params.vulnerability_id, 'vulnerability');
      found(app.store.components.rowid(id), 'Component', id);
      // divergence: Cisco's 404 says "component or vulnerability not found"; an entry of the
      // catalogue that does not match the component is not found for it either.
      const match = app.store.vulnerabilities.matchesOf([id]).find((m) => m.vulnerability.id === vid);
      if (!match) throw errors.notFound('Vulnerability', vid);
      // The acknowledgements are per device; a component without one is a network node of its own.
      const owner = app.store.devices.summariesOf([id]).get(id)?.id ?? id;
      return vulnerabilityFullInfos(match, ackOf(match, app.store.vulnerabilities.acksOf(owner)));
    },
  );
};

export default plugin;
