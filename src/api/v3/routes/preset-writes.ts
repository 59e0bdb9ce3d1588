/**
 * Presets (Cisco's "Presets"), written: POST /presets, PUT, PATCH and DELETE
 * /presets/{preset_id}, POST /presets/{preset_id}/refreshData, over src/operations/presets.ts.
 * Each answers the preset as GET /presets/{preset_id} shows it (Cisco: Preset), but DELETE and
 * refreshData, which answer an empty 200 as Cisco documents.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { type PresetFields, createPreset, deletePreset, editPreset, presetErrors, refreshPreset } from '../../../operations/presets.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { PRESET_ERRORS, fieldsOf, presetId, presetOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { CreatePresetPayloadSchema, PRESET_PATCH_PATHS, PatchPresetBodySchema, UpdatePresetPayloadSchema } from '../schemas/preset-payload.js';
import { PresetSchema } from '../schemas/presets.js';
import { preset } from '../serialize/presets.js';

const EXAMPLE_ID = '0ca65f94-f58b-5c84-93eb-5fce917ccebf';
const Params = z.object({ preset_id: presetId });
const Answer = doc(PresetSchema, { description: 'The preset, as GET /presets/{preset_id} shows it' });
const Empty = doc(z.string(), { description: 'Done: an empty body', example: '' });

const MESSAGES = {
  badRequest: presetErrors.notCustom(EXAMPLE_ID, 'changed').message,
  notFound: PRESET_ERRORS.notFound,
  conflict: presetErrors.labelTaken('Room 214 PLCs').message,
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };

  const create = operation(
    'POST',
    '/presets',
    'Creates a custom preset (clients.md 1.2: CDN and PA post an exported preset\'s label, description and filters back). divergence: Cisco documents no 409; a label another preset has (without regard to case) is one, as on PUT. A group the filters name that the world lacks is a 404, as on PUT.',
  );
  app.post(
    create.url,
    { schema: { ...create.docs, body: CreatePresetPayloadSchema, response: { 200: Answer, ...errorResponses({ ...MESSAGES, badRequest: 'body.label: must not be empty' }) } } },
    async (request) => {
      const p = request.body;
      return preset(presetOf(app, createPreset(ctx, { ...fieldsOf(p), label: p.label })));
    },
  );

  const update = operation(
    'PUT',
    '/presets/{preset_id}',
    'Updates a custom preset: absent fields stay; `filters`, when given, are its filters (its scope) from now on. A preset the Center ships (`custom: false`) is a 400 (Cisco: "not custom preset").',
  );
  app.put(
    update.url,
    { schema: { ...update.docs, params: Params, body: UpdatePresetPayloadSchema, response: { 200: Answer, ...errorResponses(MESSAGES) } } },
    async (request) => {
      const id = checkId(request.params.preset_id, 'preset');
      editPreset(ctx, id, fieldsOf(request.body));
      return preset(presetOf(app, id));
    },
  );

  const patch = operation(
    'PATCH',
    '/presets/{preset_id}',
    'Sets the label (path /name or /label), the description or the search of a custom preset. Another op or path is a 403 (Cisco: "the \\"path\\" is not allowed"). divergence: Cisco declares GroupDetail as the answer (a copy of the group operation): the preset is answered.',
  );
  app.patch(
    patch.url,
    {
      schema: {
        ...patch.docs,
        params: Params,
        body: PatchPresetBodySchema,
        response: { 200: Answer, ...errorResponses({ ...MESSAGES, forbidden: errors.patchNotAllowed('add', '/filters').message }) },
      },
    },
    async (request) => {
      const id = checkId(request.params.preset_id, 'preset');
      const fields: PresetFields = {};
      for (const o of request.body) {
        const path = PRESET_PATCH_PATHS.find((p) => p === o.path);
        if (o.op !== 'set' || path === undefined) throw errors.patchNotAllowed(o.op, o.path);
        if (path === '/name' || path === '/label') {
          if (o.value.trim() === '') throw errors.badRequest('body.value: must not be empty');
          fields.label = o.value.trim();
        } else if (path === '/description') fields.description = o.value;
        else fields.search = o.value;
      }
      editPreset(ctx, id, fields);
      return preset(presetOf(app, id));
    },
  );

  const remove = operation('DELETE', '/presets/{preset_id}', 'Deletes a custom preset; a preset the Center ships is a 400 (Cisco: "failed to delete non custom preset"). Answers an empty 200.');
  app.delete(
    remove.url,
    {
      schema: {
        ...remove.docs,
        params: Params,
        response: { 200: Empty, ...errorResponses({ badRequest: presetErrors.notCustom(EXAMPLE_ID, 'deleted').message, notFound: MESSAGES.notFound }) },
      },
    },
    async (request, reply) => {
      deletePreset(ctx, checkId(request.params.preset_id, 'preset'));
      return reply.send();
    },
  );

  const refresh = operation(
    'POST',
    '/presets/{preset_id}/refreshData',
    'Asks for the preset\'s data to be computed again. divergence: the emulator computes it at once: GET /presets/{preset_id}/dataInfo then shows `presetDataAvailable: true`, `lastRefresh` now, `lastRefreshDuration` 0, `refreshInProgress` and `forceRefreshRequested` false. Answers an empty 200.',
  );
  app.post(
    refresh.url,
    { schema: { ...refresh.docs, params: Params, response: { 200: Empty, ...errorResponses(PRESET_ERRORS) } } },
    async (request, reply) => {
      refreshPreset(ctx, checkId(request.params.preset_id, 'preset'));
      return reply.send();
    },
  );
};

export default plugin;
