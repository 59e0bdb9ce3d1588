/**
 * What a device's risk score rests on (src/domain/risk-score.ts `RiskInput`), read for many
 * devices at once: its device type; the tags of its activities (the flows one of its components
 * takes part in) that can weigh in a score; its group (the first of its components in one, as the Device's `group`), with
 * the group's label, description and criticalness; and its components' vulnerability matches,
 * one per catalogue entry, each acknowledged or not on this device. A few grouped statements per
 * chunk of devices, over the indexes: the world build reads every device, live ingest a few.
 */
import type { GroupSummary } from '../domain/group.js';
import { RISK_BEARING_TAGS, type RiskInput } from '../domain/risk-score.js';
import { MICROS_PER_SECOND } from '../domain/time.js';
import type { Db } from './db.js';
import { VULNERABILITY_COLUMNS, type VulnerabilityRow, toVulnerability } from './vulnerability-rows.js';

/** A device's risk inputs, by device id, with the scores it has stored (null: not scored yet). */
export interface DeviceRiskInput {
  id: string;
  rowid: number;
  input: RiskInput;
  stored: { riskScore: number | null; bestAchievableScore: number | null };
}

const IN_ROWIDS = 'SELECT value FROM json_each(?)';

interface DeviceRow {
  rowid: number;
  id: string;
  device_type: string;
  risk_score: number | null;
  best_achievable_score: number | null;
}
const CHUNK = 2000;

export interface RiskInputLookups {
  tagLabel(key: string): string | undefined;
  group(id: string): GroupSummary | undefined;
  /** The activity tags period in seconds: only the activities of that period count; 0 for all of them. */
  activityTagsPeriod(): number;
}

