/**
 * A preset's flows and tags (Cisco's "Flows" and "Tags" under /presets/{preset_id}/visualisations),
 * the flows of its dashboard that carry no tag (dashboard-security/tagless-flows), and their
 * previews (POST /presets/preview/visualisations/…, a PresetPayload not saved), which answer what
 * the GET answers once the payload is saved.
 *
 * A preset's flows are those of its activity-list: every flow, either way, of a component activity
 * grouped under one of the network node pairs it keeps (src/store/preset-scope-sql.ts
 * `presetFlowsWhere`), i.e. what GET /activities/{id}/flows lists for each of its rows.
 * divergence: Cisco's document does not say which flows a preset keeps; these are the ones its
 * activity-list summarizes. Cisco caches these views; the emulator answers from the live world.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FLOW_FIELDS } from '../../../domain/list-fields.js';
import { TAG_TYPES } from '../../../domain/vocabulary.js';
import { scalar } from '../../params.js';
import { format, sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { listParams, windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { PREVIEW_ERRORS, PRESET_ERRORS, type ScopedPreset, presetId, presetOf, previewOf, scopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { FlowSchema } from '../schemas/flows.js';
import { PresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { DetailedTagsSchema } from '../schemas/tags.js';
import { flow } from '../serialize/flows.js';
import { countedTag } from '../serialize/tags.js';

const Params = z.object({ preset_id: presetId });
const FlowsQuery = z.object({ format, ...listParams(FLOW_FIELDS), ...windowParams });
// Cisco lists no `format` for the preview, nor for either tagless-flows.
const FlowsPreviewQuery = FlowsQuery.omit({ format: true });
const TagsQuery = z.object({
  ...windowParams,
  type: doc(scalar(z.enum(TAG_TYPES, { error: "must be 'flow' or 'component'" }).optional()), {
    description: "the tag type: 'component' counts the component tags only, 'flow' the activity (flow) tags only",
  }),
});
const FLOW_ERRORS = { ...PRESET_ERRORS, badRequest: 'Invalid query parameter "from": must be an integer' };

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** The flows of a scoped preset, saved or previewed; `tagless`: those without a tag only. */
  const flowList = (preset: ScopedPreset, q: Partial<z.infer<typeof FlowsQuery>>, reply: FastifyReply, tagless = false) => {
    const req = listRequest(q);
    const l = app.lookups();
    return sendList(reply, req, { rows: app.store.flowViews.ofPreset(scopeOf(app, preset), req, tagless), serialize: (v) => flow(v, l) }, q.format);
  };

  /**
   * The tags of a scoped preset, saved or previewed, each counted (`nbOccurences`): component
   * tags over its component-list, activity tags over its flow-list. divergence: Cisco says only
   * "List the tags for a preset"; each tag is counted over the list that shows it.
   */
  const tagList = (preset: ScopedPreset, q: z.infer<typeof TagsQuery>) => {
    const { from, to } = listRequest(q);
    const l = app.lookups();
    return app.store.activityViews.presetTags(scopeOf(app, preset), { from, to }, q.type).map((t) => countedTag(t, l));
  };

  const FlowsAnswer = doc(z.array(FlowSchema), { description: 'list successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/flow-list',
      'The flows of the preset\'s activity-list: those GET /activities/{id}/flows lists for each of its rows, in discovery order by default. Without `page` and `size`, every one; `from`/`to` keep the flows active in the window.',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: FlowsQuery, response: { 200: FlowsAnswer, ...errorResponses(FLOW_ERRORS) } } },
      async (request, reply) => flowList(presetOf(app, request.params.preset_id), request.query, reply),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/flow-list',
      'The flows a preset with this payload would keep: what GET /presets/{preset_id}/visualisations/flow-list answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, body: PresetPreviewPayloadSchema, querystring: FlowsPreviewQuery, response: { 200: FlowsAnswer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request, reply) => flowList(previewOf(app, request.body), request.query, reply),
    );
  }

  // Cisco types the answer as one Flow; it is a list (its description: "List tagless flows").
  const TaglessAnswer = doc(z.array(FlowSchema), { description: 'list successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard-security/tagless-flows',
      'The flows of the preset\'s flow-list that carry no tag, in the same order.',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: FlowsPreviewQuery, response: { 200: TaglessAnswer, ...errorResponses(FLOW_ERRORS) } } },
      async (request, reply) => flowList(presetOf(app, request.params.preset_id), request.query, reply, true),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/dashboard-security/tagless-flows',
      'The flows without a tag of a preset with this payload: what the GET answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, body: PresetPreviewPayloadSchema, querystring: FlowsPreviewQuery, response: { 200: TaglessAnswer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request, reply) => flowList(previewOf(app, request.body), request.query, reply, true),
    );
  }

  const TagsAnswer = doc(DetailedTagsSchema, { description: 'tag list from preset successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/tag-list',
      'The tags of the preset, by id, each with how many carry it (`nbOccurences`): its component tags over its component-list, its activity tags over its flow-list ' +
        '(both kept active between `from` and `to`, ms); `type` keeps one kind.',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: TagsQuery, response: { 200: TagsAnswer, ...errorResponses(PRESET_ERRORS) } } },
      async (request) => tagList(presetOf(app, request.params.preset_id), request.query),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/tag-list',
      'The tags of a preset with this payload: what GET /presets/{preset_id}/visualisations/tag-list answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, body: PresetPreviewPayloadSchema, querystring: TagsQuery, response: { 200: TagsAnswer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request) => tagList(previewOf(app, request.body), request.query),
    );
  }
};

export default plugin;
