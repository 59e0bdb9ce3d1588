/**
 * Key/value settings of the emulated Center: licence, admin key, how the world was made, the
 * risk scores' activity tags period (3.0 /risk-score/activity-tags-period). Never
 * shown through the API: the Center's parameters (3.0 /parameters, the global credentials among
 * them) have their own table (src/store/parameters.ts).
 */
import type { Db } from './db.js';
import { type Version, perVersion } from './version.js';

export type SettingKey = 'license.api' | 'license.mode' | 'admin_key' | 'token_seed' | 'world.scenario' | 'world.seed' | 'world.end' | 'world.created_at' | 'world.version' | 'center.id' | 'deployment.jwt_secret' | 'risk_score.activity_tags_period';

export const LICENSE_MODES = ['essentials', 'advantage'] as const;
export type LicenseMode = (typeof LICENSE_MODES)[number];

export function createSettingRepo(db: Db, version: Version) {
  const get = db.prepare('SELECT value FROM setting WHERE key = ?').pluck();
  // Asked on every API request: read again only after a write.
  const licensed = perVersion(version, () => get.get('license.api') !== 'false');
  const mode = perVersion(version, (): LicenseMode => (get.get('license.mode') === 'essentials' ? 'essentials' : 'advantage'));
  const set = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM setting WHERE key = ?');
  return {
    get(key: SettingKey): string | undefined {
      return get.get(key) as string | undefined;
    },
    set(key: SettingKey, value: string): void {
      set.run(key, value);
    },
    /** Whether the key was set. */
    delete(key: SettingKey): boolean {
      return remove.run(key).changes > 0;
    },
    /** guide 4: 402 when the licence does not allow the API. Allowed unless set otherwise. */
    apiLicensed(): boolean {
      return licensed();
    },
    /**
     * Cisco 3.0's licence modes: baselines answer 402 outside "advantage mode". divergence: a
     * Center's mode is its licence's; the emulator's is advantage unless set otherwise.
     */
    licenseMode(): LicenseMode {
      return mode();
    },
  };
}

export type SettingRepo = ReturnType<typeof createSettingRepo>;

/** The risk scores' activity tags period in seconds (3.0 /risk-score/activity-tags-period); 0, every activity, when never set. */
export function activityTagsPeriod(settings: SettingRepo): number {
  return Number(settings.get('risk_score.activity_tags_period') ?? 0);
}