export function createRiskInputRepo(db: Db, lookups: RiskInputLookups) {
  const devicesStmt = db.prepare(
    `SELECT rowid, id, device_type, risk_score, best_achievable_score FROM device WHERE rowid IN (${IN_ROWIDS}) ORDER BY rowid`,
  );
  const rowidsOfIds = db.prepare(`SELECT rowid FROM device WHERE id IN (${IN_ROWIDS}) ORDER BY rowid`).pluck();
  const afterStmt = db.prepare('SELECT rowid FROM device WHERE rowid > ? ORDER BY rowid LIMIT ?').pluck();
  const MEMBERS = `m(c, d) AS (SELECT rowid, device_rowid FROM component WHERE device_rowid IN (${IN_ROWIDS}))`;
  // Only the tags that can weigh in a score (the others would be read for nothing). The unary +
  // keeps SQLite from seeking each of these 16 tags in each activity's tags (where an activity has
  // one or two): it reads an activity's tags in one range and filters them. Measured on the
  // pipeline bench's 50 000 activities, 50 reads of 370 devices (what its 50 batches of new
  // conversations score): 1.2 to 2.0 s with the seeks, 0.37 to 0.58 s without (three runs each).
  const RISKY = `(${RISK_BEARING_TAGS.map((t) => `'${t}'`).join(', ')})`;
  const tagsOfActivities = (since: string) =>
    db.prepare(
      `WITH ${MEMBERS}
       SELECT m.d AS device, t.tag FROM m JOIN activity a ON a.left_component = m.c${since} JOIN activity_tag t ON t.activity_rowid = a.rowid AND +t.tag IN ${RISKY}
       UNION SELECT m.d, t.tag FROM m JOIN activity a ON a.right_component = m.c${since} JOIN activity_tag t ON t.activity_rowid = a.rowid AND +t.tag IN ${RISKY}
       ORDER BY 1, 2`,
    );
  const activityTags = tagsOfActivities('');
  // With an activity tags period: the activities seen in it, the period ending at the world's
  // newest activity (src/operations/risk-scores.ts).
  const activityTagsSince = tagsOfActivities(' AND a.last_activity >= ?');
  const newestActivity = db.prepare('SELECT max(last_activity) FROM activity').pluck();
  // In component order: a device's group is the first of its components' (src/store/device-rows.ts).
  const groupsStmt = db.prepare(
    `SELECT c.device_rowid AS device, g.id FROM component c JOIN grp g ON g.rowid = c.group_rowid
     WHERE c.device_rowid IN (${IN_ROWIDS}) ORDER BY c.rowid`,
  );
  const matchesStmt = db.prepare(
    `SELECT DISTINCT c.device_rowid AS device, ${VULNERABILITY_COLUMNS}, v.rowid AS vulnerability_rowid
     FROM component c JOIN vulnerability_match m ON m.component_rowid = c.rowid JOIN vulnerability v ON v.rowid = m.vulnerability_rowid
     WHERE c.device_rowid IN (${IN_ROWIDS}) ORDER BY 1, v.rowid`,
  );
  // An acknowledgement is per device and CVE (as the 3.0 answers read it): it covers every
  // catalogue entry of the CVE.
  const acksStmt = db.prepare(
    `SELECT d.rowid AS device, v.cve FROM device d JOIN vulnerability_ack a ON a.device_id = d.id JOIN vulnerability v ON v.rowid = a.vulnerability_rowid
     WHERE d.rowid IN (${IN_ROWIDS})`,
  );

  function inputs(rowids: readonly number[]): DeviceRiskInput[] {
    if (rowids.length === 0) return [];
    const json = JSON.stringify(rowids);
    const devices = devicesStmt.all(json) as DeviceRow[];
    const byDevice = new Map<number, RiskInput>(
      devices.map((d) => [d.rowid, { deviceType: d.device_type, activityTags: [], group: null, vulnerabilities: [] }]),
    );
    const period = lookups.activityTagsPeriod();
    const newest = period > 0 ? (newestActivity.get() as number | null) : null;
    const since = newest === null ? null : newest - period * MICROS_PER_SECOND;
    const tagRows = since === null ? activityTags.all(json) : activityTagsSince.all(json, since, since);
    for (const { device, tag } of tagRows as { device: number; tag: string }[]) {
      byDevice.get(device)?.activityTags.push({ key: tag, label: lookups.tagLabel(tag) ?? tag });
    }
    const groups = new Map<string, GroupSummary | undefined>();
    for (const { device, id } of groupsStmt.all(json) as { device: number; id: string }[]) {
      const input = byDevice.get(device);
      if (!input || input.group !== null) continue;
      if (!groups.has(id)) groups.set(id, lookups.group(id));
      const g = groups.get(id);
      if (g) input.group = { label: g.label, description: g.description, criticalness: g.criticalness };
    }
    const acked = new Set((acksStmt.all(json) as { device: number; cve: string }[]).map((a) => `${a.device}|${a.cve}`));
    for (const r of matchesStmt.all(json) as (VulnerabilityRow & { device: number })[]) {
      byDevice.get(r.device)?.vulnerabilities.push({ vulnerability: toVulnerability(r), acknowledged: acked.has(`${r.device}|${r.cve}`) });
    }
    return devices.map((d) => ({
      id: d.id,
      rowid: d.rowid,
      input: byDevice.get(d.rowid) as RiskInput,
      stored: { riskScore: d.risk_score, bestAchievableScore: d.best_achievable_score },
    }));
  }

  return {
    /** The inputs of these devices (by id; unknown ids are left out), in device order. */
    of(deviceIds: readonly string[]): DeviceRiskInput[] {
      return inputs(rowidsOfIds.all(JSON.stringify(deviceIds)) as number[]);
    },

    /** The inputs of these devices (by rowid: ingest's), in device order. */
    ofRowids(deviceRowids: readonly number[]): DeviceRiskInput[] {
      return inputs(deviceRowids);
    },

    /** Every device's inputs, in device order, read a chunk at a time. */
    *all(): Generator<DeviceRiskInput> {
      for (let after = 0; ; ) {
        const rowids = afterStmt.all(after, CHUNK) as number[];
        yield* inputs(rowids);
        if (rowids.length < CHUNK) return;
        after = rowids[rowids.length - 1] as number;
      }
    },
  };
}

export type RiskInputRepo = ReturnType<typeof createRiskInputRepo>;
