/**
 * Devices (API 3.0): reads by id, in pages and as a stream, with their components and counters;
 * the writes of ingest, which makes devices of components (src/ingest/device-rule.ts). Reads
 * take and return ids; the rowid methods are for the store and ingest.
 */
import { DEFAULT_ICON, type Device, type DeviceTraits } from '../domain/devices.js';
import { RISK_LEVELS, type RiskLevel } from '../domain/risk-score.js';
import { deviceId } from '../domain/ids.js';
import type { Micros } from '../domain/time.js';
import type { Component, Properties, TagSet } from '../domain/types.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import { DEVICE_COLUMNS, type DeviceRow, MEMBER_COLUMNS, type MemberRow, toDevice } from './device-rows.js';
import type { NodeCountsRepo } from './node-counts.js';
import type { Pager } from './pager.js';
import { Where, inPageOrder, parseJsonObject, statementCache } from './sql.js';

/** What a component shows of its device (API 3.0 Component.device). */
export interface DeviceSummary {
  id: string;
  label: string;
  customLabel: string | null;
  deviceType: string;
  icon: string;
}

/** A component without a device, with what decides whether it should have one. */
export interface OrphanComponent {
  rowid: number;
  id: string;
  mac: string;
  ip: string | null;
  name: string | null;
  creationTime: Micros;
  lastActiveTime: Micros;
  tags: TagSet;
  properties: Properties;
}

interface OrphanRow {
  rowid: number;
  id: string;
  mac: string;
  ip: string | null;
  name: string | null;
  creation_time: number;
  last_active_time: number;
  tags_json: string;
  props_json: string;
}

/** Which devices a list holds: those active at some time in [from, to], and which of them (a page, or every one). */
export interface DeviceListQuery {
  from?: Micros;
  to?: Micros;
  window?: { offset: number; limit: number };
}

/**
 * A device is active over [its components' first creation, their last activity]: it overlaps
 * [from, to] when one of its components was active at or after `from`, and one was seen at or
 * before `to`.
 */
function activeWithin(q: DeviceListQuery): Where {
  const w = new Where();
  if (q.from !== undefined) w.add('EXISTS (SELECT 1 FROM component c WHERE c.device_rowid = d.rowid AND c.last_active_time >= ?)', q.from);
  if (q.to !== undefined) w.add('EXISTS (SELECT 1 FROM component c WHERE c.device_rowid = d.rowid AND c.creation_time <= ?)', q.to);
  return w;
}

const STREAM_CHUNK = 500;
/** The rank of a trait no component has given yet: any component's replaces it. */
const UNRANKED = 1_000_000;

