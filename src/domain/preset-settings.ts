/**
 * A preset's settings (Cisco 3.0 PresetSettings, GET and PUT /presets/{preset_id}/settings): which
 * differences from a baseline the Center looks for in the preset's data, how often, and the
 * severity of the events it raises for them. Version-neutral: `lastEditUpdate` in microseconds.
 *
 * Cisco's document gives the fields and their types only. divergence: the emulator reads them so:
 * - severities are event severity levels, 0 (Low) to 3 (Very High), the four of guide 5.5;
 * - `scanPeriod` is in ms (the document's other periods are), 0 being "the Center's own
 *   schedule"; `forceScanPeriod` makes the Center use it;
 * - `activeBaselineId` is "" (none) or one of the preset's baselines; the settings' other
 *   fields do not change how the emulator computes differences (at each read, every kind);
 * - `defaultSeverities` are the Center's defaults, the same for every preset (a PUT does not
 *   change them): a preset whose settings were never written has them.
 */
import { z } from 'zod';
import { SEVERITIES } from './vocabulary.js';

/** An event severity level: 0 Low, 1 Medium, 2 High, 3 Very High (guide 5.5's four, lowest first). */
export const SEVERITY_LEVEL_MAX = SEVERITIES.length - 1;
const level = z.number().int().min(0).max(SEVERITY_LEVEL_MAX);

export const SEVERITY_SETTINGS = ['severityAckDifference', 'severityDeleteElement', 'severityDifferenceDetected', 'severityIgnoreDifference', 'severityNackDifference'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export const DIFFERENCE_SETTINGS = [
  'differenceActivityNew',
  'differenceActivityTagNew',
  'differenceComponentNew',
  'differenceComponentPropertyModified',
  'differenceComponentPropertyNew',
  'differenceComponentTagNew',
  'differenceComponentVariableAccessNew',
] as const;
export type DifferenceSetting = (typeof DIFFERENCE_SETTINGS)[number];

export const PresetSettingsSchema = z.object({
  activeBaselineId: z.string(),
  ...(Object.fromEntries(DIFFERENCE_SETTINGS.map((k) => [k, z.boolean()])) as Record<DifferenceSetting, z.ZodBoolean>),
  forceScanPeriod: z.boolean(),
  scanPeriod: z.number().int().min(0),
  ...(Object.fromEntries(SEVERITY_SETTINGS.map((k) => [k, level])) as Record<SeveritySetting, typeof level>),
  /** When they were last written (µs); 0 for never. */
  lastEditUpdate: z.number().int(),
});
export type PresetSettings = z.infer<typeof PresetSettingsSchema>;

/**
 * The Center's default severities: a difference detected is High, one acknowledged or ignored
 * Low, one refused (nack) or an element deleted Medium. divergence: Cisco gives no values.
 */
export const DEFAULT_SEVERITIES: Record<SeveritySetting, number> = {
  severityAckDifference: 0,
  severityDeleteElement: 1,
  severityDifferenceDetected: 2,
  severityIgnoreDifference: 0,
  severityNackDifference: 1,
};

/**
 * The settings of a preset never written: no baseline, every kind of difference looked for, the
 * Center's own schedule, the default severities. divergence: Cisco documents no defaults.
 */
export const DEFAULT_PRESET_SETTINGS: PresetSettings = {
  activeBaselineId: '',
  ...(Object.fromEntries(DIFFERENCE_SETTINGS.map((k) => [k, true])) as Record<DifferenceSetting, boolean>),
  forceScanPeriod: false,
  scanPeriod: 0,
  ...DEFAULT_SEVERITIES,
  lastEditUpdate: 0,
};
