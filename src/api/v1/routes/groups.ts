/** Groups (guide 6.5): read, create, edit and explode. Each write is one transaction. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GroupProperty } from '../../../domain/types.js';
import { GROUP_COLORS, INDUSTRIAL_IMPACTS } from '../../../domain/vocabulary.js';
import { errors } from '../../../errors.js';
import type { GroupChange } from '../../../store/groups.js';
import * as serialize from '../serialize.js';
import { EmptySchema, GroupSchema, errorAnswer } from '../schemas.js';
import { EXAMPLES, IDS, UNKNOWN_ID, answer } from '../examples.js';
import { MESSAGES, checkId, componentRowids, docs, errorResponses, found, idErrors } from '../kit.js';
import { idParams, uuid } from '../params.js';

const TAG = 'Groups';

const text = (what: string) => z.string({ error: `must be a string (${what})` });
/** guide 6.5.3: the colours are upper case; a client's "red" is read as RED. */
const color = z
  .string({ error: 'must be a string' })
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(GROUP_COLORS, { error: `must be one of ${GROUP_COLORS.join(', ')}` }));
const GroupFields = {
  label: text('the group label').trim().min(1, 'must not be empty').meta({ description: 'Unique without regard to case.' }),
  description: text('a short description').optional().meta({ description: 'A short description of the group.' }),
  comments: text('creator comments').optional().meta({ description: 'Creator comments about the group.' }),
  color: color.optional().meta({ description: `The colour in the Center's web app: ${GROUP_COLORS.join(', ')}, in any case.`, enum: [...GROUP_COLORS] }),
  industrial_impact: z.enum(INDUSTRIAL_IMPACTS, { error: `must be one of ${INDUSTRIAL_IMPACTS.join(', ')}` }).optional(),
  properties: z
    .array(z.object({ label: text('the property label').min(1, 'must not be empty'), value: text('the property value') }).strict())
    .optional()
    .meta({ description: 'The group properties, in order (they replace the existing ones).' }),
  components: z
    .array(uuid, { error: 'must be an array of component ids' })
    .min(1, 'must hold at least one component id')
    .meta({ description: 'The ids of the components the group holds; at least one, none of them in another group.' }),
};
const CreateBody = z
  .object({ ...GroupFields, label: GroupFields.label.meta({ description: 'Mandatory; unique without regard to case.' }) })
  .strict()
  .meta({
    example: {
      label: 'Room 214',
      description: 'All the PLCs installed in Room 214 of Floor 1',
      comments: "Sentryo Sensor's in left servers rack",
      color: 'RED',
      components: [IDS.ungroupedComponent],
    },
  });
const EditBody = z
  .object({
    ...GroupFields,
    label: GroupFields.label.optional(),
    components: GroupFields.components.optional().meta({ description: 'The components the group holds from now on.' }),
  })
  .strict()
  .meta({ example: { comments: "Sentryo Sensor's in right servers rack", color: 'PINK' } });

