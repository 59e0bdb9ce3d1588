/**
 * A preset's component-list and activity-list (Cisco's "Components" and "Activities" under
 * /presets/{preset_id}/visualisations), and their previews (POST
 * /presets/preview/visualisations/…, a PresetPayload not saved): the components in the preset's
 * scope (src/domain/preset-scope.ts) in the /components shape, and the activities between network
 * nodes (devices, or components without one) that touch it. The CVA probe calls both with
 * `size=100000&page=1`. divergence: Cisco caches these; the emulator answers from the live world
 * (its dataInfo says when a preset was refreshed).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NodeActivity } from '../../../domain/activities.js';
import type { DeviceLight } from '../../../domain/component-view.js';
import { COMPONENT_FIELDS, NODE_ACTIVITY_FIELDS } from '../../../domain/list-fields.js';
import type { Component } from '../../../domain/types.js';
import { format, sendList } from '../answer.js';
import { inChunks } from '../chunks.js';
import { errorResponses, operation } from '../kit.js';
import { aggregated, fieldsParam, listParams, windowParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { PREVIEW_ERRORS, type ScopedPreset, presetOf, previewOf, scopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { ActivityBetweenEndpointsSchema } from '../schemas/activities.js';
import { COMPONENT_FIELD_NAMES, ComponentFieldsSchema } from '../schemas/components.js';
import { PresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { activityBetweenEndpoints, componentEndpoint, deviceEndpoint } from '../serialize/activities.js';
import { componentFields, pick } from '../serialize/components.js';

const Params = z.object({ preset_id: doc(z.string(), { description: 'The preset id (a UUID).' }) });
const ComponentsQuery = z.object({ aggregated, format, fields: fieldsParam(COMPONENT_FIELD_NAMES), ...listParams(COMPONENT_FIELDS), ...windowParams });
const ActivitiesQuery = z.object({ format, ...listParams(NODE_ACTIVITY_FIELDS), ...windowParams });
// Cisco's previews list neither `format` nor `fields`.
const ComponentsPreviewQuery = z.object({ aggregated, ...listParams(COMPONENT_FIELDS), ...windowParams });
const ActivitiesPreviewQuery = z.object({ ...listParams(NODE_ACTIVITY_FIELDS), ...windowParams });
const ERRORS = errorResponses({ badRequest: 'Invalid preset id: "x" is not a UUID', notFound: 'Preset not found: 00000000-0000-4000-8000-000000000000' });

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** The component-list of a scoped preset, saved or previewed. */
  const componentList = (preset: ScopedPreset, q: Partial<z.infer<typeof ComponentsQuery>>, reply: FastifyReply) => {
    const req = listRequest(q);
    const l = app.lookups();
    return sendList(reply, req, { rows: app.store.componentViews.list(req, scopeOf(app, preset)), serialize: (v) => pick(componentFields(v, l), q.fields) }, q.format);
  };

  /** The activity-list of a scoped preset, saved or previewed. */
  const activityList = (preset: ScopedPreset, q: Partial<z.infer<typeof ActivitiesQuery>>, reply: FastifyReply) => {
    const req = listRequest(q);
    const l = app.lookups();
    const withEnds = (chunk: NodeActivity[]) => {
      const ends = app.store.componentViews.nodeEnds(chunk.flatMap((a) => [a.left, a.right]));
      const end = (ref: NodeActivity['left']) =>
        ref.isDevice ? deviceEndpoint(ends.devices.get(ref.id) as DeviceLight, l) : componentEndpoint(ends.components.get(ref.id) as Component, l);
      return chunk.map((a) => activityBetweenEndpoints(a, end(a.left), end(a.right), l));
    };
    return sendList(reply, req, { rows: inChunks(app.store.activities.nodeList(req, scopeOf(app, preset)), withEnds), serialize: (row) => row }, q.format);
  };

  const ComponentsAnswer = doc(z.array(ComponentFieldsSchema), { description: 'The components in the preset\'s scope' });
  const components = operation('GET', '/presets/{preset_id}/visualisations/component-list', 'The components in the preset\'s scope, as GET /components gives them.');
  app.get(
    components.url,
    { schema: { ...components.docs, params: Params, querystring: ComponentsQuery, response: { 200: ComponentsAnswer, ...ERRORS } } },
    async (request, reply) => componentList(presetOf(app, request.params.preset_id), request.query, reply),
  );

  const componentsPreview = operation(
    'POST',
    '/presets/preview/visualisations/component-list',
    'The components a preset with this payload would keep: what GET /presets/{preset_id}/visualisations/component-list answers once the payload is saved by POST /presets. Nothing is stored.',
  );
  app.post(
    componentsPreview.url,
    {
      schema: {
        ...componentsPreview.docs,
        body: PresetPreviewPayloadSchema,
        querystring: ComponentsPreviewQuery,
        response: { 200: ComponentsAnswer, ...errorResponses(PREVIEW_ERRORS) },
      },
    },
    async (request, reply) => componentList(previewOf(app, request.body), request.query, reply),
  );

  const ActivitiesAnswer = doc(z.array(ActivityBetweenEndpointsSchema), { description: 'The activities between network nodes' });
  const activities = operation(
    'GET',
    '/presets/{preset_id}/visualisations/activity-list',
    'The activities between network nodes with an end in the preset\'s scope: devices are device-like (`ip`, `mac` lists), components without a device component-like (`ip` absent when unknown).',
  );
  app.get(
    activities.url,
    { schema: { ...activities.docs, params: Params, querystring: ActivitiesQuery, response: { 200: ActivitiesAnswer, ...ERRORS } } },
    async (request, reply) => activityList(presetOf(app, request.params.preset_id), request.query, reply),
  );

  const activitiesPreview = operation(
    'POST',
    '/presets/preview/visualisations/activity-list',
    'The activities a preset with this payload would keep: what GET /presets/{preset_id}/visualisations/activity-list answers once the payload is saved by POST /presets. Nothing is stored.',
  );
  app.post(
    activitiesPreview.url,
    {
      schema: {
        ...activitiesPreview.docs,
        body: PresetPreviewPayloadSchema,
        querystring: ActivitiesPreviewQuery,
        response: { 200: ActivitiesAnswer, ...errorResponses(PREVIEW_ERRORS) },
      },
    },
    async (request, reply) => activityList(previewOf(app, request.body), request.query, reply),
  );
};

export default plugin;
