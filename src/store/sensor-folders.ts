/** Sensor folders (3.0 "SensorExplorer", migration 008) and which sensors each holds. */
import type { Db } from './db.js';

export interface SensorFolderRow {
  id: string;
  label: string;
  description: string;
  location: string;
  properties: string[];
}
/** What a folder's answer reads of each of its sensors. */
export interface FolderSensor {
  id: string;
  version: string;
  status: string;
  processingStatus: string;
}

type Row = Omit<SensorFolderRow, 'properties'> & { properties_json: string };
const toFolder = ({ properties_json, ...r }: Row): SensorFolderRow => ({ ...r, properties: JSON.parse(properties_json) as string[] });
const COLUMNS = 'id, label, description, location, properties_json';

export function createSensorFolderRepo(db: Db) {
  const listStmt = db.prepare(`SELECT ${COLUMNS} FROM sensor_folder ORDER BY label COLLATE NOCASE, rowid`);
  const getStmt = db.prepare(`SELECT ${COLUMNS} FROM sensor_folder WHERE id = ?`);
  const byLabel = db.prepare('SELECT id FROM sensor_folder WHERE label = ? COLLATE NOCASE').pluck();
  const insertStmt = db.prepare('INSERT INTO sensor_folder (id, label, description, location, properties_json) VALUES (@id, @label, @description, @location, @properties)');
  const updateStmt = db.prepare('UPDATE sensor_folder SET label = @label, description = @description, location = @location WHERE id = @id');
  const deleteStmt = db.prepare('DELETE FROM sensor_folder WHERE id = ?');
  const sensorsStmt = db.prepare(
    'SELECT s.id, s.version, s.status, s.processing_status AS processingStatus FROM sensor s JOIN sensor_folder f ON f.rowid = s.folder_rowid WHERE f.id = ? ORDER BY s.creation_time, s.rowid',
  );
  const sensorIdsIn = db.prepare('SELECT s.id FROM sensor s JOIN sensor_folder f ON f.rowid = s.folder_rowid WHERE f.id = ? ORDER BY s.creation_time, s.rowid').pluck();
  const rootStmt = db.prepare('SELECT id FROM sensor WHERE folder_rowid IS NULL ORDER BY creation_time, rowid').pluck();
  const moveStmt = db.prepare('UPDATE sensor SET folder_rowid = (SELECT rowid FROM sensor_folder WHERE id = ?) WHERE id = ?');
  return {
    list(): SensorFolderRow[] {
      return (listStmt.all() as Row[]).map(toFolder);
    },
    get(id: string): SensorFolderRow | undefined {
      const row = getStmt.get(id) as Row | undefined;
      return row ? toFolder(row) : undefined;
    },
    /** The id of the folder of this label (without case), if any. */
    withLabel(label: string): string | undefined {
      return byLabel.get(label) as string | undefined;
    },
    insert(f: SensorFolderRow): void {
      insertStmt.run({ ...f, properties: JSON.stringify(f.properties) });
    },
    update(f: Omit<SensorFolderRow, 'properties'>): void {
      updateStmt.run(f);
    },
    /** Its sensors go to the Root folder (ON DELETE SET NULL). */
    delete(id: string): void {
      deleteStmt.run(id);
    },
    sensors(id: string): FolderSensor[] {
      return sensorsStmt.all(id) as FolderSensor[];
    },
    sensorIds(id: string): string[] {
      return sensorIdsIn.all(id) as string[];
    },
    /** The ids of the sensors in no folder (the Root folder). */
    rootSensorIds(): string[] {
      return rootStmt.all() as string[];
    },
    /** Moves the sensors into the folder, or to the Root folder (null). */
    move(sensorIds: readonly string[], folderId: string | null): void {
      for (const id of sensorIds) moveStmt.run(folderId, id);
    },
  };
}

export type SensorFolderRepo = ReturnType<typeof createSensorFolderRepo>;