const CONFLICTS = {
  309: errorAnswer('A listed component is already in a group', errors.alreadyGrouped('93b5cfca-77bb-5551-ad5f-e9443279c640').message),
  409: errorAnswer('A group with this label already exists', errors.labelTaken('GROUP SIEMENS').message),
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  /** Properties as the Group holds them: positions in the given order, updated now. */
  const properties = (list: { label: string; value: string }[] | undefined): GroupProperty[] | undefined =>
    list?.map((p, position) => ({ position, label: p.label, value: p.value, lastUpdate: app.clock.now() }));

  /** 309 when a component is in a group other than `own` (guide 6.5.3, 6.5.4). */
  function checkUngrouped(ids: readonly string[], rowids: readonly number[], own: number | null): void {
    rowids.forEach((rowid, i) => {
      const holder = store.groups.groupOf(rowid);
      if (holder !== null && holder !== own) throw errors.alreadyGrouped(ids[i] ?? '');
    });
  }

  /** 409 when another group has the label (compared without case). */
  function checkLabel(label: string, own: number | null): void {
    const holder = store.groups.withLabel(label);
    if (holder !== undefined && holder !== own) throw errors.labelTaken(label);
  }

  app.get(
    '/group',
    {
      schema: {
        ...docs(TAG, 'getGroups', 'Get all groups', '6.5.1', 'Each group comes with its components.'),
        response: { 200: answer(z.array(GroupSchema), 'The groups (guide 5.4)', EXAMPLES.groups), ...errorResponses() },
      },
    },
    async () => {
      const labels = store.tags.labels();
      return store.groups.list().map((g) => serialize.group(g, labels));
    },
  );

  app.get(
    '/group/:id',
    {
      schema: {
        ...docs(TAG, 'getGroup', 'Get a group', '6.5.2'),
        params: idParams('group', IDS.group),
        response: { 200: answer(GroupSchema, 'The group (guide 5.4)', EXAMPLES.group), ...errorResponses(idErrors('group', 'Group')) },
      },
    },
    async (request) => {
      const id = checkId(request.params.id, 'group');
      return serialize.group(found(store.groups.get(id), 'Group', id), store.tags.labels());
    },
  );

  app.post(
    '/group',
    {
      schema: {
        ...docs(TAG, 'createGroup', 'Create a group', '6.5.3', 'Answers the created Group. Unknown component ids: 400 naming them.'),
        body: CreateBody,
        response: {
          200: answer(GroupSchema, 'The created group (guide 5.4)', EXAMPLES.createdGroup),
          ...CONFLICTS,
          ...errorResponses({ badRequest: errors.unknownComponents([UNKNOWN_ID], 400).message }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const ids = [...new Set(b.components.map((id) => id.toLowerCase()))];
      const id = app.newId();
      store.transaction(() => {
        const rowids = componentRowids(app, ids, 400);
        checkLabel(b.label, null);
        checkUngrouped(ids, rowids, null);
        store.groups.insert(
          {
            id,
            creationTime: app.clock.now(),
            label: b.label,
            description: b.description ?? '',
            comments: b.comments ?? '',
            // divergence: the guide does not say; these are the values of its sample group (5.4).
            color: b.color ?? 'GRAY',
            industrialImpact: b.industrial_impact ?? 'VERY_LOW',
            properties: properties(b.properties) ?? [],
          },
          rowids,
        );
      });
      return serialize.group(found(store.groups.get(id), 'Group', id), store.tags.labels());
    },
  );

  app.put(
    '/group/:id',
    {
      schema: {
        ...docs(TAG, 'editGroup', 'Edit a group', '6.5.4', 'Every field is optional; `components` replaces the members. Answers an empty 200.'),
        params: idParams('group', IDS.group),
        body: EditBody,
        response: {
          200: EmptySchema,
          ...CONFLICTS,
          ...errorResponses({ badRequest: `Invalid body field "color": must be one of ${GROUP_COLORS.join(', ')}`, notFound: MESSAGES.notFound('Group') }),
        },
      },
    },
    async (request, reply) => {
      const id = checkId(request.params.id, 'group');
      const b = request.body;
      store.transaction(() => {
        const rowid = found(store.groups.rowid(id), 'Group', id);
        if (b.label !== undefined) checkLabel(b.label, rowid);
        // Every check before the first write.
        const ids = b.components ? [...new Set(b.components.map((c) => c.toLowerCase()))] : undefined;
        const members = ids ? componentRowids(app, ids, 400) : undefined;
        if (ids && members) checkUngrouped(ids, members, rowid);
        const change: GroupChange = {
          label: b.label,
          description: b.description,
          comments: b.comments,
          color: b.color,
          industrialImpact: b.industrial_impact,
          properties: properties(b.properties),
        };
        store.groups.update(rowid, change);
        if (members) store.groups.setMembers(rowid, members);
      });
      return reply.send();
    },
  );

  app.delete(
    '/group/:id',
    {
      schema: {
        ...docs(TAG, 'explodeGroup', 'Explode a group', '6.5.5', 'The group goes; its components stay, in no group. Answers an empty 200.'),
        params: idParams('group', IDS.group),
        response: { 200: EmptySchema, ...errorResponses(idErrors('group', 'Group')) },
      },
    },
    async (request, reply) => {
      const id = checkId(request.params.id, 'group');
      store.transaction(() => store.groups.delete(found(store.groups.rowid(id), 'Group', id)));
      return reply.send();
    },
  );
};

export default plugin;
