/**
 * A preset's stars (Cisco's "Presets"): POST and DELETE /presets/{preset_id}/starring/{type}, over
 * src/operations/presets.ts. `type` is `operational` or `security` (the favourite kinds of
 * GET /homepage/presets-highlights), read back as the Preset's `operationalStarred` and
 * `securityStarred`. Both answer an empty 200 (Cisco: "starring status updated (empty response)").
 * Cisco also lists a 403 ("the \"path\" is not allowed", copied from PATCH): nothing here gives it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRESET_STAR_TYPES } from '../../../domain/preset.js';
import { starPreset } from '../../../operations/presets.js';
import { checkId } from '../../kit.js';
import { errorResponses, operation } from '../kit.js';
import { PRESET_ERRORS, presetId } from '../preset-lookup.js';
import { doc } from '../registry.js';

const Params = z.object({
  preset_id: presetId,
  type: doc(z.enum(PRESET_STAR_TYPES, { error: "must be 'operational' or 'security'" }), {
    description: 'type of starring: `operational` (the Preset\'s `operationalStarred`) or `security` (`securityStarred`)',
  }),
});
const Empty = doc(z.string(), { description: 'starring status updated (empty response)', example: '' });
const ERRORS = errorResponses({ ...PRESET_ERRORS, badRequest: "Invalid path parameter \"type\": must be 'operational' or 'security'" });
const NOTE =
  'Starring again, or taking off a star the preset does not carry, is no error. divergence: a preset the Center ships ("All data") is starred too (a star is the user\'s mark, not the preset\'s content), and `lastUpdate` stays.';

const plugin: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };

  const star = operation('POST', '/presets/{preset_id}/starring/{type}', `Stars the preset: GET /presets then shows \`operationalStarred\` or \`securityStarred\` true. ${NOTE}`);
  app.post(star.url, { schema: { ...star.docs, params: Params, response: { 200: Empty, ...ERRORS } } }, async (request, reply) => {
    starPreset(ctx, checkId(request.params.preset_id, 'preset'), request.params.type, true);
    return reply.send();
  });

  const unstar = operation('DELETE', '/presets/{preset_id}/starring/{type}', `Takes the star off: GET /presets then shows the flag false. ${NOTE}`);
  app.delete(unstar.url, { schema: { ...unstar.docs, params: Params, response: { 200: Empty, ...ERRORS } } }, async (request, reply) => {
    starPreset(ctx, checkId(request.params.preset_id, 'preset'), request.params.type, false);
    return reply.send();
  });
};

export default plugin;