export function createDeviceRepo(db: Db, components: ComponentRepo, nodeCounts: NodeCountsRepo, pager: Pager) {
  const prepare = statementCache(db, 20);
  const byId = db.prepare(`SELECT ${DEVICE_COLUMNS} FROM device d WHERE d.id = ?`);
  const byRowids = db.prepare(`SELECT ${DEVICE_COLUMNS} FROM device d WHERE d.rowid IN (SELECT value FROM json_each(?))`);
  const afterStmt = db.prepare(`SELECT ${DEVICE_COLUMNS} FROM device d WHERE d.id > ? ORDER BY d.id LIMIT ?`);
  const countStmt = db.prepare('SELECT count(*) FROM device').pluck();
  const membersOf = db.prepare(
    `SELECT ${MEMBER_COLUMNS} FROM component c LEFT JOIN grp g ON g.rowid = c.group_rowid
     WHERE c.device_rowid IN (SELECT value FROM json_each(?)) ORDER BY c.device_rowid, c.rowid`,
  );
  const componentRowids = db.prepare('SELECT c.rowid FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE d.id = ? ORDER BY c.rowid').pluck();
  const deviceOfComponent = db.prepare('SELECT device_rowid FROM component WHERE id = ?').pluck();
  const summaries = db.prepare(
    `SELECT c.id AS component_id, d.id, d.label, d.custom_label, d.device_type, d.icon FROM component c
     JOIN device d ON d.rowid = c.device_rowid WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const byMac = db.prepare('SELECT rowid FROM device WHERE mac = ?').pluck();
  const insertStmt = db.prepare(
    `INSERT INTO device (id, mac, label, label_rank, label_component, device_type, type_rank, icon, icon_rank, creation_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const attachStmt = db.prepare('UPDATE component SET device_rowid = ? WHERE rowid = ?');
  // Each trait is replaced by a better-ranked one; the label also follows the component it came from.
  // (Positional parameters, each used once: binding a named object costs more on ingest's path.)
  const traitsStmt = db.prepare(
    `UPDATE device SET
       label = iif(t.lr < device.label_rank OR device.label_component IS t.c, t.lbl, device.label),
       label_component = iif(t.lr < device.label_rank OR device.label_component IS t.c, t.c, device.label_component),
       label_rank = iif(t.lr < device.label_rank OR device.label_component IS t.c, t.lr, device.label_rank),
       device_type = iif(t.tr < device.type_rank, t.ty, device.device_type), type_rank = min(device.type_rank, t.tr),
       icon = iif(t.ir < device.icon_rank, t.ic, device.icon), icon_rank = min(device.icon_rank, t.ir)
     FROM (SELECT ? AS lr, ? AS c, ? AS lbl, ? AS tr, ? AS ty, ? AS ir, ? AS ic) t
     WHERE device.rowid = ?`,
  );
  const orphanStmt = db.prepare(
    'SELECT rowid, id, mac, ip, name, creation_time, last_active_time, tags_json, props_json FROM component WHERE device_rowid IS NULL ORDER BY rowid',
  );
  const nodesStmt = db.prepare('SELECT rowid, coalesce(device_rowid, -rowid) FROM component').raw();
  const setCustomStmt = db.prepare('UPDATE device SET custom_label = ? WHERE id = ?');
  const setRiskStmt = db.prepare('UPDATE device SET risk_score = ?, best_achievable_score = ? WHERE id = ?');
  // A device not scored yet counts as 0: low.
  const levelsStmt = db.prepare(
    `SELECT coalesce(sum(coalesce(risk_score, 0) < @medium), 0) AS low,
       coalesce(sum(coalesce(risk_score, 0) >= @medium AND risk_score < @high), 0) AS medium,
       coalesce(sum(risk_score >= @high), 0) AS high, count(*) AS total FROM device`,
  );

  function hydrate(rows: readonly DeviceRow[]): Device[] {
    if (rows.length === 0) return [];
    const members = new Map<number, MemberRow[]>(rows.map((r) => [r.rowid, []]));
    for (const m of membersOf.all(JSON.stringify(rows.map((r) => r.rowid))) as MemberRow[]) members.get(m.device_rowid)?.push(m);
    const counts = nodeCounts.of(new Map([...members].map(([d, ms]) => [d, ms.map((m) => m.rowid)])));
    return rows.map((r) => toDevice(r, members.get(r.rowid) ?? [], counts.get(r.rowid) as Device['counts']));
  }

  return {
    get(id: string): Device | undefined {
      const row = byId.get(id) as DeviceRow | undefined;
      return row ? hydrate([row])[0] : undefined;
    },

    /** Every device, in id order, read a chunk at a time. */
    *all(): Generator<Device> {
      let after = '';
      for (;;) {
        const rows = afterStmt.all(after, STREAM_CHUNK) as DeviceRow[];
        yield* hydrate(rows);
        if (rows.length < STREAM_CHUNK) return;
        after = (rows[rows.length - 1] as DeviceRow).id;
      }
    },

    count(q: Omit<DeviceListQuery, 'window'> = {}): number {
      const w = activeWithin(q);
      return w.empty ? (countStmt.get() as number) : (prepare(`SELECT count(*) FROM device d ${w}`).pluck().get(...w.params) as number);
    },

    /**
     * The devices of a list (API 3.0 GET /devices), in id order: the page asked, or every one,
     * read a chunk at a time as the caller iterates.
     */
    list(q: DeviceListQuery): Iterable<Device> {
      const w = activeWithin(q);
      if (q.window) {
        // Through the pager's marks (src/store/pager.ts): a client walking the pages seeks to each
        // instead of stepping over every device before it (page 300 of 100: 6 ms on `large`).
        const { offset, limit } = q.window;
        return this.byRowids(pager.rowids({ from: 'device d', where: w, key: 'd.id', rowid: 'd.rowid', order: 'asc', limit, offset }));
      }
      const next = prepare(`SELECT ${DEVICE_COLUMNS} FROM device d WHERE d.id > ? ${w.and()} ORDER BY d.id LIMIT ?`);
      return (function* () {
        for (let after = ''; ; ) {
          const rows = next.all(after, ...w.params, STREAM_CHUNK) as DeviceRow[];
          yield* hydrate(rows);
          if (rows.length < STREAM_CHUNK) return;
          after = (rows[rows.length - 1] as DeviceRow).id;
        }
      })();
    },

    /** The components of a device, in rowid order; undefined for an unknown device. */
    components(id: string): Component[] | undefined {
      if (byId.get(id) === undefined) return undefined;
      return components.byRowids(componentRowids.all(id) as number[]);
    },

    /** The device of a component; undefined when the component is unknown or has none. */
    ofComponent(componentId: string): Device | undefined {
      const rowid = deviceOfComponent.get(componentId) as number | null | undefined;
      return rowid == null ? undefined : this.byRowids([rowid])[0];
    },

    /** What each of these components shows of its device, by component id (those without a device are absent). */
    summariesOf(componentIds: readonly string[]): Map<string, DeviceSummary> {
      const rows = summaries.all(JSON.stringify(componentIds)) as (DeviceRow & { component_id: string })[];
      return new Map(rows.map((r) => [r.component_id, { id: r.id, label: r.label, customLabel: r.custom_label, deviceType: r.device_type, icon: r.icon }]));
    },

    /** Devices by rowid, in the order given (network nodes). */
    byRowids(rowids: readonly number[]): Device[] {
      if (rowids.length === 0) return [];
      return hydrate(inPageOrder(rowids, byRowids.all(JSON.stringify(rowids)) as DeviceRow[]));
    },

    /** The user's name for a device (null removes it); false when the device is unknown. */
    setCustomLabel(id: string, label: string | null): boolean {
      return setCustomStmt.run(label, id).changes > 0;
    },

    /** The risk score and the best achievable one (computed elsewhere); false when the device is unknown. */
    setRiskScore(id: string, riskScore: number | null, bestAchievableScore: number | null): boolean {
      return setRiskStmt.run(riskScore, bestAchievableScore, id).changes > 0;
    },

    /** How many devices are at each risk level (src/domain/risk-score.ts RISK_LEVELS), and in all. */
    riskLevels(): Record<RiskLevel | 'total', number> {
      return levelsStmt.get(RISK_LEVELS) as Record<RiskLevel | 'total', number>;
    },

    // --- Ingest's writes. ---

    /**
     * The device of a unicast MAC, made now when it does not exist: labelled by its MAC, of no
     * known type, until `applyTraits` tells it what its components say.
     */
    ensure(mac: string, time: Micros): number {
      const found = byMac.get(mac) as number | undefined;
      if (found !== undefined) return found;
      return Number(insertStmt.run(deviceId(mac), mac, mac, UNRANKED, null, '', UNRANKED, DEFAULT_ICON, UNRANKED, time).lastInsertRowid);
    },

    attach(componentRowid: number, deviceRowid: number): void {
      attachStmt.run(deviceRowid, componentRowid);
    },

    /** What a component of the device says of it: each trait ranked better than the device's replaces it. */
    applyTraits(deviceRowid: number, componentRowid: number, t: DeviceTraits): void {
      traitsStmt.run(t.labelRank, componentRowid, t.label, t.typeRank, t.deviceType, t.iconRank, t.icon, deviceRowid);
    },

    /** The components without a device, as ingest decides devices (components written without it: the fixtures). */
    orphans(): OrphanComponent[] {
      return (orphanStmt.all() as OrphanRow[]).map((r) => ({
        rowid: r.rowid,
        id: r.id,
        mac: r.mac,
        ip: r.ip,
        name: r.name,
        creationTime: r.creation_time,
        lastActiveTime: r.last_active_time,
        tags: parseJsonObject<TagSet>(r.tags_json),
        properties: parseJsonObject<Properties>(r.props_json),
      }));
    },

    /** Each component's network node, by rowid: its device's rowid, or minus its own rowid. */
    componentNodes(): (componentRowid: number) => number {
      const nodes = new Map(nodesStmt.all() as [number, number][]);
      return (rowid) => nodes.get(rowid) ?? -rowid;
    },

  };
}

export type DeviceRepo = ReturnType<typeof createDeviceRepo>;
