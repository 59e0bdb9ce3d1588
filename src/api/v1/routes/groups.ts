/** Groups (guide 6.5): read, create, edit and explode; the writes are src/operations/groups.ts's. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GROUP_COLORS, INDUSTRIAL_IMPACTS } from '../../../domain/vocabulary.js';
import { errors } from '../../../errors.js';
import { type GroupFields, createGroup, deleteGroup, editGroup } from '../../../operations/groups.js';
import * as serialize from '../serialize.js';
import { EmptySchema, GroupSchema, errorAnswer } from '../schemas.js';
import { EXAMPLES, IDS, UNKNOWN_ID, answer } from '../examples.js';
import { MESSAGES, checkId, docs, errorResponses, found, idErrors } from '../kit.js';
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

/** The fields both writes share, as the operations take them. */
function fields(b: z.infer<typeof EditBody>): GroupFields {
  return { description: b.description, comments: b.comments, color: b.color, industrialImpact: b.industrial_impact, properties: b.properties };
}

const CONFLICTS = {
  309: errorAnswer('A listed component is already in a group', errors.alreadyGrouped('93b5cfca-77bb-5551-ad5f-e9443279c640').message),
  409: errorAnswer('A group with this label already exists', errors.labelTaken('GROUP SIEMENS').message),
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  const ctx = { store, clock: app.clock, newId: () => app.newId() };

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
      const id = createGroup(ctx, { ...fields(b), label: b.label, members: { componentIds: b.components } });
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
      editGroup(ctx, id, { ...fields(b), label: b.label, members: b.components ? { componentIds: b.components } : undefined });
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
      deleteGroup(ctx, id);
      return reply.send();
    },
  );
};

export default plugin;
