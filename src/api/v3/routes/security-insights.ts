/**
 * A preset's security insights (Cisco's "Dashboard"): the values its components request by DNS,
 * HTTP or SMB, and the components that requested one; and their previews (POST
 * /presets/preview/visualisations/dashboard-security/…, a PresetPayload not saved), which answer
 * what the GET answers once the payload is saved. OPS reads `label`, `value`, `componentsCount`,
 * then each value's components with `requestsCount`, `label`, `ip`, `mac`.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { INSIGHT_REQUESTER_FIELDS, INSIGHT_VALUE_FIELDS } from '../../../domain/security-insights.js';
import { scalar } from '../../params.js';
import { sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { filterParam, listRequest, millis, page, size, sortParam } from '../params.js';
import { PREVIEW_ERRORS, PRESET_ERRORS, type ScopedPreset, componentsOf, presetId, presetOf, previewOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { ComponentFieldsSchema } from '../schemas/components.js';
import { PresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { INSIGHT_COUNTS_ENDS, InsightTypeSchema, SecurityInsightDashboardCountsSchema, SecurityInsightDashboardElementSchema } from '../schemas/security-insights.js';
import { insightRequester, insightValue } from '../serialize/security-insights.js';

const type = doc(InsightTypeSchema, { description: 'protocol type' });
const Params = z.object({ preset_id: presetId, type });
const PreviewParams = z.object({ type });
const ValuesQuery = z.object({ page, size, from: millis, to: millis, sort: sortParam(INSIGHT_VALUE_FIELDS), filter: filterParam(INSIGHT_VALUE_FIELDS) });
const CountsQuery = z.object({ from: millis, to: millis });
const ComponentsQuery = z.object({
  page,
  size,
  from: millis,
  to: millis,
  sort: sortParam(INSIGHT_REQUESTER_FIELDS),
  filter: filterParam(INSIGHT_REQUESTER_FIELDS),
  'property-value': doc(scalar(z.string({ error: 'is mandatory' })), { description: 'the value of the property corresponding to the protocol type for filtering' }),
});
const BAD_TYPE = "type: must be 'dns', 'http' or 'smb'";
const ERRORS = { ...PRESET_ERRORS, badRequest: BAD_TYPE };
const PREVIEW = { ...PREVIEW_ERRORS, badRequest: BAD_TYPE };
type Insight = z.infer<typeof InsightTypeSchema>;

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** The values a scoped preset's components requested, saved or previewed. */
  const values = (preset: ScopedPreset, insight: Insight, q: z.infer<typeof ValuesQuery>, reply: FastifyReply) => {
    const req = listRequest(q);
    return sendList(reply, req, { rows: app.store.securityInsights.list(insight, componentsOf(app, preset), req), serialize: insightValue });
  };

  /**
   * The two ends of a scoped preset's values, saved or previewed: the values list (one grouped
   * statement, every row in its default order), its first and last ones.
   */
  const counts = (preset: ScopedPreset, insight: Insight, q: z.infer<typeof CountsQuery>) => {
    const all = app.store.securityInsights.list(insight, componentsOf(app, preset), listRequest(q)).map(insightValue);
    return { top: all.slice(0, INSIGHT_COUNTS_ENDS), bottom: all.slice(-INSIGHT_COUNTS_ENDS) };
  };

  /** The components of a scoped preset, saved or previewed, that requested a value. */
  const requesters = (preset: ScopedPreset, insight: Insight, q: z.infer<typeof ComponentsQuery>, reply: FastifyReply) => {
    const req = listRequest(q);
    const l = app.lookups();
    const rows = app.store.securityInsights.requestersIn(insight, q['property-value'], componentsOf(app, preset), req);
    return sendList(reply, req, { rows, serialize: (r) => insightRequester(r, l) });
  };

  const ValuesAnswer = doc(z.array(SecurityInsightDashboardElementSchema), { description: 'object successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard-security/{type}/list',
      'The values requested by the preset\'s components (the flows they opened that carry one), the most requested first by default. `from`/`to` keep the flows active in the window.',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: ValuesQuery, response: { 200: ValuesAnswer, ...errorResponses(ERRORS) } } },
      async (request, reply) => values(presetOf(app, request.params.preset_id), request.params.type, request.query, reply),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/dashboard-security/{type}/list',
      'The values requested by the components of a preset with this payload: what the GET answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, params: PreviewParams, body: PresetPreviewPayloadSchema, querystring: ValuesQuery, response: { 200: ValuesAnswer, ...errorResponses(PREVIEW) } } },
      async (request, reply) => values(previewOf(app, request.body), request.params.type, request.query, reply),
    );
  }

  const CountsAnswer = doc(SecurityInsightDashboardCountsSchema, { description: 'object successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard-security/{type}/counts',
      'The most and the least requested values of the preset\'s components: the two ends of GET …/dashboard-security/{type}/list in its default order. `from`/`to` keep the flows active in the window.',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: CountsQuery, response: { 200: CountsAnswer, ...errorResponses(ERRORS) } } },
      async (request) => counts(presetOf(app, request.params.preset_id), request.params.type, request.query),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/dashboard-security/{type}/counts',
      'The most and the least requested values of the components of a preset with this payload: what the GET answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, params: PreviewParams, body: PresetPreviewPayloadSchema, querystring: CountsQuery, response: { 200: CountsAnswer, ...errorResponses(PREVIEW) } } },
      async (request) => counts(previewOf(app, request.body), request.params.type, request.query),
    );
  }

  const ComponentsAnswer = doc(z.array(ComponentFieldsSchema), { description: 'list successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard-security/{type}/components',
      'The preset\'s components that requested `property-value`, the most requests first by default.',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: ComponentsQuery, response: { 200: ComponentsAnswer, ...errorResponses(ERRORS) } } },
      async (request, reply) => requesters(presetOf(app, request.params.preset_id), request.params.type, request.query, reply),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/dashboard-security/{type}/components',
      'The components of a preset with this payload that requested `property-value`: what the GET answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      {
        schema: { ...docs, params: PreviewParams, body: PresetPreviewPayloadSchema, querystring: ComponentsQuery, response: { 200: ComponentsAnswer, ...errorResponses(PREVIEW) } },
      },
      async (request, reply) => requesters(previewOf(app, request.body), request.params.type, request.query, reply),
    );
  }
};

export default plugin;
