-- API 3.0 sensor and deployment writes (Cisco's "Sensors" and "Deployments").

-- 1. What 3.0 writes on a sensor beyond the 1.0 columns: its location (PUT and DELETE
-- /sensors/{id}/location; WGS84 decimal degrees, null when none) and the active discovery
-- interfaces (POST /sensors/active-discovery, CreateSensorBody), as the JSON array Cisco's
-- ActiveDiscoveryInterface list is.
ALTER TABLE sensor ADD COLUMN latitude REAL;
ALTER TABLE sensor ADD COLUMN longitude REAL;
ALTER TABLE sensor ADD COLUMN active_discovery_json TEXT NOT NULL DEFAULT '[]';

-- 2. Deployment keys (Cisco's DeploymentKeyResponse): a name unique without case, an expiry
-- (µs, null for none), a usage budget (0: no limit), and the last JWT generation's outcome.
CREATE TABLE deployment (
  rowid                 INTEGER PRIMARY KEY,
  id                    TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  enable                INTEGER NOT NULL DEFAULT 1,
  creation_time         INTEGER NOT NULL,
  expiration_time       INTEGER,
  max_usage_count       INTEGER NOT NULL DEFAULT 0,
  usage_count           INTEGER NOT NULL DEFAULT 0,
  last_status_success   INTEGER,
  last_status_error     TEXT NOT NULL DEFAULT '',
  last_status_time      INTEGER
);
CREATE UNIQUE INDEX deployment_by_name ON deployment (name COLLATE NOCASE);
