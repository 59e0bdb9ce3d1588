/**
 * /api/3.0/admin/sensorExplorer: sensor folders created, listed, read, changed and deleted, and
 * sensors moved between them, with Cisco's 400, 404, 409 and 412.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN, expectError3, testCenter, type TestCenter } from '../../helpers.js';

interface Folder {
  id: string;
  label: string;
  description: string;
  location: string;
  properties: string[];
  sensorCount: number;
  minVersion: string;
  maxVersion: string;
  healthStatus: { count: number; indicator: string; label: string };
  healthStatusList: { count: number; indicator: string; label: string }[];
  processingStatusList: { count: number; label: string }[];
  updateStatus: { na: number };
}
interface Sensor {
  id: string;
  status: { operationalStatus: string };
}

const ROOT = '/admin/sensorExplorer';
let c: TestCenter;
let sensors: Sensor[];
beforeAll(async () => {
  c = await testCenter();
  sensors = await c.json3<Sensor[]>('/sensors');
});
afterAll(() => c.close());
// Each test starts without folders.
beforeEach(() => {
  c.store.db.exec('DELETE FROM sensor_folder');
});

async function create(body: object): Promise<Folder> {
  const res = await c.v3('POST', `${ROOT}/folders`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Folder>();
}
const props = (id: string) => c.json3<Folder>(`${ROOT}/folders/${id}/properties`);
const list = () => c.json3<{ id: string; label: string }[]>(`${ROOT}/folders`);
const sel = (...ids: string[]) => ids.map((id) => ({ id, type: 'sensor' }));

describe('GET /admin/sensorExplorer/folders', () => {
  it('lists every folder, id and label, by label', async () => {
    const b = await create({ label: 'b line' });
    const a = await create({ label: 'A line' });
    expect(await list()).toEqual([
      { id: a.id, label: 'A line' },
      { id: b.id, label: 'b line' },
    ]);
  });

  it('lists none when there are none (the Root folder is not listed)', async () => {
    expect(await list()).toEqual([]);
  });
});

describe('POST /admin/sensorExplorer/folders', () => {
  it('creates the folder with the sensors of its selection, and answers it', async () => {
    expect(sensors.length).toBeGreaterThan(1);
    const [s0, s1] = sensors as [Sensor, Sensor];
    const f = await create({ label: 'Line 1', description: 'north', location: 'Hall B', properties: ['p'], selection: sel(s0.id, s1.id) });
    expect(f).toMatchObject({ label: 'Line 1', description: 'north', location: 'Hall B', properties: ['p'], sensorCount: 2, updateStatus: { na: 2 } });
    expect(f.healthStatusList.reduce((n, h) => n + h.count, 0)).toBe(2);
    expect(await props(f.id)).toEqual(f);
  });

  it('creates an empty folder without a selection', async () => {
    const f = await create({ label: 'Empty' });
    expect(f).toMatchObject({ description: '', location: '', properties: [], sensorCount: 0, minVersion: '', maxVersion: '', healthStatus: { count: 0, label: '', indicator: '' } });
  });

  it('answers 409 for a label a folder has (without case), and creates nothing', async () => {
    await create({ label: 'Line 1' });
    expectError3(await c.v3('POST', `${ROOT}/folders`, { label: 'LINE 1' }), 409, /A sensor folder with the label "LINE 1" already exists/);
    expect((await list()).length).toBe(1);
  });

  it('answers 404 for an unknown sensor in the selection, and creates nothing', async () => {
    expectError3(await c.v3('POST', `${ROOT}/folders`, { label: 'X', selection: sel(UNKNOWN) }), 404, /Sensor not found/);
    expect(await list()).toEqual([]);
  });

  it('answers 412 for a selection type other than sensor or folder, and creates nothing', async () => {
    expectError3(await c.v3('POST', `${ROOT}/folders`, { label: 'X', selection: [{ id: sensors[0]?.id, type: 'device' }] }), 412, /type of entry 0 is "device", not "folder" or "sensor"/);
    expect(await list()).toEqual([]);
  });

  it('answers 400 for a body without a label', async () => {
    expectError3(await c.v3('POST', `${ROOT}/folders`, { description: 'x' }), 400, /"label"/);
    expectError3(await c.v3('POST', `${ROOT}/folders`, { label: ' ' }), 400, /"label": must not be empty/);
    expect(await list()).toEqual([]);
  });
});

describe('PUT /admin/sensorExplorer/folders/{folderID}', () => {
  it('changes the fields given, keeps the others, and answers the folder', async () => {
    const f = await create({ label: 'Line 1', description: 'north', location: 'Hall B' });
    const res = await c.v3('PUT', `${ROOT}/folders/${f.id}`, { label: 'Line 2', location: 'Hall C' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: f.id, label: 'Line 2', description: 'north', location: 'Hall C' });
    expect(await props(f.id)).toMatchObject({ label: 'Line 2', description: 'north', location: 'Hall C' });
  });

  it('answers 409 for a label another folder has, and changes nothing', async () => {
    await create({ label: 'Taken' });
    const f = await create({ label: 'Mine' });
    expectError3(await c.v3('PUT', `${ROOT}/folders/${f.id}`, { label: 'taken' }), 409, /already exists/);
    expect((await props(f.id)).label).toBe('Mine');
    expect((await c.v3('PUT', `${ROOT}/folders/${f.id}`, { label: 'MINE' })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown folder', async () => {
    expectError3(await c.v3('PUT', `${ROOT}/folders/${UNKNOWN}`, { label: 'x' }), 404, /Sensor folder not found/);
  });

  it('answers 400 for an id that is not a UUID, or a bad body', async () => {
    const f = await create({ label: 'Line 1' });
    expectError3(await c.v3('PUT', `${ROOT}/folders/nope`, { label: 'x' }), 400, /Invalid sensor folder id: "nope" is not a UUID/);
    expectError3(await c.v3('PUT', `${ROOT}/folders/${f.id}`, { label: 4 }), 400, /"label": must be a string/);
    expect((await props(f.id)).label).toBe('Line 1');
  });
});

describe('DELETE /admin/sensorExplorer/folders/{folderID}', () => {
  it('deletes the folder; its sensors go to the Root folder and can join another', async () => {
    const [s0] = sensors as [Sensor];
    const f = await create({ label: 'Gone', selection: sel(s0.id) });
    const res = await c.v3('DELETE', `${ROOT}/folders/${f.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ Status: 200 });
    expect(await list()).toEqual([]);
    expectError3(await c.v3('GET', `${ROOT}/folders/${f.id}/properties`), 404, /Sensor folder not found/);
    expect((await create({ label: 'Next', selection: sel(s0.id) })).sensorCount).toBe(1);
  });

  it('answers 404 for an unknown folder', async () => {
    expectError3(await c.v3('DELETE', `${ROOT}/folders/${UNKNOWN}`), 404, /Sensor folder not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('DELETE', `${ROOT}/folders/nope`), 400, /not a UUID/);
  });
});

describe('GET /admin/sensorExplorer/folders/{folderID}/properties', () => {
  it("answers the folder with its sensors' statuses counted", async () => {
    const f = await create({ label: 'All', selection: sel(...sensors.map((s) => s.id)) });
    const p = await props(f.id);
    expect(p.sensorCount).toBe(sensors.length);
    const connected = sensors.filter((s) => s.status.operationalStatus === 'CONNECTED').length;
    expect(p.healthStatusList.find((h) => h.label === 'CONNECTED')?.count ?? 0).toBe(connected);
    expect(p.processingStatusList.reduce((n, h) => n + h.count, 0)).toBe(sensors.length);
  });

  it('answers 404 for an unknown folder', async () => {
    expectError3(await c.v3('GET', `${ROOT}/folders/${UNKNOWN}/properties`), 404, /Sensor folder not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', `${ROOT}/folders/nope/properties`), 400, /not a UUID/);
  });
});

describe('POST /admin/sensorExplorer/selection/moveTo', () => {
  it('moves sensors, and the sensors of a folder, into the target; answers their ids', async () => {
    const [s0, s1] = sensors as [Sensor, Sensor];
    const from = await create({ label: 'From', selection: sel(s0.id) });
    const to = await create({ label: 'To' });
    const res = await c.v3('POST', `${ROOT}/selection/moveTo?target=${to.id}`, [{ id: from.id, type: 'folder' }, ...sel(s1.id)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([s0.id, s1.id]);
    expect((await props(to.id)).sensorCount).toBe(2);
    expect((await props(from.id)).sensorCount).toBe(0);
  });

  it('moves them to the Root folder without a target', async () => {
    const [s0] = sensors as [Sensor];
    const f = await create({ label: 'Line', selection: sel(s0.id) });
    expect((await c.v3('POST', `${ROOT}/selection/moveTo`, sel(s0.id))).json()).toEqual([s0.id]);
    expect((await props(f.id)).sensorCount).toBe(0);
  });

  it('answers 404 for an unknown sensor, folder or target, and moves nothing', async () => {
    const [s0] = sensors as [Sensor];
    const to = await create({ label: 'To' });
    expectError3(await c.v3('POST', `${ROOT}/selection/moveTo?target=${to.id}`, [...sel(s0.id, UNKNOWN)]), 404, /Sensor not found/);
    expectError3(await c.v3('POST', `${ROOT}/selection/moveTo?target=${to.id}`, [{ id: UNKNOWN, type: 'folder' }]), 404, /Sensor folder not found/);
    expectError3(await c.v3('POST', `${ROOT}/selection/moveTo?target=${UNKNOWN}`, sel(s0.id)), 404, /Sensor folder not found/);
    expect((await props(to.id)).sensorCount).toBe(0);
  });

  it('answers 412 for a type other than sensor or folder, and moves nothing', async () => {
    const to = await create({ label: 'To' });
    expectError3(await c.v3('POST', `${ROOT}/selection/moveTo?target=${to.id}`, [...sel(sensors[0]?.id as string), { id: sensors[1]?.id, type: 'component' }]), 412, /entry 1 is "component"/);
    expect((await props(to.id)).sensorCount).toBe(0);
  });

  it('answers 400 for a body that is not an array, or a target that is not a UUID', async () => {
    expectError3(await c.v3('POST', `${ROOT}/selection/moveTo`, { id: sensors[0]?.id, type: 'sensor' }), 400, /an array of \{"id", "type"\} is required/);
    expectError3(await c.v3('POST', `${ROOT}/selection/moveTo?target=nope`, sel(sensors[0]?.id as string)), 400, /not a UUID/);
  });
});

interface Entry {
  type: string;
  object: { id: string; label?: string; name?: string };
}
const entries = (path: string) => c.json3<Entry[]>(path);
const ids = (list: Entry[]) => list.map((e) => `${e.type}:${e.object.id}`);

describe('GET /admin/sensorExplorer', () => {
  it('lists the Root folder: every folder by label, then the sensors in no folder', async () => {
    const [s0, ...rest] = sensors as [Sensor, ...Sensor[]];
    const b = await create({ label: 'B', selection: sel(s0.id) });
    const a = await create({ label: 'a' });
    const list = await entries(ROOT);
    expect(ids(list)).toEqual([`folder:${a.id}`, `folder:${b.id}`, ...rest.map((s) => `sensor:${s.id}`)]);
    expect(list[1]?.object).toEqual(await props(b.id));
    expect(list[2]?.object).toEqual((await c.json3<Sensor[]>('/sensors')).find((s) => s.id === rest[0]?.id));
  });

  it('filters, sorts and pages', async () => {
    const f = await create({ label: 'Zone' });
    expect(ids(await entries(`${ROOT}?filter=type:folder`))).toEqual([`folder:${f.id}`]);
    expect(ids(await entries(`${ROOT}?sort=type:DESC&size=1&page=1`))).toEqual([`sensor:${sensors[0]?.id}`]);
    expect(await entries(`${ROOT}?size=10&page=99`)).toEqual([]);
  });

  it('answers 400 for a sort or filter field it does not know', async () => {
    expectError3(await c.v3('GET', `${ROOT}?sort=colour`), 400, /"sort"/);
  });
});

describe('GET /admin/sensorExplorer/folders/{folderID}', () => {
  it("lists the folder's sensors, oldest first, and pages", async () => {
    const [s0, s1] = sensors as [Sensor, Sensor];
    const f = await create({ label: 'Two', selection: sel(s1.id, s0.id) });
    expect(ids(await entries(`${ROOT}/folders/${f.id}`))).toEqual([`sensor:${s0.id}`, `sensor:${s1.id}`]);
    expect(ids(await entries(`${ROOT}/folders/${f.id}?page=2&size=1`))).toEqual([`sensor:${s1.id}`]);
  });

  it('answers 404 for an unknown folder (divergence: Cisco lists none)', async () => {
    expectError3(await c.v3('GET', `${ROOT}/folders/${UNKNOWN}`), 404, /Sensor folder not found/);
  });

  it('answers 400 for an id that is not a UUID', async () => {
    expectError3(await c.v3('GET', `${ROOT}/folders/nope`), 400, /not a UUID/);
  });
});

describe('POST /admin/sensorExplorer/selection', () => {
  it('answers the folders and sensors selected, in order, each once, and pages', async () => {
    const [s0, s1] = sensors as [Sensor, Sensor];
    const f = await create({ label: 'Sel', selection: sel(s0.id) });
    const body = [...sel(s1.id), { id: f.id, type: 'folder' }, ...sel(s1.id)];
    const res = await c.v3('POST', `${ROOT}/selection`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(ids(res.json<Entry[]>())).toEqual([`sensor:${s1.id}`, `folder:${f.id}`]);
    expect(ids((await c.v3('POST', `${ROOT}/selection?page=2&size=1`, body)).json<Entry[]>())).toEqual([`folder:${f.id}`]);
  });

  it('answers 404 for an unknown sensor or folder', async () => {
    expectError3(await c.v3('POST', `${ROOT}/selection`, sel(UNKNOWN)), 404, /Sensor not found/);
    expectError3(await c.v3('POST', `${ROOT}/selection`, [{ id: UNKNOWN, type: 'folder' }]), 404, /Sensor folder not found/);
  });

  it('answers 412 for a type other than sensor or folder', async () => {
    expectError3(await c.v3('POST', `${ROOT}/selection`, [{ id: sensors[0]?.id }]), 412, /the type of entry 0 is missing, not "folder" or "sensor"/);
  });

  it('answers 400 for a body that is not an array', async () => {
    expectError3(await c.v3('POST', `${ROOT}/selection`, { id: sensors[0]?.id, type: 'sensor' }), 400, /an array of \{"id", "type"\} is required/);
  });
});
