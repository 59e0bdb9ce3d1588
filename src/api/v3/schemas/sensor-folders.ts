/**
 * Cisco 3.0 "SensorExplorer": the SensorFolder (with its AggregatedStatus and UpdateStatus), the
 * LightFolder, the CreateFolder and UpdateFolder bodies, the selection entries of moveTo, and
 * deleteFolder's SimpleResponse.
 */
import { z } from 'zod';
import { doc, named } from '../registry.js';
import { SensorOverviewSchema } from './sensors.js';

const count = z.number().int();

export const AggregatedStatusSchema = named(
  'AggregatedStatus',
  z.object({ count, indicator: z.string(), label: z.string() }),
  "How many of the folder's sensors have a status: the status (label), how many, and how it looks (success, warning, danger; neutral for processing statuses).",
);

export const UpdateStatusSchema = named('UpdateStatus', z.object({ failed: count, na: count, pending: count, updating: count, uploading: count }), "The folder's sensors by software update: none is being updated in the emulator (all na).");

export const SensorFolderSchema = named(
  'SensorFolder',
  z.object({
    description: z.string(),
    healthStatus: AggregatedStatusSchema,
    healthStatusList: z.array(AggregatedStatusSchema),
    id: z.string(),
    label: z.string(),
    location: z.string(),
    maxVersion: z.string(),
    minVersion: z.string(),
    processingStatus: AggregatedStatusSchema,
    processingStatusList: z.array(AggregatedStatusSchema),
    properties: z.array(z.string()),
    sensorCount: count,
    updateStatus: UpdateStatusSchema,
  }),
  'A sensor folder and what its sensors are.',
);

export const LightFolderSchema = named('LightFolder', z.object({ id: z.string(), label: z.string() }), 'A sensor folder: id and label only.');

export const SimpleResponseSchema = named('SimpleResponse', z.object({ Msg: z.string(), Status: count }), 'A message and its status.');

export const SelectionEntrySchema = z.object(
  { id: z.string({ error: 'must be a sensor or folder id' }), type: doc(z.unknown().optional(), { type: 'string', description: '"sensor" or "folder" (412 otherwise)' }) },
  { error: 'must be an object {"id", "type"}' },
);
export const SelectionSchema = doc(z.array(SelectionEntrySchema, { error: 'an array of {"id", "type"} is required' }), {
  description: 'Sensors and folders: {"id", "type": "sensor" | "folder"}; a folder stands for all of its sensors.',
  example: [{ id: '8965c2de-cff9-4afa-bffe-a4ae29de57bf', type: 'sensor' }],
});

const label = z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' });
const text = z.string({ error: 'must be a string' });

export const CreateFolderSchema = named(
  'CreateFolder',
  z.object(
    {
      label,
      description: text.optional(),
      location: text.optional(),
      properties: z.array(z.string(), { error: 'must be an array of strings' }).optional(),
      selection: z.array(SelectionEntrySchema, { error: 'an array of {"id", "type"} is required' }).optional(),
    },
    { error: 'a JSON object is required' },
  ),
  'A new sensor folder: a label no folder has (without case), and the sensors and folders whose sensors move into it.',
);

export const UpdateFolderSchema = named(
  'UpdateFolder',
  z.object({ label: label.optional(), description: text.optional(), location: text.optional() }, { error: 'a JSON object is required' }),
  'What changes in a sensor folder: the fields given.',
);

export const SensorExplorerEntrySchema = named(
  'SensorExplorerEntry',
  z.object({
    object: doc(z.union([SensorFolderSchema, SensorOverviewSchema]), { description: 'A SensorFolder when `type` is "folder", the sensor as GET /sensors lists it when "sensor"' }),
    type: z.enum(['folder', 'sensor']),
  }),
  'A folder or a sensor of the sensor explorer.',
);
