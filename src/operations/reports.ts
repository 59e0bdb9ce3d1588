/**
 * Reports (Cisco 3.0 "Reports": createReportsMetadata, updateReportsMetadata,
 * deleteReportsMetadata, RunReports, deleteReports, UploadLogo). Each operation is one
 * transaction and throws ApiErrors before its first write, so a failing request changes nothing.
 * A report is generated within the request (divergence: a Center queues it; Cisco's Reports has a
 * `status`, and the emulator's is "done" at once): its documents, one per output format, are made
 * from the world as it is and kept whole in the database.
 */
import type { Clock } from '../clock.js';
import { reportDocument } from '../domain/report-documents.js';
import {
  REPORT_FORMATS,
  type Report,
  type ReportFormat,
  type ReportMetadata,
  type ReportSectionChoice,
  type ReportTable,
  type ReportType,
  REPORT_TYPES,
  reportType,
} from '../domain/report.js';
import { msFromMicros } from '../domain/time.js';
import { riskLevel } from '../domain/risk-score.js';
import { ApiError, errors } from '../errors.js';
import type { Store } from '../store/store.js';

export interface ReportContext {
  store: Store;
  clock: Clock;
  newId: () => string;
}

export const reportErrors = {
  unknownType: (type: string) =>
    new ApiError(400, `Invalid body field "type": unknown report type "${type}": the types are ${REPORT_TYPES.map((t) => t.id).join(', ')} (GET /reports2/reports-type)`),
  unknownFormat: (type: ReportType, format: string) =>
    new ApiError(400, `Invalid body field "output_type": the report type "${type.id}" is written as ${type.formats.join(' or ')}, not "${format}"`),
  unknownSection: (type: ReportType, section: string) =>
    new ApiError(400, `Invalid body field "sections": the report type "${type.id}" has no section "${section}" (its sections are ${type.sections.map((s) => s.id).join(', ')})`),
  unknownSubSection: (section: string, sub: string) => new ApiError(400, `Invalid body field "sections": the section "${section}" has no sub-section "${sub}"`),
  filterType: (type: string) => new ApiError(400, `Invalid body field "filter_type": must be "preset" (or empty), not "${type}"`),
  filterWithoutId: () => new ApiError(400, 'Invalid body field "filter_id": is mandatory with filter_type "preset"'),
  unknownFilter: (id: string) => new ApiError(400, `Invalid body field "filter_id": no preset has the id "${id}"`),
  unknownLogo: (id: string) => new ApiError(400, `Invalid body field "logo_id": no logo has the id "${id}" (upload one with POST /reports2/reports-metadata/logo)`),
  nameTaken: (name: string) => new ApiError(409, `A report with the name "${name}" already exists`),
  notGenerated: (reportId: string, format: string, formats: readonly string[]) =>
    new ApiError(400, `Invalid query parameter "filetype": the report ${reportId} has no ${format} document (it has ${formats.join(', ') || 'none'})`),
  notOfMetadata: (reportId: string, metadataId: string) => new ApiError(404, `Report not found: ${reportId} is not a report of ${metadataId}`),
};

/** Cisco's CreateReportsMetadataNBReq, read (formats upper-cased). */
export interface NewReportMetadata {
  name: string;
  description?: string;
  type: string;
  outputTypes?: string[];
  sections?: ReportSectionChoice[];
  filterId?: string;
  filterType?: string;
  logoId?: string;
}

/** Cisco's UpdateReportsMetadataPayLoad: the fields given replace; `execute` runs it after. */
export interface ReportMetadataChanges {
  name?: string;
  description?: string;
  outputTypes?: string[];
  execute?: boolean;
}

function existing(store: Store, id: string): ReportMetadata {
  const m = store.reports.get(id);
  if (!m) throw errors.notFound('Reports metadata', id);
  return m;
}

function checkName(store: Store, name: string, own: string | null): void {
  const other = store.reports.withName(name);
  if (other && other.id !== own) throw reportErrors.nameTaken(name);
}

