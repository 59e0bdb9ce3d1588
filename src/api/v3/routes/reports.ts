/**
 * Reports (Cisco's "Reports"): the report definitions under /reports2/reports-metadata, their
 * reports (generated within the request, each kept with one document per output format), the
 * download of a document, the logo upload and the report types, over src/operations/reports.ts.
 * Every document is kept in the database, as the definitions are.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ListFields } from '../../../domain/list-request.js';
import { listInMemory } from '../../../domain/list-in-memory.js';
import { REPORT_TYPES, type ReportMetadata } from '../../../domain/report.js';
import { ApiError, errors } from '../../../errors.js';
import {
  MAX_LOGO_SIZE,
  createReportMetadata,
  deleteReport,
  deleteReportMetadata,
  logoErrors,
  reportErrors,
  reportFile,
  runReport,
  updateReportMetadata,
  uploadLogo,
} from '../../../operations/reports.js';
import { checkId, found } from '../../kit.js';
import { multipartBoundary, parseMultipart } from '../../multipart.js';
import { scalar } from '../../params.js';
import { errorResponses, operation } from '../kit.js';
import { listParams } from '../list-query.js';
import { listRequest } from '../params.js';
import { doc } from '../registry.js';
import {
  CreateReportsMetadataNBReqSchema,
  PostReportsLogoRespSchema,
  ReportMetadataSchema,
  ReportsMetadataAndReportsRespSchema,
  ReportsSchema,
  ReportsTypeSchema,
  UpdateReportsMetadataPayLoadSchema,
} from '../schemas/reports.js';
import { reportMetadata, reports, reportsType } from '../serialize/reports.js';

const EXAMPLE_ID = '3f0b9a52-64c1-4d8e-9a0e-2c7d1b5e8f40';
const EXAMPLE = { name: 'Weekly inventory', description: 'For the plant manager', type: 'asset-inventory', output_type: ['PDF', 'CSV'] };
const IdParams = z.object({ id: doc(z.string(), { description: 'Id of reports metadata', example: EXAMPLE_ID }) });
const NOT_FOUND = errors.notFound('Reports metadata', EXAMPLE_ID).message;
const BAD_ID = errors.badId('reports metadata', 'x').message;
const EMPTY = doc(z.literal(''), { description: 'success response', example: '' });

/** The fields the definitions' list sorts and filters on (divergence: Cisco names none). */
const FIELDS = {
  name: { kind: 'text', sort: true, filter: true },
  report_type: { kind: 'exact', sort: true, filter: true },
  created_by: { kind: 'text', sort: true, filter: true },
  created_at: { kind: 'number', sort: true, filter: true },
  updated_at: { kind: 'number', sort: true, filter: true },
} as const satisfies ListFields<string>;
const SHAPE = {
  fields: FIELDS,
  value: {
    name: (m: ReportMetadata) => m.name,
    report_type: (m: ReportMetadata) => m.reportType,
    created_by: (m: ReportMetadata) => m.createdBy,
    created_at: (m: ReportMetadata) => Math.floor(m.createdTime / 1000),
    updated_at: (m: ReportMetadata) => Math.floor(m.updatedTime / 1000),
  },
};

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const ctx = { store, clock: app.clock, newId: () => app.newId() };
  const serialized = (m: ReportMetadata) => reportMetadata(m, store.reports.reports(m.id).at(-1), m.filterId === '' ? undefined : store.presets.get(m.filterId));
  const metadataId = (id: string) => checkId(id, 'reports metadata');

  const list = operation(
    'GET',
    '/reports2/reports-metadata',
    'Every report definition, oldest first, each with its latest report. An array (Cisco types one ReportMetadata). Sort and filter fields: name, report_type, created_by, created_at, updated_at (divergence: Cisco names none); without `page` and `size`, every one.',
  );
  app.get(
    list.url,
    {
      schema: {
        ...list.docs,
        querystring: z.object(listParams(FIELDS)),
        response: { 200: doc(z.array(ReportMetadataSchema), { description: 'success response' }), ...errorResponses({ badRequest: 'Invalid query parameter "sort": unknown field "bogus"' }) },
      },
    },
    async (request) => listInMemory(store.reports.list(), listRequest(request.query), SHAPE).map(serialized),
  );

  const create = operation(
    'POST',
    '/reports2/reports-metadata',
    'Creates a report definition and generates its first report at once (both ids answered). divergence: the name is unique without case (409); a type, format, section, preset or logo the Center does not know is a 400 naming the field; formats and sections left out are all those of the type.',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: doc(CreateReportsMetadataNBReqSchema, { example: EXAMPLE }),
        response: {
          201: doc(ReportsMetadataAndReportsRespSchema, { description: 'success response' }),
          ...errorResponses({ badRequest: reportErrors.unknownType('weekly').message, conflict: reportErrors.nameTaken('Weekly inventory').message }),
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const sections = b.sections?.map((s) => ({ sectionId: s.section_id, subSectionIds: s.sub_section_ids ?? [] }));
      const { metadata, report } = createReportMetadata(
        ctx,
        { name: b.name, description: b.description, type: b.type, outputTypes: b.output_type, sections, filterId: b.filter_id, filterType: b.filter_type, logoId: b.logo_id },
        request.tokenName ?? '',
      );
      return reply.code(201).send({ metadataId: metadata.id, reportsId: report.id });
    },
  );

  // Cisco: the logo is the form field `file` (multipart/form-data). Its parser lives in this plugin only.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_LOGO_SIZE + 64 * 1024 }, (_request, body, done) => done(null, body));
  const logo = operation(
    'POST',
    '/reports2/reports-metadata/logo',
    `Stores a logo: a multipart/form-data body whose field \`file\` is a PNG or JPEG image (by its first bytes; a part Content-Type, when given, must agree), at most ${MAX_LOGO_SIZE} bytes (413 past it). divergence: Cisco names no type and no limit.`,
  );
  app.post(
    logo.url,
    {
      schema: {
        ...logo.docs,
        response: {
          201: doc(PostReportsLogoRespSchema, { description: 'UUID of Logo Saved' }),
          ...errorResponses({ badRequest: logoErrors.badType('image/gif').message }),
          413: doc(z.object({ status: z.literal('error'), message: z.string(), error: z.string() }), { description: 'Payload too large', example: { status: 'error', message: logoErrors.tooLarge(600_000).message, error: logoErrors.tooLarge(600_000).message } }),
        },
      },
      onRequest: async (request) => {
        if (multipartBoundary(request.headers['content-type']) === undefined) throw errors.badRequest('Invalid body: send the logo as multipart/form-data, in the field "file"');
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > MAX_LOGO_SIZE + 64 * 1024) throw new ApiError(413, `Payload too large: the request has ${length} bytes; a logo has at most ${MAX_LOGO_SIZE}`);
      },
    },
    async (request, reply) => {
      const body = request.body;
      const boundary = multipartBoundary(request.headers['content-type']) as string;
      const parts = Buffer.isBuffer(body) ? parseMultipart(body, boundary) : undefined;
      if (!parts) throw errors.badRequest('Invalid body: a multipart/form-data body that cannot be read');
      const file = parts.find((p) => p.name === 'file');
      if (!file) throw errors.badRequest('Invalid form field "file": is mandatory');
      const id = uploadLogo(ctx, { data: Buffer.from(file.data), filename: file.filename ?? '', contentType: file.contentType });
      return reply.code(201).send({ logo_id: id });
    },
  );

  const download = operation(
    'GET',
    '/reports2/reports-metadata/reports/{reports-id}/download',
    'The document of the report in `filetype` ("PDF" or "CSV", without case), as a file (Content-Disposition: attachment): application/pdf or text/csv. 400 for a format the report was not written in; 404 for an unknown report (divergence: Cisco lists 400 only).',
  );
  app.get(
    download.url,
    {
      schema: {
        ...download.docs,
        params: z.object({ reports_id: doc(z.string(), { description: 'Id of reports', example: EXAMPLE_ID }) }),
        querystring: z.object({ filetype: doc(scalar(z.string({ error: 'is mandatory' }).trim().min(1, 'is mandatory')), { description: 'File type of reports that is being downloaded Eg: download?filetype=PDF' }) }),
        response: {
          200: doc(z.string(), { description: 'success response', format: 'binary' }),
          ...errorResponses({ badRequest: reportErrors.notGenerated(EXAMPLE_ID, 'XLSX', ['PDF', 'CSV']).message, notFound: errors.notFound('Report', EXAMPLE_ID).message }),
        },
      },
    },
    async (request, reply) => {
      const file = reportFile(store, checkId(request.params.reports_id, 'report'), request.query.filetype);
      return reply.type(file.mediaType).header('content-disposition', `attachment; filename="${file.name}"`).send(file.data);
    },
  );

  const update = operation('PUT', '/reports2/reports-metadata/{id}', 'Updates a report definition: the fields given replace; `execute` true generates a report after the change (its id answered, else "").');
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        params: IdParams,
        body: doc(UpdateReportsMetadataPayLoadSchema, { example: { description: 'Every Monday', execute: true } }),
        response: {
          201: doc(ReportsMetadataAndReportsRespSchema, { description: 'success response' }),
          ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND, conflict: reportErrors.nameTaken('Weekly inventory').message }),
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const { metadata, report } = updateReportMetadata(ctx, metadataId(request.params.id), { name: b.name, description: b.description, outputTypes: b.output_type, execute: b.execute }, request.tokenName ?? '');
      return reply.code(201).send({ metadataId: metadata.id, reportsId: report?.id ?? '' });
    },
  );

  const remove = operation('DELETE', '/reports2/reports-metadata/{id}', 'Deletes a report definition and every report of it, documents included.');
  app.delete(remove.url, { schema: { ...remove.docs, params: IdParams, response: { 200: EMPTY, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } }, async (request) => {
    deleteReportMetadata(ctx, metadataId(request.params.id));
    return '' as const;
  });

  const listReports = operation('GET', '/reports2/reports-metadata/{id}/reports', 'The reports of a definition, oldest first. An array (divergence: Cisco types one Reports).');
  app.get(
    listReports.url,
    { schema: { ...listReports.docs, params: IdParams, response: { 200: doc(z.array(ReportsSchema), { description: 'success response' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request) => {
      const id = metadataId(request.params.id);
      found(store.reports.get(id), 'Reports metadata', id);
      return store.reports.reports(id).map(reports);
    },
  );

  const run = operation(
    'POST',
    '/reports2/reports-metadata/{id}/reports',
    'Generates a report of the definition now, from the world as it is: one document per output format (divergence: generated within the request, `status` "done" at once; a Center queues it).',
  );
  app.post(
    run.url,
    { schema: { ...run.docs, params: IdParams, response: { 200: doc(ReportsMetadataAndReportsRespSchema, { description: 'success response' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request) => {
      const id = metadataId(request.params.id);
      return { metadataId: id, reportsId: runReport(ctx, id, request.tokenName ?? '').id };
    },
  );

  const removeReport = operation('DELETE', '/reports2/reports-metadata/{id}/reports/{reportsId}', 'Deletes a report of the definition and its documents; empty 204.');
  app.delete(
    removeReport.url,
    {
      schema: {
        ...removeReport.docs,
        params: z.object({ id: IdParams.shape.id, reportsId: doc(z.string(), { description: 'Id of reports', example: EXAMPLE_ID }) }),
        response: { 204: doc(z.void(), { type: 'null', description: 'success response' }), ...errorResponses({ badRequest: BAD_ID, notFound: errors.notFound('Report', EXAMPLE_ID).message }) },
      },
    },
    async (request, reply) => {
      deleteReport(ctx, metadataId(request.params.id), checkId(request.params.reportsId, 'report'));
      return reply.code(204).send();
    },
  );

  const types = operation('GET', '/reports2/reports-type', 'The report types the Center offers, with their formats and sections. An array (Cisco types one ReportsType). divergence: Cisco lists none; these are the emulator\'s: executive, asset-inventory, vulnerabilities.');
  app.get(types.url, { schema: { ...types.docs, response: { 200: doc(z.array(ReportsTypeSchema), { description: 'success response' }), ...errorResponses() } } }, async () => REPORT_TYPES.map(reportsType));
};

export default plugin;
