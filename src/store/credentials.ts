/**
 * Credentials a Center read in clear-text protocols, per component (the server that accepted
 * them); a device's are the union of its components'. Reads take and return ids.
 */
import type { Credential, CredentialAlgo } from '../domain/credentials.js';
import type { Micros } from '../domain/time.js';
import type { Db } from './db.js';

/** A credential seen by a batch of ingest, on the component that accepted it. */
export interface SeenCredential {
  componentRowid: number;
  protocol: string;
  username: string;
  password: string;
  algo: CredentialAlgo;
  first: Micros;
  last: Micros;
}

interface CredentialRow {
  component_id: string;
  protocol: string;
  username: string;
  password: string;
  algo: CredentialAlgo;
  creation_time: number;
  last_update: number;
}

const toCredential = (r: CredentialRow): Credential => ({
  componentId: r.component_id,
  protocol: r.protocol,
  username: r.username,
  password: r.password,
  algo: r.algo,
  creationTime: r.creation_time,
  lastUpdate: r.last_update,
});

const COLUMNS = 'c.id AS component_id, x.protocol, x.username, x.password, x.algo, x.creation_time, x.last_update';

export function createCredentialRepo(db: Db) {
  // The password last seen wins (a changed password is the same account's).
  const upsert = db.prepare(
    `INSERT INTO credential (component_rowid, protocol, username, password, algo, creation_time, last_update)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?) WHERE true
     ON CONFLICT (component_rowid, protocol, username) DO UPDATE SET
       password = iif(excluded.last_update >= last_update, excluded.password, password),
       algo = iif(excluded.last_update >= last_update, excluded.algo, algo),
       creation_time = min(creation_time, excluded.creation_time), last_update = max(last_update, excluded.last_update)`,
  );
  const ofComponent = db.prepare(
    `SELECT ${COLUMNS} FROM credential x JOIN component c ON c.rowid = x.component_rowid WHERE c.id = ?
     ORDER BY x.protocol, x.username`,
  );
  const ofDevice = db.prepare(
    `SELECT ${COLUMNS} FROM device d JOIN component c ON c.device_rowid = d.rowid JOIN credential x ON x.component_rowid = c.rowid
     WHERE d.id = ? ORDER BY x.protocol, x.username, c.id`,
  );
  const countStmt = db.prepare('SELECT count(*) FROM credential').pluck();

  return {
    /** The credentials a component accepted, by protocol and user name. */
    ofComponent(componentId: string): Credential[] {
      return (ofComponent.all(componentId) as CredentialRow[]).map(toCredential);
    },

    /** The credentials of a device's components, by protocol and user name. */
    ofDevice(deviceId: string): Credential[] {
      return (ofDevice.all(deviceId) as CredentialRow[]).map(toCredential);
    },

    count(): number {
      return countStmt.get() as number;
    },

    /** Records what a batch saw: new credentials, or later sightings of known ones. */
    record(seen: readonly SeenCredential[]): void {
      if (seen.length === 0) return;
      upsert.run(JSON.stringify(seen.map((s) => [s.componentRowid, s.protocol, s.username, s.password, s.algo, s.first, s.last])));
    },
  };
}

export type CredentialRepo = ReturnType<typeof createCredentialRepo>;
