/**
 * PCAP replays (Cisco's "PcapReplays"): GET /pcapReplays, and the tus 1.0.0 upload
 * (https://tus.io/protocols/resumable-upload, core protocol and the "creation" extension) under
 * /pcapReplays/uploads/: OPTIONS tells the server's capabilities, POST creates an upload
 * (Upload-Length, Upload-Metadata) and answers its Location, HEAD tells its offset, PATCH appends
 * the next chunk (application/offset+octet-stream, at Upload-Offset). Over
 * src/operations/pcap-replays.ts; the bytes are kept in the database. A finished upload is a
 * replay listed by GET /pcapReplays. divergence: nothing is replayed into the world.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_PCAP_SIZE, type PcapReplay, TUS_VERSION } from '../../../domain/pcap-replay.js';
import { appendChunk, createUpload, parseUploadMetadata, tusErrors } from '../../../operations/pcap-replays.js';
import { V3 } from '../../surfaces.js';
import { ErrorSchema, errorResponses, operation } from '../kit.js';
import { ciscoOperation, fastifyPath } from '../operations.js';
import { doc } from '../registry.js';
import { PcapListSchema } from '../schemas/pcap-replays.js';
import { pcap } from '../serialize/pcap-replays.js';

const OFFSET_STREAM = 'application/offset+octet-stream';
const EXTENSIONS = 'creation';
const EXAMPLE_TUS_ID = '0f8e4c3a2b1d4e5f9a8b7c6d5e4f3a2b';
const TusParams = z.object({ tusId: doc(z.string(), { description: 'ID given by the POST endpoint in the Location header (uuid without dashes)', example: EXAMPLE_TUS_ID }) });
const EMPTY = (description: string) => doc(z.literal(''), { description, example: '' });
const tusError = (description: string, message: string) => doc(ErrorSchema, { description, examples: [{ status: 'error', message, error: message }] });
const TUS_ERRORS = {
  412: tusError('Tus-Resumable missing or not 1.0.0 (the answer carries Tus-Version)', tusErrors.version(undefined).message),
};

/** The OPTIONS and HEAD operations: `operation()` of ./kit.ts takes the five usual methods only. */
function tusOperation(method: 'OPTIONS' | 'HEAD', path: string, description: string) {
  const op = ciscoOperation(method, path);
  return { url: fastifyPath(path), docs: { tags: op.tag ? [op.tag] : [], operationId: op.operationId ?? undefined, summary: op.summary ?? undefined, description, security: [{ token: [] }] } };
}

/** A non-negative integer header, or undefined when absent or not one. */
function integerHeader(request: FastifyRequest, name: string): number | undefined {
  const raw = request.headers[name];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || !/^\d{1,16}$/.test(text.trim())) return undefined;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : undefined;
}

const encodeMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => (v === '' ? k : `${k} ${Buffer.from(v, 'utf8').toString('base64')}`))
    .join(',');

const uploadHeaders = (reply: FastifyReply, r: PcapReplay) =>
  reply.header('Upload-Offset', String(r.offset)).header('Upload-Length', String(r.length)).header('Cache-Control', 'no-store');

