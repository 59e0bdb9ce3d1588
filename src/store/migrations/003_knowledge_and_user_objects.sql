-- What API 3.0 reads beyond 1.0, from the Knowledge DB and from users: one section each below.
-- Same conventions as 001 (integer row keys, UUIDs as indexed text, times in microseconds).
-- Devices are referred to by their id text (their table is another migration's).

-- 1. Vulnerabilities. 001 kept one row per (component, vulnerability); the Knowledge DB's
-- catalogue and the matches are now apart. Existing rows are carried over: 1.0 prints the same.
ALTER TABLE vulnerability RENAME TO vulnerability_v1;

CREATE TABLE vulnerability (
  rowid              INTEGER PRIMARY KEY,
  id                 TEXT NOT NULL UNIQUE,
  cve                TEXT NOT NULL,          -- not unique: a CVE may have several advisories
  title              TEXT NOT NULL,
  summary            TEXT NOT NULL,
  solution           TEXT NOT NULL,
  full_description   TEXT NOT NULL DEFAULT '',
  cvss               REAL NOT NULL,
  cvss_temporal      REAL NOT NULL,
  cvss_version       REAL NOT NULL,
  cvss_vector_string TEXT NOT NULL,
  vendor_id          TEXT NOT NULL DEFAULT '',
  links_json         TEXT NOT NULL DEFAULT '[]',
  publish_time       INTEGER NOT NULL,
  creation_time      INTEGER NOT NULL,
  last_update        INTEGER NOT NULL
);
CREATE INDEX vulnerability_cve ON vulnerability (cve);
CREATE INDEX vulnerability_cvss ON vulnerability (cvss);
CREATE INDEX vulnerability_publish_time ON vulnerability (publish_time);

-- The match's rowid is the order a component's vulnerabilities print in (as they were matched).
CREATE TABLE vulnerability_match (
  rowid               INTEGER PRIMARY KEY,
  component_rowid     INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  vulnerability_rowid INTEGER NOT NULL REFERENCES vulnerability (rowid) ON DELETE CASCADE,
  matching_time       INTEGER NOT NULL,
  reasons_json        TEXT NOT NULL DEFAULT '[]',
  UNIQUE (component_rowid, vulnerability_rowid)
);
CREATE INDEX vulnerability_match_vulnerability ON vulnerability_match (vulnerability_rowid, component_rowid);

INSERT INTO vulnerability (id, cve, title, summary, solution, cvss, cvss_temporal, cvss_version, cvss_vector_string,
    publish_time, creation_time, last_update)
  SELECT id, cve, title, summary, solution, cvss, cvss,
    CASE WHEN cvss_vector_string LIKE 'CVSS:3.1/%' THEN 3.1 WHEN cvss_vector_string LIKE 'CVSS:3.0/%' THEN 3 ELSE 2 END,
    cvss_vector_string, publish_time, publish_time, publish_time
  FROM vulnerability_v1 WHERE rowid IN (SELECT min(rowid) FROM vulnerability_v1 GROUP BY id) ORDER BY rowid;
INSERT INTO vulnerability_match (component_rowid, vulnerability_rowid, matching_time)
  SELECT o.component_rowid, v.rowid, max(c.creation_time, o.publish_time)
  FROM vulnerability_v1 o JOIN vulnerability v ON v.id = o.id JOIN component c ON c.rowid = o.component_rowid
  ORDER BY o.rowid;
DROP TABLE vulnerability_v1;

-- A user's acknowledgement of a vulnerability on a device.
CREATE TABLE vulnerability_ack (
  device_id           TEXT NOT NULL,
  vulnerability_rowid INTEGER NOT NULL REFERENCES vulnerability (rowid) ON DELETE CASCADE,
  ack_time            INTEGER NOT NULL,
  author              TEXT NOT NULL,
  comment             TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (device_id, vulnerability_rowid)
) WITHOUT ROWID;
CREATE INDEX vulnerability_ack_vulnerability ON vulnerability_ack (vulnerability_rowid);

-- 2. Groups: what 3.0 reads. NULL colour and criticalness mean "as the 1.0 name and impact say"
-- (src/domain/group-appearance.ts); a 3.0 write stores its own value, which 1.0 shows by the
-- nearest name. A property's NULL id is derived from its group and position.
ALTER TABLE grp ADD COLUMN color_hex TEXT;
ALTER TABLE grp ADD COLUMN criticalness INTEGER;
ALTER TABLE grp ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE grp ADD COLUMN parent_rowid INTEGER REFERENCES grp (rowid) ON DELETE SET NULL;
CREATE INDEX grp_parent ON grp (parent_rowid);
ALTER TABLE group_property ADD COLUMN id TEXT;

-- 3. User properties of components and devices (a group's are its group_property rows).
CREATE TABLE user_property (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('component', 'device')),
  owner_id   TEXT NOT NULL,
  key        TEXT NOT NULL,
  value      TEXT NOT NULL
);
CREATE INDEX user_property_owner ON user_property (owner_kind, owner_id);

-- 4. Custom networks; the range is kept as integers too, for lookups by address.
CREATE TABLE custom_network (
  rowid                    INTEGER PRIMARY KEY,
  id                       TEXT NOT NULL UNIQUE,
  name                     TEXT NOT NULL,
  type                     TEXT NOT NULL CHECK (type IN ('OT Internal', 'IT Internal', 'External')),
  ip_range                 TEXT NOT NULL,
  ip_first                 INTEGER NOT NULL,
  ip_last                  INTEGER NOT NULL,
  vlan_id                  INTEGER,
  duplicated               INTEGER NOT NULL DEFAULT 0,
  split_devices_per_sensor INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX custom_network_range ON custom_network (ip_first, ip_last);

-- 5. Presets: the filters as GET /presets prints them (clients POST them back unchanged), and
-- the state of the data the Center computed for each (dataInfo).
CREATE TABLE preset_category (
  id             TEXT PRIMARY KEY,
  label          TEXT NOT NULL UNIQUE,
  priority_order INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE preset (
  rowid                       INTEGER PRIMARY KEY,
  id                          TEXT NOT NULL UNIQUE,
  label                       TEXT NOT NULL,
  description                 TEXT NOT NULL DEFAULT '',
  category_id                 TEXT NOT NULL REFERENCES preset_category (id),
  custom                      INTEGER NOT NULL,
  imported                    INTEGER NOT NULL DEFAULT 0,
  creator_email               TEXT NOT NULL DEFAULT '',
  last_update                 INTEGER NOT NULL,
  priority_order              INTEGER NOT NULL DEFAULT 0,
  badges_json                 TEXT NOT NULL DEFAULT '[]',
  filters_json                TEXT NOT NULL,
  search                      TEXT NOT NULL DEFAULT '',
  component_tagless           TEXT NOT NULL DEFAULT 'indeterminate',
  activity_tagless            TEXT NOT NULL DEFAULT 'indeterminate',
  groupless                   TEXT NOT NULL DEFAULT 'indeterminate',
  has_external_communications TEXT NOT NULL DEFAULT 'indeterminate',
  operational_starred         INTEGER NOT NULL DEFAULT 0,
  security_starred            INTEGER NOT NULL DEFAULT 0,
  data_available              INTEGER NOT NULL DEFAULT 0,
  last_refresh                INTEGER NOT NULL DEFAULT 0,
  last_refresh_duration_ms    INTEGER NOT NULL DEFAULT 0,
  refresh_in_progress         INTEGER NOT NULL DEFAULT 0,
  force_refresh_requested     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX preset_by_category ON preset (category_id);
