/**
 * A baseline's differences (Cisco's "BaselineDifferences", the reads): the list, one target's (a
 * component or an activity, with its differences), and what caused them (its tags, properties,
 * variable accesses and flows). The reviews are ./baseline-reviews.ts. Over
 * src/operations/baseline-differences.ts; each answers 402 outside advantage mode (Cisco:
 * "accessible only in advantage mode"), after the token.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BaselineTarget, type ShownDifference, newVariableAccesses, targetStatus } from '../../../domain/baseline.js';
import { DIFFERENCE_FIELDS, FLOW_FIELDS, type DifferenceField } from '../../../domain/list-fields.js';
import { type InMemoryShape, listInMemory } from '../../../domain/list-in-memory.js';
import { errors } from '../../../errors.js';
import { differenceFlows, differingTargets, newAccessesHeld, targetOf } from '../../../operations/baseline-differences.js';
import type { BaselineState } from '../../../operations/baselines.js';
import { found } from '../../kit.js';
import { scalar } from '../../params.js';
import { sendList } from '../answer.js';
import { errorResponses, operation } from '../kit.js';
import { listParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import { activityRows } from '../activity-rows.js';
import {
  BaselineActivitySchema,
  BaselineComponentFieldsSchema,
  BaselineDifferenceSchema,
  DifferenceTagSchema,
  PropertySchema,
  VariableMonitorSchema,
} from '../schemas/baselines.js';
import { FlowSchema } from '../schemas/flows.js';
import { DetailedTagSchema } from '../schemas/tags.js';
import { baselineDifference, difference, variableMonitor, withDifferences } from '../serialize/baselines.js';
import { componentFields } from '../serialize/components.js';
import { flow } from '../serialize/flows.js';
import { countedTag, detailedTag } from '../serialize/tags.js';
import { BASELINE_ERRORS, TARGET_NOT_FOUND as NOT_FOUND, baselineId, baselineKit, checkedTarget, targetIdParam as targetId, targetParam as target } from '../baseline-kit.js';

const DifferencesQuery = z.object(listParams(DIFFERENCE_FIELDS));

/** The shape a difference list is sorted and filtered by (Cisco's Difference fields). */
const BY_DIFFERENCE: InMemoryShape<{ d: ShownDifference }, DifferenceField> = {
  fields: DIFFERENCE_FIELDS,
  value: { type: (r) => r.d.type, key: (r) => r.d.key, value: (r) => r.d.value, detection: (r) => r.d.detection },
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const kit = baselineKit(app);
  const ADVANTAGE = { onRequest: kit.advantageOnly };

  /** A target's shown differences, with the rows filtered by the list request. */
  function listOf<T>(rows: readonly T[], diffOf: (r: T) => ShownDifference, query: z.infer<typeof DifferencesQuery>): T[] {
    const wrapped = rows.map((r) => ({ r, d: diffOf(r) }));
    return listInMemory(wrapped, listRequest(query), BY_DIFFERENCE).map((x) => x.r);
  }

  const diffsOf = (s: BaselineState, t: BaselineTarget, id: string): ShownDifference[] => targetOf(store, s, t, id).found?.diffs ?? [];

  const all = operation('GET', '/baselines/{id}/differences', 'Every difference of the world from the baseline now (those ignored left out): components first, then activities.');
  app.get(
    all.url,
    {
      ...ADVANTAGE,
      schema: { ...all.docs, params: z.object({ id: baselineId }), response: { 200: doc(z.array(BaselineDifferenceSchema), { description: 'list of baseline differences' }), ...errorResponses(BASELINE_ERRORS) } },
    },
    async (request) => {
      const s = kit.stateOf(request.params.id);
      return [...differingTargets(store, s)].flatMap((t) => t.diffs.map((d) => baselineDifference(s.baseline.id, d)));
    },
  );

  const one = operation(
    'GET',
    '/baselines/{baseline_id}/differences/{target}/{id}',
    'The component (as GET /baselines/{id}/visualisations/component-list shows it) or the activity, with its differences; 404 when it shows none, or when neither the baseline nor its preset knows it.',
  );
  app.get(
    one.url,
    {
      ...ADVANTAGE,
      schema: {
        ...one.docs,
        params: z.object({ baseline_id: baselineId, target, id: targetId }),
        response: {
          200: doc(z.union([BaselineComponentFieldsSchema, BaselineActivitySchema]), { description: 'object successful (either model Activity or Component)' }),
          ...errorResponses(NOT_FOUND),
        },
      },
    },
    async (request) => {
      const { baseline_id, target: t, id: raw } = request.params;
      const s = kit.stateOf(baseline_id);
      const id = checkedTarget(t, raw);
      const diffs = diffsOf(s, t, id);
      if (diffs.length === 0) throw errors.notFound(`Differences of the ${t === 'components' ? 'component' : 'activity'}`, raw);
      const l = app.lookups();
      const held = t === 'components' ? (newAccessesHeld(store, s, [id]).get(id) ?? 0) : newVariableAccesses(diffs);
      const extra = withDifferences(diffs, targetStatus(diffs), held);
      if (t === 'components') {
        const rowid = store.baselines.componentRowid(id) as number;
        return { ...componentFields(store.componentViews.views([rowid])[0] as NonNullable<ReturnType<typeof store.componentViews.views>[number]>, l), ...extra };
      }
      return { ...(activityRows(store, [found(store.activities.get(id), 'Activity', raw)], l)[0] as object), ...extra };
    },
  );

  const tags = operation('GET', '/baselines/{baseline_id}/{target}/{target_id}/visualisations/tag-list', 'The tags of the component or the activity that the baseline does not hold, each with its difference.');
  app.get(
    tags.url,
    {
      ...ADVANTAGE,
      schema: {
        ...tags.docs,
        params: z.object({ baseline_id: baselineId, target, target_id: targetId }),
        querystring: DifferencesQuery,
        response: { 200: doc(z.array(DifferenceTagSchema), { description: 'list of tags related with differences' }), ...errorResponses(NOT_FOUND) },
      },
    },
    async (request) => {
      const { baseline_id, target: t, target_id } = request.params;
      const s = kit.stateOf(baseline_id);
      const l = app.lookups();
      const newTags = diffsOf(s, t, checkedTarget(t, target_id)).filter((d) => d.type === 'newTag');
      return listOf(newTags, (d) => d, request.query).map((d) => {
        const known = l.tags.get(d.key);
        return { ...(known ? detailedTag(known) : countedTag({ tag: d.key, important: false, count: 0 }, l)), nbOccurences: undefined, difference: difference(d) };
      });
    },
  );

  const properties = operation(
    'GET',
    '/baselines/{baseline_id}/components/{component_id}/visualisations/property-list',
    'The properties of the component that the baseline does not hold, or holds with another value (`difference.oldValue`).',
  );
  app.get(
    properties.url,
    {
      ...ADVANTAGE,
      schema: {
        ...properties.docs,
        params: z.object({ baseline_id: baselineId, component_id: targetId }),
        querystring: DifferencesQuery,
        response: { 200: doc(z.array(PropertySchema), { description: 'list of component properties related with differences' }), ...errorResponses(NOT_FOUND) },
      },
    },
    async (request) => {
      const s = kit.stateOf(request.params.baseline_id);
      const changed = diffsOf(s, 'components', checkedTarget('components', request.params.component_id)).filter((d) => d.type === 'newProperty' || d.type === 'changedProperty');
      return listOf(changed, (d) => d, request.query).map((d) => ({ key: d.key, value: d.value, difference: difference(d) }));
    },
  );

  const variables = operation(
    'GET',
    '/baselines/{baseline_id}/activities/{activity_id}/visualisations/variable-list',
    'The variable accesses of the activity that the baseline does not hold: the variable one end holds, the other end (`client`) reading or writing it.',
  );
  app.get(
    variables.url,
    {
      ...ADVANTAGE,
      schema: {
        ...variables.docs,
        params: z.object({ baseline_id: baselineId, activity_id: targetId }),
        querystring: DifferencesQuery,
        response: { 200: doc(z.array(VariableMonitorSchema), { description: 'list of variables for activities that caused the differences to appear' }), ...errorResponses(NOT_FOUND) },
      },
    },
    async (request) => {
      const s = kit.stateOf(request.params.baseline_id);
      const id = checkedTarget('activities', request.params.activity_id);
      const t = targetOf(store, s, 'activities', id).found;
      const accessDiffs = (t?.diffs ?? []).filter((d) => d.type === 'newVariableAccess');
      const accesses = store.baselines.accesses(accessDiffs.map((d) => d.key.split('/')[0] as string));
      const authors = store.componentViews.byIds([...accesses.values()].map((a) => a.authorId));
      const l = app.lookups();
      return listOf(accessDiffs, (d) => d, request.query).flatMap((d) => {
        const access = accesses.get(d.key);
        return access ? [variableMonitor(d, access, authors.get(access.authorId), t?.now.tags ?? [], l)] : [];
      });
    },
  );

  const flows = operation(
    'GET',
    '/baselines/{id}/{target}/{targetId}/visualisations/flow-list',
    'The flows that caused the differences of the component or the activity: every flow of a new activity, the flows carrying a new tag of a changed one (a component: of its activities). With `prop=tags`, the tags of those flows, each with how many carry it. Without `page` and `size`, every one.',
  );
  app.get(
    flows.url,
    {
      ...ADVANTAGE,
      schema: {
        ...flows.docs,
        params: z.object({ id: baselineId, target, targetId }),
        querystring: z.object({
          ...listParams(FLOW_FIELDS),
          prop: doc(scalar(z.enum(['tags'], { error: "must be 'tags'" }).optional()), { description: "if prop = 'tags', returned data is a list of DetailedTag" }),
        }),
        response: { 200: doc(z.union([z.array(FlowSchema), z.array(DetailedTagSchema)]), { description: 'list of flows that caused the differences to appear' }), ...errorResponses(NOT_FOUND) },
      },
    },
    async (request, reply) => {
      const { id: bid, target: t, targetId: raw } = request.params;
      const { prop, ...query } = request.query;
      const s = kit.stateOf(bid);
      const causes = differenceFlows(store, s, t, checkedTarget(t, raw));
      const l = app.lookups();
      const req = listRequest(query);
      if (prop === 'tags') {
        const counts = new Map<string, { count: number; important: boolean }>();
        if (causes.length > 0) {
          for (const v of store.flowViews.causing(causes, { sort: [], filters: req.filters })) {
            for (const [tag, cls] of Object.entries(v.flow.tags)) {
              const c = counts.get(tag) ?? { count: 0, important: false };
              counts.set(tag, { count: c.count + 1, important: c.important || cls === 'important' });
            }
          }
        }
        return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([tag, c]) => countedTag({ tag, ...c }, l));
      }
      return sendList(reply, req, { rows: causes.length > 0 ? store.flowViews.causing(causes, req) : [], serialize: (v) => flow(v, l) });
    },
  );

};

export default plugin;
