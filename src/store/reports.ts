/** Reports (API 3.0 /reports2/…): definitions, runs, their documents and the logos, bytes included. */
import type { Report, ReportDocument, ReportLogo, ReportMetadata, ReportSectionChoice } from '../domain/report.js';
import type { Db } from './db.js';

interface MetadataRow {
  rowid: number;
  id: string;
  name: string;
  description: string;
  report_type: string;
  output_types_json: string;
  sections_json: string;
  filter_id: string;
  filter_type: string;
  logo_id: string;
  created_time: number;
  created_by: string;
  updated_time: number;
  updated_by: string;
}

interface ReportRow {
  rowid: number;
  id: string;
  metadata_id: string;
  status: string;
  error: string;
  run_time: number;
  run_by: string;
  logo_id: string;
}

const META_COLUMNS =
  'rowid, id, name, description, report_type, output_types_json, sections_json, filter_id, filter_type, logo_id, created_time, created_by, updated_time, updated_by';
const REPORT_COLUMNS = 'r.rowid, r.id, m.id AS metadata_id, r.status, r.error, r.run_time, r.run_by, r.logo_id';

const toMetadata = (r: MetadataRow): ReportMetadata => ({
  id: r.id,
  name: r.name,
  description: r.description,
  reportType: r.report_type,
  outputTypes: JSON.parse(r.output_types_json) as string[],
  sections: JSON.parse(r.sections_json) as ReportSectionChoice[],
  filterId: r.filter_id,
  filterType: r.filter_type,
  logoId: r.logo_id,
  createdTime: r.created_time,
  createdBy: r.created_by,
  updatedTime: r.updated_time,
  updatedBy: r.updated_by,
});

export function createReportRepo(db: Db) {
  const allMeta = db.prepare(`SELECT ${META_COLUMNS} FROM report_metadata ORDER BY rowid`);
  const metaById = db.prepare(`SELECT ${META_COLUMNS} FROM report_metadata WHERE id = ?`);
  const metaByName = db.prepare(`SELECT ${META_COLUMNS} FROM report_metadata WHERE name = ? COLLATE NOCASE`);
  const insertMeta = db.prepare(
    `INSERT INTO report_metadata (id, name, description, report_type, output_types_json, sections_json, filter_id, filter_type, logo_id,
       created_time, created_by, updated_time, updated_by)
     VALUES (@id, @name, @description, @reportType, @outputTypes, @sections, @filterId, @filterType, @logoId, @createdTime, @createdBy, @updatedTime, @updatedBy)`,
  );
  const updateMeta = db.prepare(
    `UPDATE report_metadata SET name = @name, description = @description, output_types_json = @outputTypes, updated_time = @updatedTime, updated_by = @updatedBy
     WHERE id = @id`,
  );
  const deleteMeta = db.prepare('DELETE FROM report_metadata WHERE id = ?');
  const reportsOf = db.prepare(`SELECT ${REPORT_COLUMNS} FROM report r JOIN report_metadata m ON m.rowid = r.metadata_rowid WHERE m.id = ? ORDER BY r.rowid`);
  const reportById = db.prepare(`SELECT ${REPORT_COLUMNS} FROM report r JOIN report_metadata m ON m.rowid = r.metadata_rowid WHERE r.id = ?`);
  const insertReport = db.prepare(
    `INSERT INTO report (id, metadata_rowid, status, error, run_time, run_by, logo_id)
     SELECT @id, rowid, @status, @error, @runTime, @runBy, @logoId FROM report_metadata WHERE id = @metadataId`,
  );
  const deleteReport = db.prepare('DELETE FROM report WHERE id = ?');
  const documentsOf = db.prepare('SELECT id, format, name, media_type AS mediaType FROM report_document WHERE report_rowid = ? ORDER BY rowid');
  const insertDocument = db.prepare(
    `INSERT INTO report_document (id, report_rowid, format, name, media_type, data)
     SELECT @id, rowid, @format, @name, @mediaType, @data FROM report WHERE id = @reportId`,
  );
  const documentData = db.prepare('SELECT d.data FROM report_document d JOIN report r ON r.rowid = d.report_rowid WHERE r.id = ? AND d.format = ?').pluck();
  const logoById = db.prepare('SELECT id, media_type AS mediaType, filename, data FROM report_logo WHERE id = ?');
  const insertLogo = db.prepare('INSERT INTO report_logo (id, media_type, filename, data, created_time) VALUES (@id, @mediaType, @filename, @data, @createdTime)');

  const metaParams = (m: ReportMetadata) => ({ ...m, outputTypes: JSON.stringify(m.outputTypes), sections: JSON.stringify(m.sections) });
  const toReport = (r: ReportRow): Report => ({
    id: r.id,
    metadataId: r.metadata_id,
    status: r.status,
    error: r.error,
    runTime: r.run_time,
    runBy: r.run_by,
    logoId: r.logo_id,
    documents: documentsOf.all(r.rowid) as ReportDocument[],
  });

  return {
    /** Every definition, oldest first. */
    list(): ReportMetadata[] {
      return (allMeta.all() as MetadataRow[]).map(toMetadata);
    },
    get(id: string): ReportMetadata | undefined {
      const row = metaById.get(id) as MetadataRow | undefined;
      return row ? toMetadata(row) : undefined;
    },
    /** The definition of this name, without case (names are unique so). */
    withName(name: string): ReportMetadata | undefined {
      const row = metaByName.get(name) as MetadataRow | undefined;
      return row ? toMetadata(row) : undefined;
    },
    insert(m: ReportMetadata): void {
      insertMeta.run(metaParams(m));
    },
    /** Its name, description, formats and update stamp. */
    update(m: ReportMetadata): void {
      const { id, name, description, updatedTime, updatedBy, outputTypes } = metaParams(m);
      updateMeta.run({ id, name, description, updatedTime, updatedBy, outputTypes });
    },
    /** The definition and its reports, documents included; false when it is unknown. */
    remove(id: string): boolean {
      return deleteMeta.run(id).changes > 0;
    },
    /** The runs of a definition, oldest first, each with its documents (without their bytes). */
    reports(metadataId: string): Report[] {
      return (reportsOf.all(metadataId) as ReportRow[]).map(toReport);
    },
    report(id: string): Report | undefined {
      const row = reportById.get(id) as ReportRow | undefined;
      return row ? toReport(row) : undefined;
    },
    /** A run and its documents, bytes included. */
    insertReport(r: Omit<Report, 'documents'>, documents: readonly (ReportDocument & { data: Buffer })[]): void {
      insertReport.run({ id: r.id, metadataId: r.metadataId, status: r.status, error: r.error, runTime: r.runTime, runBy: r.runBy, logoId: r.logoId });
      for (const d of documents) insertDocument.run({ ...d, reportId: r.id });
    },
    removeReport(id: string): boolean {
      return deleteReport.run(id).changes > 0;
    },
    /** The bytes of a run's document in that format; undefined when it has none. */
    document(reportId: string, format: string): Buffer | undefined {
      return documentData.get(reportId, format) as Buffer | undefined;
    },
    logo(id: string): ReportLogo | undefined {
      return logoById.get(id) as ReportLogo | undefined;
    },
    insertLogo(logo: ReportLogo & { createdTime: number }): void {
      insertLogo.run(logo);
    },
  };
}

export type ReportRepo = ReturnType<typeof createReportRepo>;
