/**
 * Cisco's PresetSettings (GET and PUT /presets/{preset_id}/settings) and DefaultSeverities, as the
 * document defines them: every field optional there; the emulator answers them all
 * (src/domain/preset-settings.ts says what they mean and their defaults).
 */
import { z } from 'zod';
import { DIFFERENCE_SETTINGS, type DifferenceSetting, SEVERITY_LEVEL_MAX, SEVERITY_SETTINGS, type SeveritySetting } from '../../../domain/preset-settings.js';
import { doc, named } from '../registry.js';
import { int, ms } from './common.js';

const booleans = <T>(value: T) => Object.fromEntries(DIFFERENCE_SETTINGS.map((k) => [k, value])) as Record<DifferenceSetting, T>;
const severities = <T>(value: T) => Object.fromEntries(SEVERITY_SETTINGS.map((k) => [k, value])) as Record<SeveritySetting, T>;

export const DefaultSeveritiesSchema = named(
  'DefaultSeverities',
  z.object(severities(int)),
  `The Center's default severity of each kind of baseline event: an event severity level, 0 (Low) to ${SEVERITY_LEVEL_MAX} (Very High).`,
);

export const PresetSettingsSchema = named(
  'PresetSettings',
  z.object({
    activeBaselineId: z.string(),
    defaultSeverities: DefaultSeveritiesSchema,
    ...booleans(z.boolean()),
    forceScanPeriod: z.boolean(),
    lastEditUpdate: ms,
    presetId: z.string(),
    scanPeriod: int,
    ...severities(int),
  }),
  `A preset's settings: the baseline differences looked for in its data, the scan period (ms; 0 is the Center's own schedule, \`forceScanPeriod\` makes it apply), the severity (0 Low to ${SEVERITY_LEVEL_MAX} Very High) of each kind of baseline event, \`lastEditUpdate\` (ms, 0 when never written). \`activeBaselineId\` is "" or one of the preset's baselines.`,
);

const level = z
  .number({ error: 'must be an integer' })
  .int('must be an integer')
  .min(0, `must be a severity level from 0 to ${SEVERITY_LEVEL_MAX}`)
  .max(SEVERITY_LEVEL_MAX, `must be a severity level from 0 to ${SEVERITY_LEVEL_MAX}`);
const flag = z.boolean({ error: 'must be a boolean' });

/**
 * What PUT takes: any of the fields, absent ones staying. `presetId`, `defaultSeverities` and
 * `lastEditUpdate` are the Center's: taken (a settings object read by GET puts back unchanged)
 * and not written; a `presetId` naming another preset is a 400.
 * divergence: unknown fields are ignored (as Go's decoder does).
 */
export const PresetSettingsPayloadSchema = doc(
  z.object(
    {
      activeBaselineId: z.string({ error: 'must be a string' }).optional(),
      defaultSeverities: z.looseObject({}, { error: 'must be an object' }).optional(),
      ...booleans(flag.optional()),
      forceScanPeriod: flag.optional(),
      lastEditUpdate: z.number({ error: 'must be a number' }).optional(),
      presetId: z.string({ error: 'must be a string' }).optional(),
      scanPeriod: z.number({ error: 'must be an integer' }).int('must be an integer').min(0, 'must be >= 0').optional(),
      ...severities(level.optional()),
    },
    { error: 'a JSON object is required' },
  ),
  {
    description: "Cisco's PresetSettings: the fields given replace, the others stay. `presetId`, `defaultSeverities` and `lastEditUpdate` are not written.",
    example: { differenceComponentNew: true, differenceActivityNew: false, forceScanPeriod: true, scanPeriod: 3_600_000, severityDifferenceDetected: 3 },
  },
);
