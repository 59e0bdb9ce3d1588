/**
 * Reports (Cisco's ReportMetadata, Reports, DocumentDetails, Sections, Subsections,
 * CreateReportsMetadataNBReq, RptMetadataNBSections, UpdateReportsMetadataPayLoad,
 * ReportsMetadataAndReportsResp, PostReportsLogoResp, ReportsType, Contents,
 * SectionsOfReportType, SubSectionsofSections). Cisco's snake-case field names are kept. Its
 * UUIDs (`id`, `reports_id`, `logo_id`, typed as byte arrays by the Go generator) are strings, as
 * the other 3.0 ids the emulator answers.
 */
import { z } from 'zod';
import { named } from '../registry.js';
import { objectBody } from './custom-properties.js';

const is = (what: string, mandatory = false) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined && mandatory ? 'is mandatory' : `must be ${what}`),
});

export const RptMetadataNBSectionsSchema = named(
  'RptMetadataNBSections',
  z.object({
    section_id: z.string(is('a section id of the report type', true)),
    sub_section_ids: z.array(z.string(is('a sub-section id')), is('an array of sub-section ids')).optional(),
  }),
  'A section of the report type and the sub-sections wanted in it (none: all of them).',
);

const formats = z.array(z.string(is('"PDF" or "CSV"')), is('an array of formats ("PDF", "CSV")'));

export const CreateReportsMetadataNBReqSchema = named(
  'CreateReportsMetadataNBReq',
  z.object(
    {
      name: z.string(is('a string', true)).trim().min(1, 'must not be empty'),
      description: z.string(is('a string')).optional(),
      type: z.string(is('a report type id (GET /reports2/reports-type)', true)).trim().min(1, 'must not be empty'),
      output_type: formats.optional(),
      sections: z.array(RptMetadataNBSectionsSchema, is('an array of sections')).optional(),
      filter_id: z.string(is('a preset id')).optional(),
      filter_type: z.string(is('"preset"')).optional(),
      logo_id: z.string(is('a logo id')).optional(),
    },
    objectBody,
  ),
  'A report definition: `name` (mandatory, unique without case), `type` (mandatory: a reportId of GET /reports2/reports-type), `output_type` (the formats: "PDF", "CSV"; none: every format of the type), `sections` (none: every section), a preset as filter (`filter_type` "preset", `filter_id`), and a `logo_id` of POST /reports2/reports-metadata/logo.',
);

export const UpdateReportsMetadataPayLoadSchema = named(
  'UpdateReportsMetadataPayLoad',
  z.object(
    {
      name: z.string(is('a string')).trim().min(1, 'must not be empty').optional(),
      description: z.string(is('a string')).optional(),
      output_type: formats.optional(),
      execute: z.boolean(is('true or false')).optional(),
    },
    objectBody,
  ),
  'The fields given replace; `execute` true generates a report after the change.',
);

export const ReportsMetadataAndReportsRespSchema = named(
  'ReportsMetadataAndReportsResp',
  z.object({ metadataId: z.string(), reportsId: z.string() }),
  'The definition, and the report generated ("" when none was).',
);

export const DocumentDetailsSchema = named('DocumentDetails', z.object({ document_id: z.string(), document_name: z.string(), document_type: z.string() }), 'A document of a report: its format is `document_type` ("PDF", "CSV").');

export const ReportsSchema = named(
  'Reports',
  z.object({
    reports_id: z.string(),
    status: z.string(),
    error: z.string(),
    last_run_at: z.number().int(),
    last_run_by: z.string(),
    logo_id: z.string(),
    reports_outputs: z.array(DocumentDetailsSchema),
  }),
  'A report (a run of a definition): `status` "done" once generated, `last_run_at` in ms, one document per output format.',
);

export const SubsectionsSchema = named('Subsections', z.object({ sub_section_id: z.string(), sub_section_name: z.string(), checked: z.boolean() }), 'A sub-section of the report type, and whether the definition has it.');
export const SectionsSchema = named(
  'Sections',
  z.object({ section_id: z.string(), section_name: z.string(), checked: z.boolean(), sub_sections: z.array(SubsectionsSchema) }),
  'A section of the report type, and whether the definition has it.',
);

export const ReportMetadataSchema = named(
  'ReportMetadata',
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    report_type: z.string(),
    report_out_type: z.array(z.string()),
    sections: z.array(SectionsSchema),
    filter_id: z.string(),
    filter_type: z.string(),
    filter_name: z.string(),
    filter_exist: z.boolean(),
    logo_id: z.string(),
    cron_expression: z.string(),
    created_at: z.number().int(),
    created_by: z.string(),
    updated_at: z.number().int(),
    updated_by: z.string(),
    reports: ReportsSchema.nullable(),
  }),
  'A report definition: times in ms; `reports` is its latest report (null before any); `filter_name` the preset\'s label, `filter_exist` whether it still exists.',
);

export const PostReportsLogoRespSchema = named('PostReportsLogoResp', z.object({ logo_id: z.string() }), 'The id of the logo stored.');

export const SubSectionsofSectionsSchema = named('SubSectionsofSections', z.object({ sub_section_id: z.string(), sub_section_name: z.string() }));
export const SectionsOfReportTypeSchema = named(
  'SectionsOfReportType',
  z.object({ section_id: z.string(), section_name: z.string(), summary: z.string(), sub_sections: z.array(SubSectionsofSectionsSchema) }),
);
export const ContentsSchema = named(
  'Contents',
  z.object({ name: z.string(), documentPath: z.string(), titlePage: z.string(), tableOfContents: z.string(), sections: z.array(SectionsOfReportTypeSchema) }),
);
export const ReportsTypeSchema = named(
  'ReportsType',
  z.object({
    reportId: z.string(),
    reportName: z.string(),
    report_type: z.string(),
    title: z.string(),
    layout: z.string(),
    reportOutputFormat: z.array(z.string()),
    contents: ContentsSchema,
  }),
  'A report type: its id (the `type` of a definition), the formats it is written in, its sections.',
);
