/** Presets (Cisco's "Presets"): the list, one preset, and the state of its data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkId, found } from '../../kit.js';
import { scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { PRESET_ERRORS, presetId, presetOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { PresetDataInfoSchema, PresetSchema } from '../schemas/presets.js';
import { preset, presetDataInfo } from '../serialize/presets.js';
import { baselineKit } from '../baseline-kit.js';

const ListQuery = z.object({
  baselines: doc(scalar(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }).optional()), {
    description: 'whether to return the baselines: each preset\'s, with their differences counted now (in advantage mode; none otherwise)',
  }),
});
const Params = z.object({ preset_id: presetId });

const plugin: FastifyPluginAsyncZod = async (app) => {
  {
    const { url, docs } = operation('GET', '/presets', 'Every preset, without paging (clients read the whole list: CDN and UZ look up "All data" by label; WAL validates every field\'s type).');
    app.get(
      url,
      { schema: { ...docs, querystring: ListQuery, response: { 200: doc(z.array(PresetSchema), { description: 'list successful' }), ...errorResponses({ badRequest: "baselines: must be 'true' or 'false'" }) } } },
      async (request) => {
        const withBaselines = request.query.baselines === 'true' && app.store.settings.licenseMode() === 'advantage';
        const kit = baselineKit(app);
        return app.store.presets.list().map((p) => preset(p, withBaselines ? app.store.baselines.ofPreset(p.id).map((b) => kit.shown(kit.stateOf(b.id))) : []));
      },
    );
  }
  {
    const { url, docs } = operation('GET', '/presets/{preset_id}');
    app.get(
      url,
      { schema: { ...docs, params: Params, response: { 200: doc(PresetSchema, { description: 'object successful' }), ...errorResponses(PRESET_ERRORS) } } },
      async (request) => preset(presetOf(app, request.params.preset_id)),
    );
  }
  {
    const { url, docs } = operation('GET', '/presets/{preset_id}/dataInfo', 'WAL reads `presetDataAvailable` and `lastRefresh` (ms); a 404 tells it the preset is unknown.');
    app.get(
      url,
      { schema: { ...docs, params: Params, response: { 200: doc(PresetDataInfoSchema, { description: 'requested registered' }), ...errorResponses(PRESET_ERRORS) } } },
      async (request) => {
        const id = checkId(request.params.preset_id, 'preset');
        // A preset's data state is kept with it: none for an unknown preset.
        return presetDataInfo(found(app.store.presets.dataInfo(id), 'Preset', id));
      },
    );
  }
};

export default plugin;
