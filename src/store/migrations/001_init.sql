-- The Center's world. Integer row keys with the UUID as an indexed column (TOOLCHAIN:
-- text-UUID primary keys make pages slower); times are integer microseconds since the epoch.
-- JSON columns (tags_json, props_json) hold what a read returns; the child tables
-- (component_tag, flow_prop, …) hold the same facts indexed for the documented filters. Both
-- are written by the repositories in one transaction.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sensor (
  rowid                     INTEGER PRIMARY KEY,
  id                        TEXT NOT NULL UNIQUE,
  name                      TEXT NOT NULL,
  serial_number             TEXT NOT NULL,
  ip                        TEXT NOT NULL,
  model                     TEXT NOT NULL,
  hardware_type             TEXT NOT NULL,
  version                   TEXT NOT NULL,
  status                    TEXT NOT NULL,
  processing_status         TEXT NOT NULL,
  capture_mode              TEXT NOT NULL,
  custom_input              TEXT NOT NULL DEFAULT '',
  auto_config               INTEGER NOT NULL DEFAULT 0,
  ssh_reachable             INTEGER NOT NULL DEFAULT 0,
  ssh_reachable_last_update INTEGER,
  creation_time             INTEGER NOT NULL,
  last_active_time          INTEGER NOT NULL,
  uptime                    TEXT NOT NULL DEFAULT '',
  snort_enabled             INTEGER NOT NULL DEFAULT 0,
  recording                 INTEGER NOT NULL DEFAULT 0,
  recording_last_start      INTEGER,
  recording_last_stop       INTEGER,
  recording_last_size       INTEGER NOT NULL DEFAULT 0,
  statistics                INTEGER NOT NULL DEFAULT 0,
  has_presets               INTEGER NOT NULL DEFAULT 0,
  flow_rate_day             INTEGER NOT NULL DEFAULT 0,
  flow_count_day            INTEGER NOT NULL DEFAULT 0,
  flows_percentage          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sensor_status ON sensor (status COLLATE NOCASE);

CREATE TABLE grp (
  rowid             INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  label             TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  comments          TEXT NOT NULL DEFAULT '',
  color             TEXT NOT NULL,
  industrial_impact TEXT NOT NULL,
  creation_time     INTEGER NOT NULL
);
-- divergence: labels are unique regardless of case ("Room 214" and "room 214" clash).
CREATE UNIQUE INDEX grp_label ON grp (label COLLATE NOCASE);

CREATE TABLE group_property (
  group_rowid INTEGER NOT NULL REFERENCES grp (rowid) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  value       TEXT NOT NULL,
  last_update INTEGER NOT NULL,
  PRIMARY KEY (group_rowid, position)
) WITHOUT ROWID;

CREATE TABLE component (
  rowid            INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  creation_time    INTEGER NOT NULL,
  last_active_time INTEGER NOT NULL,
  ip               TEXT,
  ip_num           INTEGER,            -- IPv4 as an integer, for CIDR filters
  mac              TEXT NOT NULL,
  name             TEXT,
  model_name       TEXT,
  model_ref        TEXT,
  fw_version       TEXT,
  hw_version       TEXT,
  serial_number    TEXT,
  vendor_name      TEXT,
  project_name     TEXT,
  project_version  TEXT,
  custom_name      TEXT,
  custom_icon      TEXT,
  group_rowid      INTEGER REFERENCES grp (rowid) ON DELETE SET NULL,
  tags_json        TEXT NOT NULL DEFAULT '{}',
  props_json       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX component_last_active ON component (last_active_time);
CREATE INDEX component_ip ON component (ip);
CREATE INDEX component_ip_num ON component (ip_num);
CREATE INDEX component_mac ON component (mac);
CREATE INDEX component_vendor ON component (vendor_name);
CREATE INDEX component_group ON component (group_rowid);

CREATE TABLE component_tag (
  component_rowid INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  tag             TEXT NOT NULL,
  class           TEXT NOT NULL,
  PRIMARY KEY (component_rowid, tag)
) WITHOUT ROWID;
CREATE INDEX component_tag_tag ON component_tag (tag, component_rowid);

CREATE TABLE component_prop (
  component_rowid INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  value           TEXT NOT NULL,
  PRIMARY KEY (component_rowid, name)
) WITHOUT ROWID;
CREATE INDEX component_prop_name ON component_prop (name, value, component_rowid);

CREATE TABLE vulnerability (
  rowid               INTEGER PRIMARY KEY,
  id                  TEXT NOT NULL,
  component_rowid     INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  cve                 TEXT NOT NULL,
  title               TEXT NOT NULL,
  summary             TEXT NOT NULL,
  solution            TEXT NOT NULL,
  cvss                REAL NOT NULL,
  cvss_vector_string  TEXT NOT NULL,
  publish_time        INTEGER NOT NULL,
  UNIQUE (component_rowid, id)
);

CREATE TABLE flow (
  rowid            INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  src_component    INTEGER NOT NULL REFERENCES component (rowid),
  dst_component    INTEGER NOT NULL REFERENCES component (rowid),
  src_mac          TEXT NOT NULL,
  src_ip           TEXT,
  src_port         INTEGER,
  dst_mac          TEXT NOT NULL,
  dst_ip           TEXT,
  dst_port         INTEGER,
  ethertype        TEXT,
  protocol         TEXT,
  sensor_id        TEXT,
  network_category TEXT NOT NULL,
  first_seen       INTEGER NOT NULL,
  last_seen        INTEGER NOT NULL,
  tags_json        TEXT NOT NULL DEFAULT '{}',
  props_json       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX flow_last_seen ON flow (last_seen);
CREATE INDEX flow_src_component ON flow (src_component, last_seen);
CREATE INDEX flow_dst_component ON flow (dst_component, last_seen);
-- ip and mac filters go through the component indexes: a flow's addresses are its components'.
CREATE INDEX flow_src_port ON flow (src_port);
CREATE INDEX flow_dst_port ON flow (dst_port);
CREATE INDEX flow_netcat ON flow (network_category, last_seen);

-- last_seen is copied here so that "flows with tag T, by last_seen" is one index range.
CREATE TABLE flow_tag (
  flow_rowid INTEGER NOT NULL REFERENCES flow (rowid) ON DELETE CASCADE,
  tag        TEXT NOT NULL,
  class      TEXT NOT NULL,
  last_seen  INTEGER NOT NULL,
  PRIMARY KEY (flow_rowid, tag)
) WITHOUT ROWID;
CREATE INDEX flow_tag_tag ON flow_tag (tag, last_seen, flow_rowid);

CREATE TABLE flow_prop (
  flow_rowid INTEGER NOT NULL REFERENCES flow (rowid) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  value      TEXT NOT NULL,
  PRIMARY KEY (flow_rowid, name)
) WITHOUT ROWID;
CREATE INDEX flow_prop_name ON flow_prop (name, value, flow_rowid);

CREATE TABLE flow_content (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  flow_rowid   INTEGER NOT NULL REFERENCES flow (rowid) ON DELETE CASCADE,
  time         INTEGER NOT NULL,
  direction    TEXT NOT NULL,
  content_json TEXT NOT NULL
);
CREATE INDEX flow_content_flow ON flow_content (flow_rowid, time);

CREATE TABLE flow_stats (
  flow_rowid       INTEGER NOT NULL REFERENCES flow (rowid) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  direction        TEXT NOT NULL,
  direction_method TEXT NOT NULL,
  nb_packets       INTEGER NOT NULL,
  l2_bytes         INTEGER NOT NULL,
  l7_bytes         INTEGER NOT NULL,
  PRIMARY KEY (flow_rowid, position)
) WITHOUT ROWID;

CREATE TABLE event (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  creation_time   INTEGER NOT NULL,
  severity        TEXT NOT NULL,
  type            TEXT NOT NULL,
  family          TEXT NOT NULL,
  category        TEXT NOT NULL,
  short_message   TEXT NOT NULL,
  message         TEXT NOT NULL,
  component_rowid INTEGER REFERENCES component (rowid) ON DELETE SET NULL,
  flow_rowid      INTEGER REFERENCES flow (rowid) ON DELETE SET NULL,
  src_component   INTEGER REFERENCES component (rowid) ON DELETE SET NULL,
  dst_component   INTEGER REFERENCES component (rowid) ON DELETE SET NULL
);
CREATE INDEX event_time ON event (creation_time);
CREATE INDEX event_severity ON event (severity, creation_time);
CREATE INDEX event_category ON event (category, creation_time);
CREATE INDEX event_family ON event (family, creation_time);
CREATE INDEX event_type ON event (type, creation_time);
CREATE INDEX event_component ON event (component_rowid);
CREATE INDEX event_src ON event (src_component);
CREATE INDEX event_dst ON event (dst_component);

CREATE TABLE event_data (
  event_rowid  INTEGER PRIMARY KEY REFERENCES event (rowid) ON DELETE CASCADE,
  filename     TEXT NOT NULL,
  content_type TEXT NOT NULL,
  data         BLOB NOT NULL
);

CREATE TABLE variable (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  component_rowid INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  -- the first access to it, the order of /variables (guide 6.7.1: "asc" gives the oldest first)
  first_access    INTEGER
);
CREATE INDEX variable_first_access ON variable (first_access);
CREATE INDEX variable_component ON variable (component_rowid);

CREATE TABLE variable_access (
  variable_rowid INTEGER NOT NULL REFERENCES variable (rowid) ON DELETE CASCADE,
  author_rowid   INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  type           TEXT NOT NULL,
  first          INTEGER NOT NULL,
  last           INTEGER NOT NULL,
  PRIMARY KEY (variable_rowid, author_rowid, type)
) WITHOUT ROWID;

CREATE TABLE tag (
  key         TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  category    TEXT NOT NULL,
  type        TEXT NOT NULL,
  it          INTEGER NOT NULL DEFAULT 1,
  ot          INTEGER NOT NULL DEFAULT 1,
  origin      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX tag_label ON tag (label);

CREATE TABLE icon (
  key          TEXT PRIMARY KEY,
  description  TEXT NOT NULL,
  content_type TEXT NOT NULL,
  image        BLOB NOT NULL
) WITHOUT ROWID;

-- Analyzer rules keep the body as the client sent it (validated); position keeps creation order.
CREATE TABLE property_rule (
  rowid INTEGER PRIMARY KEY,
  id    TEXT NOT NULL UNIQUE,
  body  TEXT NOT NULL
);

CREATE TABLE port_rule (
  rowid INTEGER PRIMARY KEY,
  id    TEXT NOT NULL UNIQUE,
  body  TEXT NOT NULL
);

CREATE TABLE token (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE,  -- sha256 of the token; the clear token is never stored
  hint         TEXT NOT NULL,         -- the last 4 characters, for a masked display
  enabled      INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER,
  last_used_at INTEGER
);
