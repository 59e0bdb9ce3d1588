/**
 * Writes of sensor folders (Cisco 3.0 "SensorExplorer": POST, PUT and DELETE
 * /admin/sensorExplorer/folders[/{folderID}], POST /admin/sensorExplorer/selection/moveTo), each
 * one transaction, every check before the write.
 */
import { errors } from '../errors.js';
import type { SensorFolderRow } from '../store/sensor-folders.js';
import type { Store } from '../store/store.js';

interface Ctx {
  store: Store;
  newId: () => string;
}

/** A selection entry as the body gives it: Cisco's SensorExplorerSelection {id, type}. */
export interface SelectionEntry {
  id: string;
  type?: unknown;
}

/**
 * A selection checked: 412 for a type that is neither "sensor" nor "folder" (Cisco), then 404
 * for an unknown sensor or folder. Also what POST /admin/sensorExplorer/selection reads.
 */
export function checkedSelection(store: Store, selection: readonly SelectionEntry[]): { type: 'sensor' | 'folder'; id: string }[] {
  const typed = selection.map((e, i) => {
    if (e.type !== 'sensor' && e.type !== 'folder') throw errors.selectionType(i, e.type);
    return { type: e.type as 'sensor' | 'folder', id: e.id.toLowerCase(), given: e.id };
  });
  for (const e of typed) {
    if (e.type === 'sensor' && !store.sensors.get(e.id)) throw errors.notFound('Sensor', e.given);
    if (e.type === 'folder' && !store.sensorFolders.get(e.id)) throw errors.notFound('Sensor folder', e.given);
  }
  return typed.map(({ type, id }) => ({ type, id }));
}

/** The sensors a selection names: a sensor itself, a folder all its sensors; checked before anything moves. */
function selectedSensors(store: Store, selection: readonly SelectionEntry[]): string[] {
  const ids = new Set<string>();
  for (const e of checkedSelection(store, selection)) {
    if (e.type === 'sensor') ids.add(e.id);
    else for (const s of store.sensorFolders.sensorIds(e.id)) ids.add(s);
  }
  return [...ids];
}

/**
 * Cisco createFolder: 409 when a folder has the label (without case). The sensors of its
 * `selection` (CreateFolder) move into it.
 */
export function createFolder(ctx: Ctx, f: Omit<SensorFolderRow, 'id'>, selection: readonly SelectionEntry[]): string {
  const { store } = ctx;
  return store.transaction(() => {
    if (store.sensorFolders.withLabel(f.label) !== undefined) throw errors.folderLabelTaken(f.label);
    const sensors = selectedSensors(store, selection);
    const id = ctx.newId();
    store.sensorFolders.insert({ id, ...f });
    store.sensorFolders.move(sensors, id);
    return id;
  });
}

/** Cisco updateFolder: the fields given replace; 404 for an unknown folder, 409 for a label another folder has. */
export function updateFolder(store: Store, id: string, change: Partial<Pick<SensorFolderRow, 'label' | 'description' | 'location'>>): void {
  store.transaction(() => {
    const folder = store.sensorFolders.get(id);
    if (!folder) throw errors.notFound('Sensor folder', id);
    const next = { ...folder, ...change };
    const holder = store.sensorFolders.withLabel(next.label);
    if (holder !== undefined && holder !== id) throw errors.folderLabelTaken(next.label);
    store.sensorFolders.update(next);
  });
}

/** Cisco deleteFolder: "The folder's sensors are moved to the root folder"; 404 for an unknown folder. */
export function deleteFolder(store: Store, id: string): void {
  store.transaction(() => {
    if (!store.sensorFolders.get(id)) throw errors.notFound('Sensor folder', id);
    store.sensorFolders.delete(id);
  });
}

/**
 * Cisco moveSensorsToFolder: the sensors selected (a folder: all of its sensors) move into the
 * target folder, or to the Root folder without one; 404 for an unknown target. Answers the ids
 * of the sensors moved.
 */
export function moveToFolder(store: Store, selection: readonly SelectionEntry[], target: string | null): string[] {
  return store.transaction(() => {
    if (target !== null && !store.sensorFolders.get(target)) throw errors.notFound('Sensor folder', target);
    const sensors = selectedSensors(store, selection);
    store.sensorFolders.move(sensors, target);
    return sensors;
  });
}
