-- What API 3.0 needs of the world that a Center learns from traffic: devices (the physical
-- assets its components belong to), activities (the flows between two components, summed up),
-- the credentials it read in clear-text protocols, and the flows that reach a public address.
-- All of it is written by the ingest pipeline (src/ingest/), like the rest of the world.

-- A device is the unicast MAC its components share (src/ingest/device-rule.ts). The `*_rank`
-- columns say how good the stored label, type and icon are (lower is better): ingest replaces
-- them when a component of the device knows better, without reading the other components.
-- Its first and last activity are its components' (read with them): kept here too, they would
-- cost every batch of live traffic a second write per component seen.
CREATE TABLE device (
  rowid                 INTEGER PRIMARY KEY,
  id                    TEXT NOT NULL UNIQUE,
  mac                   TEXT NOT NULL UNIQUE,
  label                 TEXT NOT NULL,
  label_rank            INTEGER NOT NULL,
  label_component       INTEGER,            -- the component the label comes from
  custom_label          TEXT,
  device_type           TEXT NOT NULL DEFAULT '',
  type_rank             INTEGER NOT NULL,
  icon                  TEXT NOT NULL,
  icon_rank             INTEGER NOT NULL,
  creation_time         INTEGER NOT NULL,
  risk_score            INTEGER,
  best_achievable_score INTEGER
);

ALTER TABLE component ADD COLUMN device_rowid INTEGER REFERENCES device (rowid) ON DELETE SET NULL;
-- Also finds the components without a device (NULL): network nodes of their own, a few.
CREATE INDEX component_device ON component (device_rowid);

-- One activity per unordered pair of components: `left_component` has the smaller id, so the
-- activity's id is "<left id>_<right id>". Rowids in the order the activities began (the order
-- of their first flow): appended, a batch's new activities dirty a few pages of the table and of
-- activity_tag, not one each (measured). node_a and node_b are the pair's network nodes (a
-- device's rowid, or minus the rowid of a component that has none), smaller first: a preset's
-- activity list groups activities by them. Sums over the activity's flows (flow_stats: packets
-- and layer 2 bytes; events about its flows).
CREATE TABLE activity (
  rowid           INTEGER PRIMARY KEY,
  left_component  INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  right_component INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  node_a          INTEGER NOT NULL,
  node_b          INTEGER NOT NULL,
  first_activity  INTEGER NOT NULL,
  last_activity   INTEGER NOT NULL,
  flow_count      INTEGER NOT NULL,
  packets_count   INTEGER NOT NULL,
  bytes_count     INTEGER NOT NULL,
  events_count    INTEGER NOT NULL,
  UNIQUE (left_component, right_component)
);
CREATE INDEX activity_right ON activity (right_component);
CREATE INDEX activity_nodes ON activity (node_a, node_b);

-- The union of the tags of an activity's flows.
CREATE TABLE activity_tag (
  activity_rowid INTEGER NOT NULL REFERENCES activity (rowid) ON DELETE CASCADE,
  tag            TEXT NOT NULL,
  class          TEXT NOT NULL,
  PRIMARY KEY (activity_rowid, tag)
) WITHOUT ROWID;

-- Credentials read in clear-text protocols, kept on the server that accepted them.
CREATE TABLE credential (
  rowid           INTEGER PRIMARY KEY,
  component_rowid INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  protocol        TEXT NOT NULL,
  username        TEXT NOT NULL,
  password        TEXT NOT NULL,
  algo            TEXT NOT NULL,
  creation_time   INTEGER NOT NULL,
  last_update     INTEGER NOT NULL,
  UNIQUE (component_rowid, protocol, username)
);

-- The flows between a component of the site and one at a public address.
CREATE TABLE external_communication (
  flow_rowid         INTEGER PRIMARY KEY REFERENCES flow (rowid) ON DELETE CASCADE,
  internal_component INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE,
  external_component INTEGER NOT NULL REFERENCES component (rowid) ON DELETE CASCADE
);
CREATE INDEX external_communication_internal ON external_communication (internal_component);
CREATE INDEX external_communication_external ON external_communication (external_component);
