/**
 * A preset's security insights (Cisco's "Dashboard"): the values its components request by DNS,
 * HTTP or SMB, and the components that requested one. OPS reads `label`, `value`,
 * `componentsCount`, then each value's components with `requestsCount`, `label`, `ip`, `mac`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INSIGHT_REQUESTER_FIELDS, INSIGHT_VALUE_FIELDS } from '../../../domain/security-insights.js';
import { scalar } from '../../params.js';
import { sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { filterParam, listRequest, millis, page, size, sortParam } from '../params.js';
import { PRESET_ERRORS, presetId, presetScopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { ComponentFieldsSchema } from '../schemas/components.js';
import { InsightTypeSchema, SecurityInsightDashboardElementSchema } from '../schemas/security-insights.js';
import { insightRequester, insightValue } from '../serialize/security-insights.js';

const Params = z.object({ preset_id: presetId, type: doc(InsightTypeSchema, { description: 'protocol type' }) });
const ValuesQuery = z.object({ page, size, from: millis, to: millis, sort: sortParam(INSIGHT_VALUE_FIELDS), filter: filterParam(INSIGHT_VALUE_FIELDS) });
const ComponentsQuery = z.object({
  page,
  size,
  from: millis,
  to: millis,
  sort: sortParam(INSIGHT_REQUESTER_FIELDS),
  filter: filterParam(INSIGHT_REQUESTER_FIELDS),
  'property-value': doc(scalar(z.string({ error: 'is mandatory' })), { description: 'the value of the property corresponding to the protocol type for filtering' }),
});
const ERRORS = { ...PRESET_ERRORS, badRequest: "type: must be 'dns', 'http' or 'smb'" };

const plugin: FastifyPluginAsyncZod = async (app) => {
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard-security/{type}/list',
      'The values requested by the preset\'s components (the flows they opened that carry one), the most requested first by default. `from`/`to` keep the flows active in the window.',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: Params,
          querystring: ValuesQuery,
          response: { 200: doc(z.array(SecurityInsightDashboardElementSchema), { description: 'object successful' }), ...errorResponses(ERRORS) },
        },
      },
      async (request, reply) => {
        const { componentIds } = presetScopeOf(app, request.params.preset_id);
        const req = listRequest(request.query);
        return sendList(reply, req, { rows: app.store.securityInsights.list(request.params.type, componentIds, req), serialize: insightValue });
      },
    );
  }
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard-security/{type}/components',
      'The preset\'s components that requested `property-value`, the most requests first by default.',
    );
    app.get(
      url,
      {
        schema: {
          ...docs,
          params: Params,
          querystring: ComponentsQuery,
          response: { 200: doc(z.array(ComponentFieldsSchema), { description: 'list successful' }), ...errorResponses(ERRORS) },
        },
      },
      async (request, reply) => {
        const { componentIds } = presetScopeOf(app, request.params.preset_id);
        const req = listRequest(request.query);
        const l = app.lookups();
        const rows = app.store.securityInsights.requestersIn(request.params.type, request.query['property-value'], componentIds, req);
        return sendList(reply, req, { rows, serialize: (r) => insightRequester(r, l) });
      },
    );
  }
};

export default plugin;
