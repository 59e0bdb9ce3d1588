/**
 * A preset's settings (Cisco's "Presets"): GET and PUT /presets/{preset_id}/settings, over
 * src/operations/presets.ts. Both answer the PresetSettings (Cisco: 200 PresetSettings); a
 * preset whose settings were never written has the defaults (src/domain/preset-settings.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { writePresetSettings } from '../../../operations/presets.js';
import { checkId, found } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { PRESET_ERRORS, presetId } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { PresetSettingsPayloadSchema, PresetSettingsSchema } from '../schemas/preset-settings.js';
import { presetSettings } from '../serialize/preset-settings.js';

const Params = z.object({ preset_id: presetId });
const Answer = doc(PresetSettingsSchema, { description: 'success' });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };

  const read = operation('GET', '/presets/{preset_id}/settings', 'The preset\'s settings; the defaults when they were never written (every difference looked for, the Center\'s own scan schedule, the default severities).');
  app.get(
    read.url,
    { schema: { ...read.docs, params: Params, response: { 200: Answer, ...errorResponses(PRESET_ERRORS) } } },
    async (request) => {
      const id = checkId(request.params.preset_id, 'preset');
      return presetSettings(id, found(app.store.presets.settings(id), 'Preset', id));
    },
  );

  const write = operation(
    'PUT',
    '/presets/{preset_id}/settings',
    'Writes the preset\'s settings: the fields given replace, absent ones stay; `lastEditUpdate` is now. Answers the settings, as GET then reads them. A preset the Center ships has settings too. `activeBaselineId` is "" or one of the preset\'s baselines (400 otherwise).',
  );
  app.put(
    write.url,
    {
      schema: {
        ...write.docs,
        params: Params,
        body: PresetSettingsPayloadSchema,
        response: { 200: Answer, ...errorResponses({ ...PRESET_ERRORS, badRequest: 'Invalid body field "severityDifferenceDetected": must be a severity level from 0 to 3' }) },
      },
    },
    async (request) => {
      const id = checkId(request.params.preset_id, 'preset');
      const { presetId: named, defaultSeverities: _d, lastEditUpdate: _l, ...fields } = request.body;
      if (named !== undefined && named.toLowerCase() !== id) throw errors.badRequest(`Invalid body field "presetId": ${named} is not the preset ${id}`);
      return presetSettings(id, writePresetSettings(ctx, id, fields));
    },
  );
};

export default plugin;