/** The formats as the type writes them; none given: every format of the type. */
function checkFormats(type: ReportType, formats: readonly string[] | undefined): string[] {
  if (formats === undefined || formats.length === 0) return [...type.formats];
  const out: string[] = [];
  for (const f of formats) {
    const format = f.toUpperCase();
    if (!type.formats.includes(format)) throw reportErrors.unknownFormat(type, f);
    if (!out.includes(format)) out.push(format);
  }
  return out;
}

/** The sections checked; none given: every section with every sub-section. */
function checkSections(type: ReportType, sections: readonly ReportSectionChoice[] | undefined): ReportSectionChoice[] {
  if (sections === undefined || sections.length === 0) return type.sections.map((s) => ({ sectionId: s.id, subSectionIds: s.subSections.map((x) => x.id) }));
  return sections.map((choice) => {
    const section = type.sections.find((s) => s.id === choice.sectionId);
    if (!section) throw reportErrors.unknownSection(type, choice.sectionId);
    for (const sub of choice.subSectionIds) if (!section.subSections.some((x) => x.id === sub)) throw reportErrors.unknownSubSection(section.id, sub);
    return { sectionId: section.id, subSectionIds: choice.subSectionIds.length > 0 ? [...new Set(choice.subSectionIds)] : section.subSections.map((x) => x.id) };
  });
}

/** divergence: Cisco's filter_type is a bare string; the filters the Center offers are presets ("preset"), or none. */
function checkFilter(store: Store, filterType: string | undefined, filterId: string | undefined): { filterType: string; filterId: string } {
  const type = (filterType ?? '').trim();
  const id = (filterId ?? '').trim().toLowerCase();
  if (type === '' && id === '') return { filterType: '', filterId: '' };
  if (type !== '' && type.toLowerCase() !== 'preset') throw reportErrors.filterType(type);
  if (id === '') throw reportErrors.filterWithoutId();
  if (!store.presets.get(id)) throw reportErrors.unknownFilter(id);
  return { filterType: 'preset', filterId: id };
}

/** The tables of the sub-sections checked, read from the world now. */
function worldTables(store: Store, type: ReportType, sections: readonly ReportSectionChoice[]): ReportTable[] {
  const want = (section: string, sub: string) => sections.some((s) => s.sectionId === section && s.subSectionIds.includes(sub));
  const tables: ReportTable[] = [];
  const add = (sectionId: string, subSectionId: string, columns: string[], rows: (string | number)[][]) => {
    if (!want(sectionId, subSectionId)) return;
    const title = type.sections.find((s) => s.id === sectionId)?.subSections.find((x) => x.id === subSectionId)?.name ?? subSectionId;
    tables.push({ sectionId, subSectionId, title, columns, rows });
  };
  if (type.id === 'executive') {
    if (want('overview', 'inventory-counts')) {
      const counts = store.rowCounts.all();
      add('overview', 'inventory-counts', ['object', 'count'], [
        ['sensors', counts.sensors],
        ['components', counts.components],
        ['devices', store.devices.count()],
        ['flows', counts.flows],
        ['events', counts.events],
        ['groups', counts.groups],
      ]);
    }
    if (want('risk', 'risk-levels')) {
      const levels = store.devices.riskLevels();
      add('risk', 'risk-levels', ['risk level', 'devices'], [['low', levels.low], ['medium', levels.medium], ['high', levels.high], ['total', levels.total]]);
    }
    if (want('risk', 'event-severities')) {
      const bySeverity = store.dashboardCounts.eventsBySeverity();
      add('risk', 'event-severities', ['severity', 'events'], [...bySeverity.entries()].map(([severity, n]) => [severity, n]));
    }
  } else if (type.id === 'asset-inventory') {
    if (want('devices', 'device-list')) {
      const rows: (string | number)[][] = [];
      for (const d of store.devices.all()) {
        rows.push([d.customLabel ?? d.label, d.deviceType, d.ip.join('; '), d.mac.join('; '), (d.normalized.vendorName ?? []).join('; '), d.group?.label ?? '', d.riskScore ?? '']);
      }
      add('devices', 'device-list', ['name', 'type', 'ip', 'mac', 'vendor', 'group', 'risk score'], rows);
    }
  } else if (type.id === 'vulnerabilities') {
    if (want('vulnerable-devices', 'severity-counts')) {
      const c = store.vulnerabilities.vulnerableDevices();
      add('vulnerable-devices', 'severity-counts', ['severity', 'devices'], [['critical', c.critical], ['high', c.high], ['medium', c.medium], ['low', c.low], ['total', c.total]]);
    }
    if (want('vulnerable-devices', 'device-vulnerabilities')) {
      const rows: (string | number)[][] = [];
      for (const d of store.devices.all()) {
        if (d.counts.vulnerabilities > 0) rows.push([d.customLabel ?? d.label, d.deviceType, d.ip.join('; '), d.counts.vulnerabilities, d.riskScore ?? '', d.riskScore === null ? '' : riskLevel(d.riskScore)]);
      }
      add('vulnerable-devices', 'device-vulnerabilities', ['name', 'type', 'ip', 'vulnerabilities', 'risk score', 'risk level'], rows);
    }
  }
  return tables;
}

