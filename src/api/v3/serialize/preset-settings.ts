/** A preset's settings → Cisco's PresetSettings (../schemas/preset-settings.ts). */
import { DEFAULT_SEVERITIES, type PresetSettings } from '../../../domain/preset-settings.js';
import type { PresetSettingsSchema } from '../schemas/preset-settings.js';
import { type Wire, ms } from './common.js';

export function presetSettings(presetId: string, s: PresetSettings): Wire<typeof PresetSettingsSchema> {
  return { ...s, presetId, defaultSeverities: { ...DEFAULT_SEVERITIES }, lastEditUpdate: ms(s.lastEditUpdate) };
}
