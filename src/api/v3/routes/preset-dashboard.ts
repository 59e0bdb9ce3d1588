/**
 * A preset's dashboard (Cisco's "Dashboard"): GET /presets/{preset_id}/visualisations/dashboard
 * and its preview POST /presets/preview/visualisations/dashboard (a PresetPayload not saved), both
 * through one view function of the scoped preset, so the preview answers what the GET answers
 * once the payload is saved. Cisco's AllCountResult: each count is what one of the preset's lists
 * gives, read from the same statements:
 * - `device`, `orphanComponent`: the devices and the other nodes of its networknode-list;
 * - `activity`: the rows of its activity-list; `vulnerability`: the rows of its vulnerability-list;
 * - `group`, `credential`, `variable`: the distinct groups of its nodes, the credentials and
 *   variables their components hold (each belongs to one component, so a sum over nodes);
 * - `tag`: its tag-list, as GET …/tag-list answers it with the same `from`/`to`;
 * - `riskScoreStats.median`: the median risk score of its devices.
 * `total` counts every row, `active` the rows the list keeps with `from`/`to` (active in the
 * window), `created` those whose first activity is in the window. divergence: Cisco does not
 * define active and created; credentials and variables have no time here, so all three are equal;
 * a vulnerability row's `created` is its `active`. divergence: `event` (EventCounts by severity
 * over the scope) is not served; `plc` is zeros (the world holds no program downloads).
 * divergence: Cisco caches this view; the emulator counts the live world at each request, each
 * count one grouped statement of the store over the list's own scope conditions, no row built
 * (src/store/network-node-list.ts `counts`, src/store/activities.ts `nodeCounts`,
 * src/store/vulnerability-views.ts `countInScope`, src/store/activity-views.ts `presetTags`).
 *
 * GET /homepage/presets-highlights (Cisco's "Presets") reads the same counts for each starred
 * preset. divergence: Cisco types one PresetHighlight; it is a list (Cisco: "list successful").
 * `events` is each node's events summed (an event between two nodes of the preset counts twice);
 * `riskScore` is the median of the dashboard. Cost: one dashboard per starred preset shown, and
 * one statement for its events (no cache: the answer is the live world, so nothing goes stale
 * after a write); `size` bounds it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { msFromMicros } from '../../../domain/time.js';
import { errors } from '../../../errors.js';
import { differencesDetected } from '../../../operations/baseline-differences.js';
import { scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { windowParams } from '../list-query.js';
import { listRequest, page, size } from '../params.js';
import { PREVIEW_ERRORS, PRESET_ERRORS, type ScopedPreset, componentsOf, presetId, presetOf, previewOf, scopeOf } from '../preset-lookup.js';
import { doc } from '../registry.js';
import { AllCountResultSchema, AllCountersSchema, PresetHighlightSchema } from '../schemas/dashboard.js';
import { PresetPreviewPayloadSchema } from '../schemas/preset-payload.js';
import { countedTag } from '../serialize/tags.js';
import { baselineKit } from '../baseline-kit.js';

const Params = z.object({ preset_id: presetId });
const Query = z.object(windowParams);
const HighlightsQuery = z.object({
  page,
  size,
  favoriteType: doc(scalar(z.enum(['all', 'operational', 'security'], { error: "must be 'all', 'operational' or 'security'" }).optional()), {
    description: 'which favorite presets: all (either star, the default), operational or security',
  }),
});
const BAD_FAVORITE = 'Invalid query parameter "favoriteType": must be \'all\', \'operational\' or \'security\'';
const BAD_FROM = 'Invalid query parameter "from": must be an integer';

const plugin: FastifyPluginAsyncZod = async (app) => {
  /** A preset's scope with its components decided once, for the statements that read it (src/store/scopes.ts `PinnedScope`). */
  const pinned = (preset: ScopedPreset) => app.store.scopes.pin(scopeOf(app, preset));

  /** The dashboard of a scoped preset, saved or previewed: each count one grouped statement of the store over the list's own scope. */
  const dashboard = (preset: ScopedPreset, q: z.infer<typeof Query>, scope = pinned(preset)) => {
    const { store } = app;
    const { from, to } = listRequest(q);
    const nodes = store.networkNodes.counts(scope, { from, to });
    const components = componentsOf(app, preset);
    const vulnerabilities = store.vulnerabilities.countInScope(components, {});
    const activeVulnerabilities = from === undefined && to === undefined ? vulnerabilities : store.vulnerabilities.countInScope(components, { from, to });
    const l = app.lookups();
    const same = (n: number) => ({ active: n, created: n, total: n });
    return {
      activity: store.activities.nodeCounts(scope, { from, to }),
      credential: same(nodes.credentials),
      device: nodes.device,
      group: nodes.group,
      orphanComponent: nodes.orphanComponent,
      plc: { created: 0, total: 0 },
      riskScoreStats: { median: nodes.medianRiskScore },
      tag: store.activityViews.presetTags(scope, { from, to }).map((t) => countedTag(t, l)),
      variable: same(nodes.variables),
      vulnerability: {
        active: activeVulnerabilities,
        created: activeVulnerabilities,
        deviceCount: nodes.vulnerableDevices,
        orphanComponentCount: nodes.vulnerableOrphans,
        total: vulnerabilities,
      },
    };
  };

  {
    // The Center's dashboard is that of a preset without filters (what "All data" keeps), plus
    // the baseline differences. Counted at each request (no cache), and each baseline's scope
    // compared.
    // divergence: Cisco does not say what `differences.total` counts: here every difference every
    // baseline shows now (GET /baselines/{id}/differences), those detected in the window; 0 in
    // essentials mode, where the baselines are out of reach (402).
    const { ctx, advantage } = baselineKit(app);
    const { url, docs } = operation(
      'GET',
      '/homepage/dashboard',
      'Counts of the whole Center: what GET /presets/{preset_id}/visualisations/dashboard answers for a preset without filters ("All data"), with `from`/`to`, and in `differences.total` the differences every baseline shows now (those detected in the window; 0 in essentials mode).',
    );
    app.get(
      url,
      { schema: { ...docs, querystring: Query, response: { 200: doc(AllCountersSchema, { description: 'object successful' }), ...errorResponses({ badRequest: BAD_FROM }) } } },
      async (request) => {
        const { from, to } = listRequest(request.query);
        return { ...dashboard(previewOf(app, {}), request.query), differences: { total: advantage() ? differencesDetected(ctx, from, to) : 0 } };
      },
    );
  }

  {
    const { url, docs } = operation(
      'GET',
      '/homepage/presets-highlights',
      'The starred presets (`favoriteType` `operational`, `security`, or `all`: either star), as GET /presets orders them, paged by `page` and `size`: each with its devices, device-less components (`orphans`) and vulnerabilities as its dashboard counts them, ' +
        'the median risk score of its devices, its events (each node\'s, summed) and `lastRefresh` (ms, as `dataInfo`). 404 when no preset is starred so.',
    );
    app.get(
      url,
      { schema: { ...docs, querystring: HighlightsQuery, response: { 200: doc(z.array(PresetHighlightSchema), { description: 'list successful' }), ...errorResponses({ badRequest: BAD_FAVORITE, notFound: 'Favorite presets not found: all' }) } } },
      async (request) => {
        const type = request.query.favoriteType ?? 'all';
        const starred = app.store.presets.list().filter((p) => (type === 'all' ? p.operationalStarred || p.securityStarred : type === 'operational' ? p.operationalStarred : p.securityStarred));
        if (starred.length === 0) throw errors.notFound('Favorite presets', type);
        const { page = 1, size } = request.query;
        const shown = size === undefined ? (page > 1 ? [] : starred) : starred.slice((page - 1) * size, page * size);
        return shown.map((p) => {
          const scope = pinned(p);
          const result = dashboard(p, {}, scope);
          return {
            id: p.id,
            label: p.label,
            categoryLabel: p.category?.label ?? '',
            devices: result.device.total,
            orphans: result.orphanComponent.total,
            vulnerabilities: result.vulnerability.total,
            events: app.store.networkNodes.events(scope),
            riskScore: result.riskScoreStats.median,
            lastRefresh: msFromMicros(app.store.presets.dataInfo(p.id)?.lastRefresh ?? 0),
          };
        });
      },
    );
  }

  const Answer = doc(AllCountResultSchema, { description: 'object successful' });
  {
    const { url, docs } = operation(
      'GET',
      '/presets/{preset_id}/visualisations/dashboard',
      "Counts of the preset's objects, each what one of its lists gives: devices and device-less components (networknode-list), activities (activity-list), vulnerabilities (vulnerability-list), tags (tag-list), groups, credentials and variables of its nodes, the devices' median risk score. " +
        '`total` every row, `active` those active between `from` and `to` (ms), `created` those first seen then. Computed from the live world (Cisco caches it).',
    );
    app.get(
      url,
      { schema: { ...docs, params: Params, querystring: Query, response: { 200: Answer, ...errorResponses({ ...PRESET_ERRORS, badRequest: BAD_FROM }) } } },
      async (request) => dashboard(presetOf(app, request.params.preset_id), request.query),
    );
  }
  {
    const { url, docs } = operation(
      'POST',
      '/presets/preview/visualisations/dashboard',
      'The dashboard of a preset with this payload: what GET /presets/{preset_id}/visualisations/dashboard answers once the payload is saved by POST /presets. Nothing is stored.',
    );
    app.post(
      url,
      { schema: { ...docs, body: PresetPreviewPayloadSchema, querystring: Query, response: { 200: Answer, ...errorResponses(PREVIEW_ERRORS) } } },
      async (request) => dashboard(previewOf(app, request.body), request.query),
    );
  }
};

export default plugin;