/** Makes a run of the definition, and its documents, now. */
function generate(ctx: ReportContext, m: ReportMetadata, author: string): Report {
  const type = reportType(m.reportType) as ReportType;
  const now = ctx.clock.now();
  const preset = m.filterId === '' ? undefined : ctx.store.presets.get(m.filterId);
  // divergence: the report covers the whole world; a preset filter is recorded and named, not applied.
  const heading = { name: m.name, description: m.description, type, created: new Date(msFromMicros(now)), scope: preset ? `All data (filter: preset "${preset.label}")` : 'All data' };
  const tables = worldTables(ctx.store, type, m.sections);
  const id = ctx.newId();
  const stamp = new Date(msFromMicros(now)).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const base = m.name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'report';
  const documents = m.outputTypes.map((f) => {
    const format = f as ReportFormat;
    const { mediaType, extension } = REPORT_FORMATS[format];
    return { id: ctx.newId(), format, name: `${base}-${stamp}.${extension}`, mediaType, data: reportDocument(format, heading, tables) };
  });
  const report = { id, metadataId: m.id, status: 'done', error: '', runTime: now, runBy: author, logoId: m.logoId };
  ctx.store.reports.insertReport(report, documents);
  return { ...report, documents: documents.map(({ data: _, ...d }) => d) };
}

/**
 * A definition, and its first report (Cisco answers both ids: ReportsMetadataAndReportsResp).
 * divergence: names are unique without case (409); the type, formats, sections, filter and logo
 * must be known (400 naming the field); formats and sections left out are all the type's.
 */
export function createReportMetadata(ctx: ReportContext, f: NewReportMetadata, author: string): { metadata: ReportMetadata; report: Report } {
  return ctx.store.transaction(() => {
    const type = reportType(f.type);
    if (!type) throw reportErrors.unknownType(f.type);
    const outputTypes = checkFormats(type, f.outputTypes);
    const sections = checkSections(type, f.sections);
    const filter = checkFilter(ctx.store, f.filterType, f.filterId);
    const logoId = (f.logoId ?? '').trim().toLowerCase();
    if (logoId !== '' && !ctx.store.reports.logo(logoId)) throw reportErrors.unknownLogo(logoId);
    checkName(ctx.store, f.name, null);
    const now = ctx.clock.now();
    const metadata: ReportMetadata = {
      id: ctx.newId(),
      name: f.name,
      description: f.description ?? '',
      reportType: type.id,
      outputTypes,
      sections,
      ...filter,
      logoId,
      createdTime: now,
      createdBy: author,
      updatedTime: now,
      updatedBy: author,
    };
    ctx.store.reports.insert(metadata);
    return { metadata, report: generate(ctx, metadata, author) };
  });
}

