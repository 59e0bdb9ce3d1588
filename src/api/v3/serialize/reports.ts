/** Reports → 3.0 (../schemas/reports.ts): ReportMetadata, Reports, ReportsType. */
import { type Report, type ReportMetadata, type ReportType, reportType } from '../../../domain/report.js';
import type { ReportMetadataSchema, ReportsSchema, ReportsTypeSchema } from '../schemas/reports.js';
import { type Wire, ms } from './common.js';

export function reports(r: Report): Wire<typeof ReportsSchema> {
  return {
    reports_id: r.id,
    status: r.status,
    error: r.error,
    last_run_at: ms(r.runTime),
    last_run_by: r.runBy,
    logo_id: r.logoId,
    reports_outputs: r.documents.map((d) => ({ document_id: d.id, document_name: d.name, document_type: d.format })),
  };
}

/**
 * divergence: `cron_expression` is always "" (Cisco's payloads set no schedule); `reports` is the
 * latest report, null before any; `filter_name` is the preset's label ("" when none or gone).
 */
export function reportMetadata(m: ReportMetadata, latest: Report | undefined, preset: { label: string } | undefined): Wire<typeof ReportMetadataSchema> {
  const type = reportType(m.reportType);
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    report_type: m.reportType,
    report_out_type: m.outputTypes,
    sections: (type?.sections ?? []).map((s) => {
      const choice = m.sections.find((c) => c.sectionId === s.id);
      return {
        section_id: s.id,
        section_name: s.name,
        checked: choice !== undefined,
        sub_sections: s.subSections.map((x) => ({ sub_section_id: x.id, sub_section_name: x.name, checked: choice?.subSectionIds.includes(x.id) ?? false })),
      };
    }),
    filter_id: m.filterId,
    filter_type: m.filterType,
    filter_name: preset?.label ?? '',
    filter_exist: m.filterId !== '' && preset !== undefined,
    logo_id: m.logoId,
    cron_expression: '',
    created_at: ms(m.createdTime),
    created_by: m.createdBy,
    updated_at: ms(m.updatedTime),
    updated_by: m.updatedBy,
    reports: latest ? reports(latest) : null,
  };
}

/** divergence: `documentPath`, `titlePage` and `tableOfContents` name the emulator's own layout (Cisco's templates are files of the Center). */
export function reportsType(t: ReportType): Wire<typeof ReportsTypeSchema> {
  return {
    reportId: t.id,
    reportName: t.name,
    report_type: t.id,
    title: t.title,
    layout: t.layout,
    reportOutputFormat: [...t.formats],
    contents: {
      name: t.name,
      documentPath: `reports/${t.id}`,
      titlePage: t.title,
      tableOfContents: t.sections.map((s) => s.name).join(', '),
      sections: t.sections.map((s) => ({
        section_id: s.id,
        section_name: s.name,
        summary: s.summary,
        sub_sections: s.subSections.map((x) => ({ sub_section_id: x.id, sub_section_name: x.name })),
      })),
    },
  };
}
