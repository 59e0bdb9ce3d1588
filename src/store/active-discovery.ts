/** Active discovery policies, profiles and their last scans (3.0 "ActiveDiscovery", migration 009). */
import type { AdPolicy, AdProfile, AdScan } from '../domain/active-discovery.js';
import type { Db } from './db.js';
import { bool } from './sql.js';

interface PolicyRow {
  id: string;
  name: string;
  broadcast_json: string;
  unicast_json: string;
}
interface ProfileRow {
  rowid: number;
  id: string;
  name: string;
  policy_id: string | null;
  all_sensors: number;
  ip_ranges_json: string;
  ip_targets_json: string;
  run_once: string;
  scan_frequency: string;
  scheduled: number;
  start_time: number;
  end_time: number;
}
interface ScanRow {
  id: string;
  start_time: number;
  end_time: number;
  status: string;
  status_text: string;
  requests_json: string;
}

const toPolicy = (r: PolicyRow): AdPolicy => ({ id: r.id, name: r.name, broadcast: JSON.parse(r.broadcast_json), unicast: JSON.parse(r.unicast_json) });
const PROFILE = `SELECT p.rowid, p.id, p.name, (SELECT id FROM ad_policy WHERE rowid = p.policy_rowid) AS policy_id, p.all_sensors, p.ip_ranges_json,
  p.ip_targets_json, p.run_once, p.scan_frequency, p.scheduled, p.start_time, p.end_time FROM ad_profile p`;