/** The fields given replace; with `execute`, a report is made after the change (its id answered). */
export function updateReportMetadata(ctx: ReportContext, id: string, f: ReportMetadataChanges, author: string): { metadata: ReportMetadata; report: Report | null } {
  return ctx.store.transaction(() => {
    const m = existing(ctx.store, id);
    const type = reportType(m.reportType) as ReportType;
    if (f.name !== undefined) checkName(ctx.store, f.name, id);
    const metadata: ReportMetadata = {
      ...m,
      name: f.name ?? m.name,
      description: f.description ?? m.description,
      outputTypes: f.outputTypes === undefined ? m.outputTypes : checkFormats(type, f.outputTypes),
      updatedTime: ctx.clock.now(),
      updatedBy: author,
    };
    ctx.store.reports.update(metadata);
    return { metadata, report: f.execute === true ? generate(ctx, metadata, author) : null };
  });
}

/** The definition and every report of it. */
export function deleteReportMetadata(ctx: ReportContext, id: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.reports.remove(id)) throw errors.notFound('Reports metadata', id);
  });
}

export function runReport(ctx: ReportContext, id: string, author: string): Report {
  return ctx.store.transaction(() => generate(ctx, existing(ctx.store, id), author));
}

export function deleteReport(ctx: ReportContext, metadataId: string, reportId: string): void {
  ctx.store.transaction(() => {
    existing(ctx.store, metadataId);
    const r = ctx.store.reports.report(reportId);
    if (!r) throw errors.notFound('Report', reportId);
    if (r.metadataId !== metadataId) throw reportErrors.notOfMetadata(reportId, metadataId);
    ctx.store.reports.removeReport(reportId);
  });
}

/** A document of a report: its name, media type and bytes. 404 for an unknown report; 400 for a format it was not written in. */
export function reportFile(store: Store, reportId: string, filetype: string): { name: string; mediaType: string; data: Buffer } {
  const r = store.reports.report(reportId);
  if (!r) throw errors.notFound('Report', reportId);
  const format = filetype.trim().toUpperCase();
  const d = r.documents.find((x) => x.format === format);
  const data = d && store.reports.document(reportId, format);
  if (!d || !data) throw reportErrors.notGenerated(reportId, filetype, r.documents.map((x) => x.format));
  return { name: d.name, mediaType: d.mediaType, data };
}

/** The logo media types the Center takes, by their magic numbers. divergence: Cisco names none. */
export const LOGO_TYPES = [
  { mediaType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mediaType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
] as const;

/** The largest logo, in bytes. divergence: Cisco gives no limit. */
export const MAX_LOGO_SIZE = 512 * 1024;

export const logoErrors = {
  tooLarge: (size: number) => new ApiError(413, `Payload too large: the logo has ${size} bytes, more than ${MAX_LOGO_SIZE}`),
  badType: (declared: string) =>
    new ApiError(400, `Invalid form field "file": a logo is a PNG or JPEG image (image/png, image/jpeg), and the file sent${declared ? ` (${declared})` : ''} is not one`),
  empty: () => new ApiError(400, 'Invalid form field "file": the file is empty'),
};

/** Stores a logo: a PNG or JPEG by its first bytes (the part's Content-Type, when given, must agree). */
export function uploadLogo(ctx: ReportContext, file: { data: Buffer; filename: string; contentType: string }): string {
  if (file.data.length === 0) throw logoErrors.empty();
  if (file.data.length > MAX_LOGO_SIZE) throw logoErrors.tooLarge(file.data.length);
  const kind = LOGO_TYPES.find((t) => file.data.subarray(0, t.magic.length).equals(t.magic));
  const declared = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const agrees = declared === '' || declared === 'application/octet-stream' || declared === kind?.mediaType || (declared === 'image/jpg' && kind?.mediaType === 'image/jpeg');
  if (!kind || !agrees) throw logoErrors.badType(declared);
  return ctx.store.transaction(() => {
    const id = ctx.newId();
    ctx.store.reports.insertLogo({ id, mediaType: kind.mediaType, filename: file.filename, data: file.data, createdTime: ctx.clock.now() });
    return id;
  });
}
