-- API 3.0 active discovery (Cisco's "ActiveDiscovery"): policies (which protocols to probe),
-- profiles (which sensors scan which addresses with which policy) and the last scan of each
-- profile. Names are unique without case. A profile's sensors and presets are rows of their own,
-- so that deleting a sensor or a preset drops it from every profile (ON DELETE CASCADE), and
-- deleting a policy leaves its profiles without one (ON DELETE SET NULL).
CREATE TABLE ad_policy (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  broadcast_json  TEXT NOT NULL DEFAULT '[]',
  unicast_json    TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX ad_policy_name ON ad_policy (name COLLATE NOCASE);

CREATE TABLE ad_profile (
  rowid           INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  policy_rowid    INTEGER REFERENCES ad_policy (rowid) ON DELETE SET NULL,
  all_sensors     INTEGER NOT NULL DEFAULT 0,
  ip_ranges_json  TEXT NOT NULL DEFAULT '[]',
  ip_targets_json TEXT NOT NULL DEFAULT '[]',
  run_once        TEXT NOT NULL DEFAULT '',
  scan_frequency  TEXT NOT NULL DEFAULT '',
  scheduled       INTEGER NOT NULL DEFAULT 0,
  start_time      INTEGER NOT NULL DEFAULT 0,
  end_time        INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ad_profile_name ON ad_profile (name COLLATE NOCASE);
CREATE INDEX ad_profile_policy ON ad_profile (policy_rowid);

CREATE TABLE ad_profile_sensor (
  profile_rowid INTEGER NOT NULL REFERENCES ad_profile (rowid) ON DELETE CASCADE,
  sensor_rowid  INTEGER NOT NULL REFERENCES sensor (rowid) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  PRIMARY KEY (profile_rowid, sensor_rowid)
) WITHOUT ROWID;
CREATE INDEX ad_profile_sensor_sensor ON ad_profile_sensor (sensor_rowid);

CREATE TABLE ad_profile_preset (
  profile_rowid INTEGER NOT NULL REFERENCES ad_profile (rowid) ON DELETE CASCADE,
  preset_rowid  INTEGER NOT NULL REFERENCES preset (rowid) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  PRIMARY KEY (profile_rowid, preset_rowid)
) WITHOUT ROWID;
CREATE INDEX ad_profile_preset_preset ON ad_profile_preset (preset_rowid);

-- The last scan of a profile (one per profile; a new run replaces it): times in µs, the
-- per-sensor requests as the JSON array of Cisco's ActiveDiscoveryScanConsolidatedReportDetails.
CREATE TABLE ad_scan (
  profile_rowid INTEGER PRIMARY KEY REFERENCES ad_profile (rowid) ON DELETE CASCADE,
  id            TEXT NOT NULL,
  start_time    INTEGER NOT NULL,
  end_time      INTEGER NOT NULL,
  status        TEXT NOT NULL,
  status_text   TEXT NOT NULL,
  requests_json TEXT NOT NULL
);