/** The tus routes, in a scope of their own: their headers, their checks and their content type stay there. */
const tus: FastifyPluginAsyncZod = async (app) => {
  const ctx = { store: app.store, clock: app.clock, newId: () => app.newId() };
  // tus 1.0.0: "The Tus-Resumable header MUST be included in every request and response except
  // for OPTIONS requests"; the emulator also answers it to OPTIONS, as tusd does.
  app.addHook('onSend', async (request, reply) => {
    reply.header('Tus-Resumable', TUS_VERSION);
    if (reply.statusCode === 412) reply.header('Tus-Version', TUS_VERSION);
  });
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS') return;
    const version = request.headers['tus-resumable'];
    if (version !== TUS_VERSION) throw tusErrors.version(Array.isArray(version) ? version[0] : version);
  });
  // Only PATCH sends bytes, and only here: the parser is this scope's.
  app.addContentTypeParser(OFFSET_STREAM, { parseAs: 'buffer', bodyLimit: MAX_PCAP_SIZE }, (_request, body, done) => done(null, body));

  const options = tusOperation(
    'OPTIONS',
    '/pcapReplays/uploads/',
    `The server's tus capabilities, in headers: Tus-Resumable and Tus-Version ${TUS_VERSION}, Tus-Extension "${EXTENSIONS}", Tus-Max-Size ${MAX_PCAP_SIZE} (divergence: Cisco gives no limit). Empty 200.`,
  );
  app.route({
    method: 'OPTIONS',
    url: options.url,
    schema: { ...options.docs, response: { 200: EMPTY('Empty response, interesting data is in headers, prefixed by "tus-".'), ...errorResponses() } },
    handler: async (_request, reply) =>
      reply.code(200).header('Tus-Version', TUS_VERSION).header('Tus-Extension', EXTENSIONS).header('Tus-Max-Size', String(MAX_PCAP_SIZE)).send(''),
  });

  const create = operation(
    'POST',
    '/pcapReplays/uploads/',
    'tus creation: Upload-Length (mandatory, at most Tus-Max-Size: 413 past it; Upload-Defer-Length is not supported) and Upload-Metadata (Base64 pairs; `filename` is mandatory: the capture\'s name). ' +
      'Answers an empty 201 whose Location is the upload\'s URL (/api/3.0/pcapReplays/uploads/<uuid without dashes>); the replay is listed by GET /pcapReplays from then on. A body is ignored (no "creation-with-upload"). 412 without Tus-Resumable 1.0.0.',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        response: {
          201: EMPTY('Upload created successfully. Use Location header to continue with PATCH request(s).'),
          ...errorResponses({ badRequest: tusErrors.noLength().message }),
          ...TUS_ERRORS,
          413: tusError('Upload-Length exceeds Tus-Max-Size', tusErrors.tooLarge(MAX_PCAP_SIZE + 1).message),
        },
      },
    },
    async (request, reply) => {
      if (request.headers['upload-defer-length'] !== undefined) throw tusErrors.noLength();
      const length = integerHeader(request, 'upload-length');
      if (length === undefined) throw tusErrors.noLength();
      const metadata = parseUploadMetadata(request.headers['upload-metadata'] as string | undefined);
      const replay = createUpload(ctx, length, metadata);
      return reply.code(201).header('Location', `${V3.prefix}/pcapReplays/uploads/${replay.tusId}`).header('Upload-Offset', String(replay.offset)).send('');
    },
  );

  const head = tusOperation(
    'HEAD',
    '/pcapReplays/uploads/{tusId}',
    'The upload\'s progress, in headers: Upload-Offset (the bytes received), Upload-Length, Upload-Metadata (as sent), Cache-Control: no-store. 404 for an unknown upload; 412 without Tus-Resumable 1.0.0.',
  );
  app.route({
    // As an array, so that @fastify/swagger documents it under its own operationId (a lone HEAD it skips, or suffixes "-head").
    method: ['HEAD'],
    url: head.url,
    schema: {
      ...head.docs,
      params: TusParams,
      response: { 200: EMPTY('Empty response, interesting data is in headers (upload-* and tus-*).'), ...errorResponses({ notFound: tusErrors.notFound(EXAMPLE_TUS_ID).message }), ...TUS_ERRORS },
    },
    handler: async (request: FastifyRequest<{ Params: { tusId: string } }>, reply) => {
      const replay = app.store.pcapReplays.byTusId(request.params.tusId.toLowerCase());
      if (!replay) throw tusErrors.notFound(request.params.tusId);
      const metadata = encodeMetadata(replay.metadata);
      if (metadata !== '') reply.header('Upload-Metadata', metadata);
      return uploadHeaders(reply, replay).code(200).send('');
    },
  });

  const patch = operation(
    'PATCH',
    '/pcapReplays/uploads/{tusId}',
    `Appends the body (Content-Type ${OFFSET_STREAM}: 415 otherwise) at Upload-Offset, which must be the upload's offset (409 otherwise); answers an empty 204 with the new Upload-Offset. ` +
      'Past the Upload-Length, 413. When the last byte arrives, the file is checked by its magic number: a pcap or pcapng replay is "done", anything else "failed" (divergence: Cisco does not say). 404 for an unknown upload; 412 without Tus-Resumable 1.0.0.',
  );
  app.patch(
    patch.url,
    {
      schema: {
        ...patch.docs,
        params: TusParams,
        response: {
          204: doc(z.void(), { type: 'null', description: 'Data has been saved.' }),
          ...errorResponses({ badRequest: tusErrors.badOffset().message, notFound: tusErrors.notFound(EXAMPLE_TUS_ID).message, conflict: tusErrors.offsetMismatch(0, 1024).message }),
          ...TUS_ERRORS,
          413: tusError('The chunk would pass the Upload-Length', tusErrors.pastLength(2048, 1024).message),
          415: tusError('The body is not application/offset+octet-stream', tusErrors.mediaType().message),
        },
      },
      onRequest: async (request) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (type !== OFFSET_STREAM) throw tusErrors.mediaType();
        const length = integerHeader(request, 'content-length');
        if (length !== undefined && length > MAX_PCAP_SIZE) throw tusErrors.tooLarge(length);
      },
    },
    async (request, reply) => {
      const offset = integerHeader(request, 'upload-offset');
      if (offset === undefined) throw tusErrors.badOffset();
      const chunk = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const replay = appendChunk(ctx, request.params.tusId.toLowerCase(), offset, chunk);
      return reply.code(204).header('Upload-Offset', String(replay.offset)).send();
    },
  );
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const list = operation('GET', '/pcapReplays', 'Every capture uploaded (those still uploading too), the first first. divergence: no replay is injected into the world: the list tells what was uploaded and whether it is a capture.');
  app.get(list.url, { schema: { ...list.docs, response: { 200: doc(PcapListSchema, { description: 'list successful' }), ...errorResponses() } } }, async () =>
    app.store.pcapReplays.list().map(pcap),
  );
  await app.register(tus);
};

export default plugin;