export function createActiveDiscoveryRepo(db: Db) {
  const policies = db.prepare('SELECT id, name, broadcast_json, unicast_json FROM ad_policy ORDER BY rowid');
  const policyById = db.prepare('SELECT id, name, broadcast_json, unicast_json FROM ad_policy WHERE id = ?');
  const policyByName = db.prepare('SELECT id FROM ad_policy WHERE name = ? COLLATE NOCASE').pluck();
  const insertPolicy = db.prepare('INSERT INTO ad_policy (id, name, broadcast_json, unicast_json) VALUES (@id, @name, @broadcast, @unicast)');
  const updatePolicy = db.prepare('UPDATE ad_policy SET name = @name, broadcast_json = @broadcast, unicast_json = @unicast WHERE id = @id');
  const deletePolicy = db.prepare('DELETE FROM ad_policy WHERE id = ?');
  const profiles = db.prepare(`${PROFILE} ORDER BY p.rowid`);
  const profileById = db.prepare(`${PROFILE} WHERE p.id = ?`);
  const profilesOfPolicy = db.prepare('SELECT p.id, p.name FROM ad_profile p JOIN ad_policy y ON y.rowid = p.policy_rowid WHERE y.id = ? ORDER BY p.rowid');
  const profileByName = db.prepare('SELECT id FROM ad_profile WHERE name = ? COLLATE NOCASE').pluck();
  const sensorsOf = db.prepare('SELECT s.id FROM ad_profile_sensor x JOIN sensor s ON s.rowid = x.sensor_rowid WHERE x.profile_rowid = ? ORDER BY x.position').pluck();
  const presetsOf = db.prepare('SELECT r.id FROM ad_profile_preset x JOIN preset r ON r.rowid = x.preset_rowid WHERE x.profile_rowid = ? ORDER BY x.position').pluck();
  const profileFields = `name = @name, policy_rowid = (SELECT rowid FROM ad_policy WHERE id = @policyId), all_sensors = @allSensors,
    ip_ranges_json = @ipRanges, ip_targets_json = @ipTargets, run_once = @runOnce, scan_frequency = @scanFrequency,
    scheduled = @scheduled, start_time = @startTime, end_time = @endTime`;
  const insertProfile = db.prepare("INSERT INTO ad_profile (id, name) VALUES (@id, '')");
  const updateProfile = db.prepare(`UPDATE ad_profile SET ${profileFields} WHERE id = @id`);
  const deleteProfile = db.prepare('DELETE FROM ad_profile WHERE id = ?');
  const clearSensors = db.prepare('DELETE FROM ad_profile_sensor WHERE profile_rowid = (SELECT rowid FROM ad_profile WHERE id = ?)');
  const clearPresets = db.prepare('DELETE FROM ad_profile_preset WHERE profile_rowid = (SELECT rowid FROM ad_profile WHERE id = ?)');
  const addSensor = db.prepare(
    'INSERT OR IGNORE INTO ad_profile_sensor (profile_rowid, sensor_rowid, position) SELECT (SELECT rowid FROM ad_profile WHERE id = ?), rowid, ? FROM sensor WHERE id = ?',
  );
  const addPreset = db.prepare(
    'INSERT OR IGNORE INTO ad_profile_preset (profile_rowid, preset_rowid, position) SELECT (SELECT rowid FROM ad_profile WHERE id = ?), rowid, ? FROM preset WHERE id = ?',
  );
  const scanOf = db.prepare('SELECT s.id, s.start_time, s.end_time, s.status, s.status_text, s.requests_json FROM ad_scan s JOIN ad_profile p ON p.rowid = s.profile_rowid WHERE p.id = ?');
  const putScan = db.prepare(
    `INSERT OR REPLACE INTO ad_scan (profile_rowid, id, start_time, end_time, status, status_text, requests_json)
     SELECT rowid, @id, @startTime, @endTime, @status, @statusText, @requests FROM ad_profile WHERE id = @profileId`,
  );

  const toProfile = (r: ProfileRow): AdProfile => ({
    id: r.id,
    name: r.name,
    policyId: r.policy_id,
    allSensorSelected: bool(r.all_sensors),
    sensorIds: sensorsOf.all(r.rowid) as string[],
    presetIds: presetsOf.all(r.rowid) as string[],
    ipRanges: JSON.parse(r.ip_ranges_json) as string[],
    ipTargets: JSON.parse(r.ip_targets_json) as string[],
    runOnce: r.run_once,
    scanFrequency: r.scan_frequency,
    scheduled: bool(r.scheduled),
    startTime: r.start_time,
    endTime: r.end_time,
  });
  const policyParams = (p: AdPolicy) => ({ id: p.id, name: p.name, broadcast: JSON.stringify(p.broadcast), unicast: JSON.stringify(p.unicast) });

  return {
    policies(): AdPolicy[] {
      return (policies.all() as PolicyRow[]).map(toPolicy);
    },
    policy(id: string): AdPolicy | undefined {
      const r = policyById.get(id) as PolicyRow | undefined;
      return r ? toPolicy(r) : undefined;
    },
    /** The id of the policy of this name (without case), if any. */
    policyNamed(name: string): string | undefined {
      return policyByName.get(name) as string | undefined;
    },
    insertPolicy(p: AdPolicy): void {
      insertPolicy.run(policyParams(p));
    },
    updatePolicy(p: AdPolicy): void {
      updatePolicy.run(policyParams(p));
    },
    /** Its profiles are left without a policy (ON DELETE SET NULL); false when unknown. */
    deletePolicy(id: string): boolean {
      return deletePolicy.run(id).changes > 0;
    },
    /** The profiles using the policy, oldest first. */
    profilesOf(policyId: string): { id: string; name: string }[] {
      return profilesOfPolicy.all(policyId) as { id: string; name: string }[];
    },
    profiles(): AdProfile[] {
      return (profiles.all() as ProfileRow[]).map(toProfile);
    },
    profile(id: string): AdProfile | undefined {
      const r = profileById.get(id) as ProfileRow | undefined;
      return r ? toProfile(r) : undefined;
    },
    profileNamed(name: string): string | undefined {
      return profileByName.get(name) as string | undefined;
    },
    /** Inserts or replaces the profile, its sensors and presets (which must exist). */
    saveProfile(p: AdProfile, isNew: boolean): void {
      if (isNew) insertProfile.run({ id: p.id });
      updateProfile.run({
        ...p,
        allSensors: p.allSensorSelected ? 1 : 0,
        ipRanges: JSON.stringify(p.ipRanges),
        ipTargets: JSON.stringify(p.ipTargets),
        scheduled: p.scheduled ? 1 : 0,
      });
      clearSensors.run(p.id);
      p.sensorIds.forEach((s, i) => addSensor.run(p.id, i, s));
      clearPresets.run(p.id);
      p.presetIds.forEach((s, i) => addPreset.run(p.id, i, s));
    },
    /** Its sensors, presets and scan go with it (ON DELETE CASCADE); false when unknown. */
    deleteProfile(id: string): boolean {
      return deleteProfile.run(id).changes > 0;
    },
    lastScan(profileId: string): AdScan | undefined {
      const r = scanOf.get(profileId) as ScanRow | undefined;
      return r ? { id: r.id, startTime: r.start_time, endTime: r.end_time, status: r.status, statusText: r.status_text, requests: JSON.parse(r.requests_json) } : undefined;
    },
    /** Replaces the profile's last scan. */
    putScan(profileId: string, s: AdScan): void {
      putScan.run({ profileId, id: s.id, startTime: s.startTime, endTime: s.endTime, status: s.status, statusText: s.statusText, requests: JSON.stringify(s.requests) });
    },
  };
}

export type ActiveDiscoveryRepo = ReturnType<typeof createActiveDiscoveryRepo>;
