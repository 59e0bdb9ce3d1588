/**
 * Baselines (Cisco's "Baselines"): GET and POST /baselines, GET, PATCH and DELETE
 * /baselines/{id}, GET /presets/{preset_id}/baselines, and a baseline's activity-list and
 * component-list: the preset's activities and components now, each with its differences from the
 * baseline and its status. Over src/operations/baselines.ts. Cisco documents 402 ("accessible
 * only in advantage mode") on every one but the two lists: the licence's mode
 * (/_emulator/license) decides, after the token.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Activity } from '../../../domain/activities.js';
import { newVariableAccesses, targetStatus } from '../../../domain/baseline.js';
import { ACTIVITY_FIELDS, COMPONENT_FIELDS } from '../../../domain/list-fields.js';
import { differencesOf, newAccessesHeld } from '../../../operations/baseline-differences.js';
import { baselineErrors, baselineState, createBaseline, deleteBaseline, patchBaseline } from '../../../operations/baselines.js';
import { checkId } from '../../kit.js';
import { sendList } from '../answer.js';
import { inChunks } from '../chunks.js';
import { errorResponses, operation } from '../kit.js';
import { listParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { BASELINE_ERRORS, EXAMPLE_BASELINE_ID as EXAMPLE_ID, baselineId, baselineKit } from '../baseline-kit.js';
import { PRESET_ERRORS, presetId, presetOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { activityRows } from '../activity-rows.js';
import { BaselineActivitySchema, BaselineComponentFieldsSchema, BaselineCreateSchema, BaselinePatchSchema, BaselineSchema } from '../schemas/baselines.js';
import { withDifferences } from '../serialize/baselines.js';
import { componentFields } from '../serialize/components.js';

const Params = z.object({ id: baselineId });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const kit = baselineKit(app);
  const { ctx, advantageOnly } = kit;
  const shownById = (id: string) => kit.shown(baselineState(ctx, id));
  const One = doc(BaselineSchema, { description: 'The baseline' });
  const Many = doc(z.array(BaselineSchema), { description: 'The baselines' });
  const ADVANTAGE = { onRequest: advantageOnly };

  const list = operation('GET', '/baselines', 'Every baseline, oldest first, with its differences counted now.');
  app.get(list.url, { ...ADVANTAGE, schema: { ...list.docs, response: { 200: Many, ...errorResponses() } } }, async () => store.baselines.all().map((b) => shownById(b.id)));

  const create = operation(
    'POST',
    '/baselines',
    'Records the preset\'s components (their tags and properties) and activities (their tags and variable accesses) active between `from` and `to`. 412 for an unknown preset or `from` after `to`; 409 for a label another baseline has (without case).',
  );
  app.post(
    create.url,
    {
      ...ADVANTAGE,
      schema: {
        ...create.docs,
        body: doc(BaselineCreateSchema, { example: { label: 'Line 1 at commissioning', presetId: '0ca65f94-f58b-5c84-93eb-5fce917ccebf', description: 'Before the upgrade' } }),
        response: {
          200: One,
          ...errorResponses({
            badRequest: 'Invalid body field "label": is mandatory',
            conflict: baselineErrors.labelTaken('Line 1 at commissioning').message,
            preconditionFailed: baselineErrors.precondition('presetId', `no preset ${EXAMPLE_ID}`).message,
          }),
        },
      },
    },
    async (request) => kit.shown(baselineState(ctx, createBaseline(ctx, request.body).id)),
  );

  const get = operation('GET', '/baselines/{id}', 'The baseline, with its differences counted now.');
  app.get(get.url, { ...ADVANTAGE, schema: { ...get.docs, params: Params, response: { 200: One, ...errorResponses(BASELINE_ERRORS) } } }, async (request) =>
    kit.shown(kit.stateOf(request.params.id)),
  );

  const patch = operation('PATCH', '/baselines/{id}', 'The label and/or the description given replace; `lastEditTime` is now. 409 for a label another baseline has.');
  app.patch(
    patch.url,
    {
      ...ADVANTAGE,
      schema: {
        ...patch.docs,
        params: Params,
        body: doc(BaselinePatchSchema, { example: { label: 'Line 1 after the upgrade' } }),
        response: { 200: One, ...errorResponses({ ...BASELINE_ERRORS, conflict: baselineErrors.labelTaken('Line 1 after the upgrade').message }) },
      },
    },
    async (request) => shownById(patchBaseline(ctx, checkId(request.params.id, 'baseline'), request.body).id),
  );

  const remove = operation('DELETE', '/baselines/{id}', 'Deletes the baseline, its record and its reviews; an unknown id is no error (Cisco: "deletion successful or nothing to delete").');
  app.delete(
    remove.url,
    { ...ADVANTAGE, schema: { ...remove.docs, params: Params, response: { 204: doc(z.void(), { type: 'null', description: 'deletion successful or nothing to delete' }), ...errorResponses({ badRequest: BASELINE_ERRORS.badRequest }) } } },
    async (request, reply) => {
      deleteBaseline(ctx, checkId(request.params.id, 'baseline'));
      return reply.code(204).send();
    },
  );

  const ofPreset = operation('GET', '/presets/{preset_id}/baselines', 'The baselines of the preset, oldest first.');
  app.get(
    ofPreset.url,
    { ...ADVANTAGE, schema: { ...ofPreset.docs, params: z.object({ preset_id: presetId }), response: { 200: Many, ...errorResponses(PRESET_ERRORS) } } },
    async (request) => store.baselines.ofPreset(presetOf(app, request.params.preset_id).id).map((b) => shownById(b.id)),
  );

  const activities = operation(
    'GET',
    '/baselines/{id}/visualisations/activity-list',
    'The activities with an end in the baseline\'s preset now, as GET /activities shows them, each with its differences from the baseline and its status. Without `page` and `size`, every one (streamed).',
  );
  app.get(
    activities.url,
    {
      schema: {
        ...activities.docs,
        params: Params,
        querystring: z.object(listParams(ACTIVITY_FIELDS)),
        response: { 200: doc(z.array(BaselineActivitySchema), { description: 'The activities' }), ...errorResponses(BASELINE_ERRORS) },
      },
    },
    async (request, reply) => {
      const s = kit.stateOf(request.params.id);
      const req = listRequest(request.query);
      const l = app.lookups();
      const complete = (chunk: Activity[]) => {
        const diffs = differencesOf(store, s, 'activities', chunk.map((a) => a.id));
        return activityRows(store, chunk, l).map((row) => {
          const d = diffs.get(row.id) ?? [];
          return { ...row, ...withDifferences(d, targetStatus(d), newVariableAccesses(d)) };
        });
      };
      return sendList(reply, req, { rows: inChunks(store.activities.list(req, store.baselines.scopeRowids(s.scope)), complete), serialize: (row) => row });
    },
  );

  const components = operation(
    'GET',
    '/baselines/{id}/visualisations/component-list',
    'The components in the baseline\'s preset now, as GET /components shows them, each with its differences from the baseline and its status. Without `page` and `size`, every one (streamed).',
  );
  app.get(
    components.url,
    {
      schema: {
        ...components.docs,
        params: Params,
        querystring: z.object(listParams(COMPONENT_FIELDS)),
        response: { 200: doc(z.array(BaselineComponentFieldsSchema), { description: 'The components' }), ...errorResponses(BASELINE_ERRORS) },
      },
    },
    async (request, reply) => {
      const s = kit.stateOf(request.params.id);
      const req = listRequest(request.query);
      const l = app.lookups();
      const rows = inChunks(store.componentViews.list(req, s.scope), (chunk) => {
        const ids = chunk.map((v) => v.component.id);
        const diffs = differencesOf(store, s, 'components', ids);
        const held = newAccessesHeld(store, s, ids);
        return chunk.map((v) => {
          const d = diffs.get(v.component.id) ?? [];
          return { ...componentFields(v, l), ...withDifferences(d, targetStatus(d), held.get(v.component.id) ?? 0) };
        });
      });
      return sendList(reply, req, { rows, serialize: (row) => row });
    },
  );
};

export default plugin;
