-- API 3.0 reports (Cisco's "Reports": /reports2/reports-metadata…) and PCAP replays (Cisco's
-- "PcapReplays": the tus uploads under /pcapReplays/uploads/). Every byte a client uploads or a
-- report generates is kept here, so that a restart, a world reset or a snapshot treats them as
-- any other write.

-- 1. A report definition (Cisco's ReportMetadata): its type (one of GET /reports2/reports-type),
-- the output formats asked (a JSON array: "PDF", "CSV"), the sections and sub-sections checked
-- (a JSON array of {section_id, sub_section_ids}), the preset it is filtered on, and a logo.
CREATE TABLE report_logo (
  rowid         INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  media_type    TEXT NOT NULL,
  filename      TEXT NOT NULL DEFAULT '',
  data          BLOB NOT NULL,
  created_time  INTEGER NOT NULL
);

CREATE TABLE report_metadata (
  rowid             INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  report_type       TEXT NOT NULL,
  output_types_json TEXT NOT NULL DEFAULT '[]',
  sections_json     TEXT NOT NULL DEFAULT '[]',
  filter_id         TEXT NOT NULL DEFAULT '',
  filter_type       TEXT NOT NULL DEFAULT '',
  logo_id           TEXT NOT NULL DEFAULT '',
  created_time      INTEGER NOT NULL,
  created_by        TEXT NOT NULL DEFAULT '',
  updated_time      INTEGER NOT NULL,
  updated_by        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX report_metadata_by_name ON report_metadata (name COLLATE NOCASE);

-- 2. A report (Cisco's Reports): one run of a definition, and the documents it made, one per
-- output format, whole (BLOB).
CREATE TABLE report (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  metadata_rowid  INTEGER NOT NULL REFERENCES report_metadata (rowid) ON DELETE CASCADE,
  status          TEXT NOT NULL,
  error           TEXT NOT NULL DEFAULT '',
  run_time        INTEGER NOT NULL,
  run_by          TEXT NOT NULL DEFAULT '',
  logo_id         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_by_metadata ON report (metadata_rowid);

CREATE TABLE report_document (
  rowid         INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  report_rowid  INTEGER NOT NULL REFERENCES report (rowid) ON DELETE CASCADE,
  format        TEXT NOT NULL,
  name          TEXT NOT NULL,
  media_type    TEXT NOT NULL,
  data          BLOB NOT NULL,
  UNIQUE (report_rowid, format)
);

-- 3. A PCAP replay (Cisco's Pcap) and its tus upload: the length announced (Upload-Length), the
-- bytes received so far (Upload-Offset), the metadata as sent (Upload-Metadata, decoded, a JSON
-- object), and the chunks received, in order. `tus_id` is the id in the Location (a UUID
-- without dashes); statuses are 'uploading' until the last byte, then 'done' or 'failed'.
CREATE TABLE pcap_replay (
  rowid          INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  tus_id         TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  metadata_json  TEXT NOT NULL DEFAULT '{}',
  length         INTEGER NOT NULL,
  offset         INTEGER NOT NULL DEFAULT 0,
  created_time   INTEGER NOT NULL,
  uploaded_time  INTEGER,
  start_time     INTEGER,
  format         TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'uploading',
  error          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE pcap_chunk (
  replay_rowid  INTEGER NOT NULL REFERENCES pcap_replay (rowid) ON DELETE CASCADE,
  offset        INTEGER NOT NULL,
  data          BLOB NOT NULL,
  PRIMARY KEY (replay_rowid, offset)
);
