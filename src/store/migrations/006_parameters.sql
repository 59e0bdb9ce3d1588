-- The Center's parameters (API 3.0 "Parameters": GET, POST, PUT /parameters, GET and DELETE
-- /parameters/{key}): Cisco's "a mean of storing and retrieving parameters in the database in
-- the form of keys and values". A table of their own, apart from `setting`, so that the
-- emulator's internals (admin key, token seed, licence, world.*, center.id, the deployments'
-- signing key) are never shown or written through the API. A value is kept as its JSON text
-- (a string, a number or a boolean, as Cisco's example gives them).
CREATE TABLE parameter (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
) WITHOUT ROWID;

-- The sensors' global credentials (/globalCredentials) are two of these parameters: they move
-- out of `setting`, as JSON strings.
INSERT INTO parameter (key, value_json)
  SELECT key, json_quote(value) FROM setting WHERE key IN ('sensor.security.login', 'sensor.security.password');
DELETE FROM setting WHERE key IN ('sensor.security.login', 'sensor.security.password');
