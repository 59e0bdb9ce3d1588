/**
 * Sensor folders (Cisco's "SensorExplorer"): GET and POST /admin/sensorExplorer/folders, PUT and
 * DELETE /admin/sensorExplorer/folders/{folderID}, GET .../{folderID}/properties and POST
 * /admin/sensorExplorer/selection/moveTo, over src/operations/sensor-folders.ts. A sensor in no
 * folder is in the "Root" folder, which is not listed (it has no id). The sensors are 1.0's.
 * The explorer's lists (GET /admin/sensorExplorer, GET /admin/sensorExplorer/folders/{folderID},
 * POST /admin/sensorExplorer/selection) are of SensorExplorerEntry {type, object}: a folder as
 * SensorFolder, a sensor as GET /sensors lists it; page, size, sort and filter as 3.0's lists.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../errors.js';
import { SENSOR_EXPLORER_FIELDS } from '../../../domain/list-fields.js';
import { listInMemory } from '../../../domain/list-in-memory.js';
import type { Sensor } from '../../../domain/types.js';
import { checkedSelection, createFolder, deleteFolder, moveToFolder, updateFolder } from '../../../operations/sensor-folders.js';
import type { SensorFolderRow } from '../../../store/sensor-folders.js';
import { checkId, found } from '../../kit.js';
import { listParams } from '../list-query.js';
import { errorResponses, operation } from '../kit.js';
import { listRequest, page, size } from '../params.js';
import { doc } from '../registry.js';
import { CreateFolderSchema, LightFolderSchema, SelectionSchema, SensorExplorerEntrySchema, SensorFolderSchema, SimpleResponseSchema, UpdateFolderSchema } from '../schemas/sensor-folders.js';
import { sensorFolder } from '../serialize/sensor-folders.js';
import { sensorOverview } from '../serialize/sensors.js';

const EXAMPLE_ID = '8965c2de-cff9-4afa-bffe-a4ae29de57bf';
const Params = z.object({ folderID: doc(z.string(), { description: 'folder id', example: EXAMPLE_ID }) });
const BAD_ID = errors.badId('sensor folder', 'x').message;
const NOT_FOUND = errors.notFound('Sensor folder', EXAMPLE_ID).message;
const TAKEN = errors.folderLabelTaken('Line 1').message;

type Item = { type: 'folder'; folder: SensorFolderRow } | { type: 'sensor'; sensor: Sensor };
const SHAPE = {
  fields: SENSOR_EXPLORER_FIELDS,
  value: {
    type: (x: Item) => x.type,
    label: (x: Item) => (x.type === 'folder' ? x.folder.label : x.sensor.name),
    serialNumber: (x: Item) => (x.type === 'folder' ? '' : x.sensor.serialNumber),
    version: (x: Item) => (x.type === 'folder' ? '' : x.sensor.version),
  },
};
const Entries = doc(z.array(SensorExplorerEntrySchema), { description: 'list successful' });

const plugin: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const answer = (id: string) => sensorFolder(found(store.sensorFolders.get(id), 'Sensor folder', id), store.sensorFolders.sensors(id));
  const centerId = () => store.settings.get('center.id') ?? '';
  const sensorItems = (ids: readonly string[]): Item[] => ids.flatMap((id) => {
    const sensor = store.sensors.get(id);
    return sensor ? [{ type: 'sensor' as const, sensor }] : [];
  });
  const entry = (x: Item, center: string) =>
    x.type === 'folder' ? { type: x.type, object: sensorFolder(x.folder, store.sensorFolders.sensors(x.folder.id)) } : { type: x.type, object: sensorOverview(x.sensor, center) };

  const explorer = operation(
    'GET',
    '/admin/sensorExplorer',
    'The Root folder: every folder (by label), then the sensors in no folder (oldest first). Sort and filter fields: type, label (a folder\'s label, a sensor\'s name), serialNumber, version (divergence: Cisco names none). Without `page` and `size`, every one.',
  );
  app.get(
    explorer.url,
    { schema: { ...explorer.docs, querystring: z.object(listParams(SENSOR_EXPLORER_FIELDS)), response: { 200: Entries, ...errorResponses({ badRequest: 'Invalid query parameter "sort": unknown field "name"' }) } } },
    async (request) => {
      const items: Item[] = [...store.sensorFolders.list().map((folder) => ({ type: 'folder' as const, folder })), ...sensorItems(store.sensorFolders.rootSensorIds())];
      const center = centerId();
      return listInMemory(items, listRequest(request.query), SHAPE).map((x) => entry(x, center));
    },
  );

  const inFolder = operation(
    'GET',
    '/admin/sensorExplorer/folders/{folderID}',
    'The sensors of the folder, oldest first, with the same sort and filter fields. divergence: 400 for an id that is not a UUID and 404 for an unknown folder (Cisco lists neither).',
  );
  app.get(
    inFolder.url,
    {
      schema: {
        ...inFolder.docs,
        params: Params,
        querystring: z.object(listParams(SENSOR_EXPLORER_FIELDS)),
        response: { 200: Entries, ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) },
      },
    },
    async (request) => {
      const id = checkId(request.params.folderID, 'sensor folder');
      found(store.sensorFolders.get(id), 'Sensor folder', id);
      const center = centerId();
      return listInMemory(sensorItems(store.sensorFolders.sensorIds(id)), listRequest(request.query), SHAPE).map((x) => entry(x, center));
    },
  );

  const selection = operation(
    'POST',
    '/admin/sensorExplorer/selection',
    'The folders and sensors of the body, in its order (a folder once, a sensor once). 404 for an unknown sensor or folder, 412 for a type other than "sensor" or "folder"; 400 for a body that is not an array.',
  );
  app.post(
    selection.url,
    {
      schema: {
        ...selection.docs,
        querystring: z.object({ page, size }),
        body: SelectionSchema,
        response: { 200: Entries, ...errorResponses({ badRequest: 'Invalid body: an array of {"id", "type"} is required', notFound: NOT_FOUND, preconditionFailed: errors.selectionType(0, 'device').message }) },
      },
    },
    async (request) => {
      const seen = new Set<string>();
      const items: Item[] = [];
      for (const e of checkedSelection(store, request.body)) {
        if (seen.has(`${e.type}:${e.id}`)) continue;
        seen.add(`${e.type}:${e.id}`);
        if (e.type === 'folder') items.push({ type: 'folder', folder: store.sensorFolders.get(e.id) as SensorFolderRow });
        else items.push(...sensorItems([e.id]));
      }
      const center = centerId();
      return listInMemory(items, listRequest(request.query), SHAPE).map((x) => entry(x, center));
    },
  );

  const list = operation('GET', '/admin/sensorExplorer/folders', 'Every folder, id and label, by label. divergence: the Root folder (the sensors in no folder) is not listed; it has no id.');
  app.get(list.url, { schema: { ...list.docs, response: { 200: doc(z.array(LightFolderSchema), { description: 'successful' }), ...errorResponses() } } }, async () =>
    store.sensorFolders.list().map((f) => ({ id: f.id, label: f.label })),
  );

  const create = operation(
    'POST',
    '/admin/sensorExplorer/folders',
    'Creates a folder and moves the sensors of `selection` into it (a folder selected: all of its sensors). 409 when a folder has the label (without case); 404 for an unknown sensor or folder in the selection, 412 for a type other than "sensor" or "folder"; 400 for a bad body.',
  );
  app.post(
    create.url,
    {
      schema: {
        ...create.docs,
        body: CreateFolderSchema,
        response: {
          200: doc(SensorFolderSchema, { description: 'successful' }),
          ...errorResponses({ badRequest: 'Invalid body field "label": must not be empty', notFound: errors.notFound('Sensor', EXAMPLE_ID).message, conflict: TAKEN, preconditionFailed: errors.selectionType(0, 'device').message }),
        },
      },
    },
    async (request) => {
      const b = request.body;
      const id = createFolder({ store, newId: () => app.newId() }, { label: b.label, description: b.description ?? '', location: b.location ?? '', properties: b.properties ?? [] }, b.selection ?? []);
      return answer(id);
    },
  );

  const update = operation('PUT', '/admin/sensorExplorer/folders/{folderID}', 'Changes the fields given (label, description, location) and answers the folder. 400 for an id that is not a UUID or a bad body, 404 for an unknown folder, 409 for a label another folder has.');
  app.put(
    update.url,
    {
      schema: {
        ...update.docs,
        params: Params,
        body: UpdateFolderSchema,
        response: { 200: doc(SensorFolderSchema, { description: 'successful' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND, conflict: TAKEN }) },
      },
    },
    async (request) => {
      const id = checkId(request.params.folderID, 'sensor folder');
      const { label, description, location } = request.body;
      updateFolder(store, id, { ...(label === undefined ? {} : { label }), ...(description === undefined ? {} : { description }), ...(location === undefined ? {} : { location }) });
      return answer(id);
    },
  );

  const remove = operation('DELETE', '/admin/sensorExplorer/folders/{folderID}', 'Deletes the folder; its sensors go to the Root folder. Answers {"Msg", "Status": 200}. 400 for an id that is not a UUID, 404 for an unknown folder.');
  app.delete(
    remove.url,
    { schema: { ...remove.docs, params: Params, response: { 200: doc(SimpleResponseSchema, { description: 'successful' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request) => {
      const id = checkId(request.params.folderID, 'sensor folder');
      deleteFolder(store, id);
      return { Msg: `The folder ${id} was deleted; its sensors are in the Root folder`, Status: 200 };
    },
  );

  const properties = operation('GET', '/admin/sensorExplorer/folders/{folderID}/properties', 'The folder in full, with what its sensors are. 400 for an id that is not a UUID, 404 for an unknown folder.');
  app.get(
    properties.url,
    { schema: { ...properties.docs, params: Params, response: { 200: doc(SensorFolderSchema, { description: 'successful' }), ...errorResponses({ badRequest: BAD_ID, notFound: NOT_FOUND }) } } },
    async (request) => answer(checkId(request.params.folderID, 'sensor folder')),
  );

  const move = operation(
    'POST',
    '/admin/sensorExplorer/selection/moveTo',
    'Moves the sensors selected (a folder: all of its sensors) into the `target` folder, or to the Root folder without one. Answers the ids of the sensors moved. 400 for a bad body or a target that is not a UUID, 404 for an unknown sensor, folder or target, 412 for a type other than "sensor" or "folder".',
  );
  app.post(
    move.url,
    {
      schema: {
        ...move.docs,
        querystring: z.object({ target: doc(z.string().optional(), { description: 'ID of the folder where the sensor/folder should be moved; the "Root" folder when absent' }) }),
        body: SelectionSchema,
        response: {
          200: doc(z.array(z.string()), { description: 'successful: the ids of the sensors moved' }),
          ...errorResponses({ badRequest: 'Invalid body: an array of {"id", "type"} is required', notFound: NOT_FOUND, preconditionFailed: errors.selectionType(0, 'device').message }),
        },
      },
    },
    async (request) => {
      const target = request.query.target === undefined || request.query.target === '' ? null : checkId(request.query.target, 'sensor folder');
      return moveToFolder(store, request.body, target);
    },
  );
};

export default plugin;
