/** Tags (guide 6.8.1): the catalogue, and the tags clients add ("My tag"). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TAG_TYPES } from '../../../domain/vocabulary.js';
import { errors } from '../../../errors.js';
import { createTag, deleteTag, updateTag } from '../../../operations/tags.js';
import * as serialize from '../serialize.js';
import { EmptySchema, TagSchema, TagSummarySchema, errorAnswer } from '../schemas.js';
import { EXAMPLES, answer } from '../examples.js';
import { MESSAGES, docs, errorResponses, found } from '../kit.js';

const TAG = 'Tags and analyzer rules';

/** guide 6.8.1.3: "The key can only contain char between a and z (lower or uppercase) and _". */
const key = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z_]+$/, 'may only hold the letters a-z, A-Z and _')
  .meta({ description: 'The tag key: the letters a-z, A-Z and _ only.', example: 'WEB_CUSTOM' });
const TagFields = {
  label: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').meta({ description: 'The name shown for the tag.' }),
  desc: z.string({ error: 'must be a string' }).optional().meta({ description: 'A description.' }),
  type: z.enum(TAG_TYPES, { error: 'must be "flow" or "component"' }).optional().meta({ description: 'What the tag applies to; "flow" by default.' }),
  IT: z.boolean({ error: 'must be a boolean' }).optional().meta({ description: 'The IT domain; true by default.' }),
  OT: z.boolean({ error: 'must be a boolean' }).optional().meta({ description: 'The OT domain; true by default.' }),
};
const CreateBody = z
  .object({ tag: key, ...TagFields })
  .strict()
  .meta({ example: { tag: 'WEB_CUSTOM', label: 'Web Custom', desc: 'Web protocols of the plant', type: 'flow', IT: true, OT: false } });
const UpdateBody = z
  .object({ tag: key.optional(), ...TagFields, label: TagFields.label.optional() })
  .strict()
  .meta({ example: { tag: 'WEB_CUSTOM', label: 'Web Custom Updated' } });
const tagParams = (example: string) => z.object({ tag: z.string().meta({ description: 'The tag key.', example }) });
/** A Knowledge DB tag to read; a tag added through the API to change or delete (guide 6.8.1.4, 6.8.1.5). */
const TagParams = tagParams('WEB');
const OwnTagParams = tagParams('WEB_CUSTOM');

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/tags',
    {
      schema: {
        ...docs(TAG, 'getTags', 'Get all tags', '6.8.1.1', 'Knowledge DB tags and the ones added through the API.'),
        response: { 200: answer(z.array(TagSummarySchema), 'The tags', EXAMPLES.tags), ...errorResponses() },
      },
    },
    async () => store.tags.list().map(serialize.tagSummary),
  );

  app.get(
    '/analyzer/tag/:tag',
    {
      schema: {
        ...docs(TAG, 'getTag', 'Get a custom tag', '6.8.1.2'),
        params: TagParams,
        response: { 200: answer(TagSchema, 'The tag', EXAMPLES.tag), ...errorResponses({ notFound: MESSAGES.notFound('Tag', 'NO_SUCH_TAG') }) },
      },
    },
    async (request) => serialize.tagDetail(found(store.tags.get(request.params.tag), 'Tag', request.params.tag)),
  );

  app.post(
    '/analyzer/tag',
    {
      schema: {
        ...docs(TAG, 'createTag', 'Create a tag', '6.8.1.3', 'Only `tag` and `label` are mandatory; `type` defaults to flow, `IT` and `OT` to true.'),
        body: CreateBody,
        response: {
          200: answer(TagSchema, 'The created tag, in the "My tag" category', EXAMPLES.createdTag),
          409: errorAnswer('A tag with this key already exists', errors.tagTaken('WEB').message),
          ...errorResponses({ badRequest: 'Invalid body field "tag": may only hold the letters a-z, A-Z and _' }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      return serialize.tagDetail(createTag(store, { key: b.tag, label: b.label, description: b.desc ?? '', type: b.type ?? 'flow', it: b.IT ?? true, ot: b.OT ?? true }));
    },
  );

  app.put(
    '/analyzer/tag/:tag',
    {
      schema: {
        ...docs(TAG, 'updateTag', 'Update a tag', '6.8.1.4', 'The key cannot change: a body `tag` must equal the path. Knowledge DB tags cannot be changed.'),
        params: OwnTagParams,
        body: UpdateBody,
        response: {
          200: answer(TagSchema, 'The updated tag', EXAMPLES.updatedTag),
          ...errorResponses({ badRequest: errors.knowledgeDbTag('WEB', 'changed').message, notFound: MESSAGES.notFound('Tag', 'WEB_CUSTOM') }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      return serialize.tagDetail(updateTag(store, request.params.tag, b.tag, { label: b.label, description: b.desc, type: b.type, it: b.IT, ot: b.OT }));
    },
  );

  app.delete(
    '/analyzer/tag/:tag',
    {
      schema: {
        ...docs(TAG, 'deleteTag', 'Delete a tag', '6.8.1.5', 'Only tags added through the API, and not while a rule names them. Flows and components lose the tag.'),
        params: OwnTagParams,
        response: {
          200: EmptySchema,
          ...errorResponses({ badRequest: errors.tagInUse('WEB_CUSTOM', ['bd1c1b0b-eb8c-4740-a870-e1fac758ef2b']).message, notFound: MESSAGES.notFound('Tag', 'WEB_CUSTOM') }),
        },
      },
    },
    async (request, reply) => {
      deleteTag(store, request.params.tag);
      return reply.send();
    },
  );
};

export default plugin;
