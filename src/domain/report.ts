/**
 * Reports (Cisco 3.0 "Reports", /reports2/…): a report definition (ReportMetadata) names a type
 * of GET /reports2/reports-type, the output formats and the sections wanted; each run of it (a
 * report, Cisco's Reports) keeps one document per format, made from the world at that time.
 */
import type { Micros } from './time.js';

/** Cisco's RptMetadataNBSections: a section and the sub-sections checked in it. */
export interface ReportSectionChoice {
  sectionId: string;
  subSectionIds: string[];
}

export interface ReportMetadata {
  id: string;
  name: string;
  description: string;
  /** A type id of REPORT_TYPES. */
  reportType: string;
  /** The output formats, in the order given ("PDF", "CSV"). */
  outputTypes: string[];
  sections: ReportSectionChoice[];
  /** The preset the report is filtered on ("" for none), and the kind of filter ("preset" or ""). */
  filterId: string;
  filterType: string;
  /** A logo of POST /reports2/reports-metadata/logo, or "". */
  logoId: string;
  createdTime: Micros;
  createdBy: string;
  updatedTime: Micros;
  updatedBy: string;
}

export interface ReportDocument {
  id: string;
  format: string;
  name: string;
  mediaType: string;
}

export interface Report {
  id: string;
  metadataId: string;
  /** "done" (generated within the request) or "failed". */
  status: string;
  error: string;
  runTime: Micros;
  runBy: string;
  logoId: string;
  documents: ReportDocument[];
}

export interface ReportLogo {
  id: string;
  mediaType: string;
  filename: string;
  data: Buffer;
}

/** A sub-section of a report type (Cisco's SubSectionsofSections). */
export interface ReportSubSection {
  id: string;
  name: string;
}

/** A section of a report type (Cisco's SectionsOfReportType). */
export interface ReportSection {
  id: string;
  name: string;
  summary: string;
  subSections: readonly ReportSubSection[];
}

/** A report type (Cisco's ReportsType). */
export interface ReportType {
  id: string;
  name: string;
  title: string;
  layout: string;
  formats: readonly string[];
  sections: readonly ReportSection[];
}

/** What a document holds before it is written as PDF or CSV: titled tables, each from the world. */
export interface ReportTable {
  sectionId: string;
  subSectionId: string;
  title: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** The formats a report is written in: Cisco's `filetype` example is "PDF". */
export const REPORT_FORMATS = { PDF: { mediaType: 'application/pdf', extension: 'pdf' }, CSV: { mediaType: 'text/csv; charset=utf-8', extension: 'csv' } } as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/**
 * The report types the Center offers. divergence: Cisco's document lists none (GET
 * /reports2/reports-type answers them); these are the reports a Center 4.x/5.x offers in its
 * Reports page (Executive summary, Asset inventory, Vulnerabilities), each in PDF and CSV.
 */
export const REPORT_TYPES: readonly ReportType[] = [
  {
    id: 'executive',
    name: 'Executive summary',
    title: 'Executive summary report',
    layout: 'portrait',
    formats: ['PDF', 'CSV'],
    sections: [
      {
        id: 'overview',
        name: 'Overview',
        summary: 'What the Center sees: sensors, components, devices, flows, events and groups.',
        subSections: [{ id: 'inventory-counts', name: 'Inventory counts' }],
      },
      {
        id: 'risk',
        name: 'Risk',
        summary: 'The devices at each risk level, and the events by severity.',
        subSections: [
          { id: 'risk-levels', name: 'Devices by risk level' },
          { id: 'event-severities', name: 'Events by severity' },
        ],
      },
    ],
  },
  {
    id: 'asset-inventory',
    name: 'Asset inventory',
    title: 'Asset inventory report',
    layout: 'landscape',
    formats: ['PDF', 'CSV'],
    sections: [
      {
        id: 'devices',
        name: 'Devices',
        summary: 'Every device: its name, type, addresses, group and risk score.',
        subSections: [{ id: 'device-list', name: 'Device list' }],
      },
    ],
  },
  {
    id: 'vulnerabilities',
    name: 'Vulnerabilities',
    title: 'Vulnerabilities report',
    layout: 'landscape',
    formats: ['PDF', 'CSV'],
    sections: [
      {
        id: 'vulnerable-devices',
        name: 'Vulnerable devices',
        summary: 'The devices at each severity of their worst vulnerability, and the vulnerable devices.',
        subSections: [
          { id: 'severity-counts', name: 'Devices by severity' },
          { id: 'device-vulnerabilities', name: 'Devices and their vulnerabilities' },
        ],
      },
    ],
  },
];

export const reportType = (id: string): ReportType | undefined => REPORT_TYPES.find((t) => t.id === id);
