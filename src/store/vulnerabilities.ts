/**
 * Vulnerabilities: the Knowledge DB's catalogue, its matches to components, and the
 * acknowledgements users give per device (devices are referred to by id). 1.0 reads the matches
 * through the components (src/store/components.ts); this repository is what 3.0 reads.
 */
import type { Micros } from '../domain/time.js';
import type { Vulnerability, VulnerabilityAck, VulnerabilityMatch, VulnerabilityQuery, VulnerabilitySort } from '../domain/vulnerability.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import type { DeviceRepo } from './devices.js';
import { Where, statementCache } from './sql.js';
import { VULNERABILITY_COLUMNS, type VulnerabilityRow, toVulnerability, vulnerabilityParams } from './vulnerability-rows.js';
import { createVulnerabilityViews } from './vulnerability-views.js';

const SORT_COLUMNS: Record<VulnerabilitySort, string> = {
  cve: 'v.cve',
  title: 'v.title',
  cvss: 'v.cvss',
  publishTime: 'v.publish_time',
  creationTime: 'v.creation_time',
  lastUpdate: 'v.last_update',
};

interface MatchRow extends VulnerabilityRow {
  component_id: string;
  matching_time: number;
  reasons_json: string;
}

interface AckRow {
  device_id: string;
  vulnerability_id: string;
  cve: string;
  ack_time: number;
  author: string;
  comment: string;
}

/** A component a vulnerability matches, without the catalogue entry. */
export interface AffectedComponent {
  componentId: string;
  matchingTime: Micros;
  reasons: string[];
}

const toMatch = (r: MatchRow): VulnerabilityMatch => ({
  componentId: r.component_id,
  vulnerability: toVulnerability(r),
  matchingTime: r.matching_time,
  reasons: JSON.parse(r.reasons_json) as string[],
});

const toAck = (r: AckRow): VulnerabilityAck => ({
  deviceId: r.device_id,
  vulnerabilityId: r.vulnerability_id,
  cve: r.cve,
  time: r.ack_time,
  author: r.author,
  comment: r.comment,
});

/** CVE ids are upper case ("cve-2021-22681" finds CVE-2021-22681). */
const cveKey = (cve: string) => cve.trim().toUpperCase();

export function createVulnerabilityRepo(db: Db, components: ComponentRepo, devices: DeviceRepo) {
  const prepare = statementCache(db);
  const insertStmt = db.prepare(
    `INSERT INTO vulnerability (id, cve, title, summary, solution, full_description, cvss, cvss_temporal, cvss_version,
       cvss_vector_string, vendor_id, links_json, publish_time, creation_time, last_update)
     VALUES (@id, @cve, @title, @summary, @solution, @fullDescription, @cvss, @cvssTemporal, @cvssVersion,
       @cvssVectorString, @vendorId, @links, @publishTime, @creationTime, @lastUpdate)
     ON CONFLICT (id) DO NOTHING`,
  );
  const byId = db.prepare(`SELECT ${VULNERABILITY_COLUMNS} FROM vulnerability v WHERE v.id = ?`);
  const rowidOf = db.prepare('SELECT rowid FROM vulnerability WHERE id = ?').pluck();
  const insertMatch = db.prepare(
    `INSERT INTO vulnerability_match (component_rowid, vulnerability_rowid, matching_time, reasons_json)
     SELECT c.rowid, v.rowid, ?, ? FROM component c, vulnerability v WHERE c.id = ? AND v.id = ?
     ON CONFLICT (component_rowid, vulnerability_rowid) DO NOTHING`,
  );
  const MATCH_FROM = `SELECT c.id AS component_id, m.matching_time, m.reasons_json, ${VULNERABILITY_COLUMNS}
     FROM vulnerability_match m JOIN vulnerability v ON v.rowid = m.vulnerability_rowid JOIN component c ON c.rowid = m.component_rowid`;
  const matchesOfComponents = db.prepare(
    `${MATCH_FROM} WHERE m.component_rowid IN (SELECT rowid FROM component WHERE id IN (SELECT value FROM json_each(?))) ORDER BY m.rowid`,
  );
  const affectedStmt = db.prepare(
    `SELECT c.id AS componentId, m.matching_time AS matchingTime, m.reasons_json AS reasons
     FROM vulnerability_match m JOIN component c ON c.rowid = m.component_rowid
     WHERE m.vulnerability_rowid = (SELECT rowid FROM vulnerability WHERE id = ?) ORDER BY m.component_rowid`,
  );
  const upsertAck = db.prepare(
    `INSERT INTO vulnerability_ack (device_id, vulnerability_rowid, ack_time, author, comment) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (device_id, vulnerability_rowid) DO UPDATE SET ack_time = excluded.ack_time, author = excluded.author, comment = excluded.comment`,
  );
  const matchedOnDeviceStmt = db.prepare(
    `SELECT DISTINCT v.id FROM vulnerability_match m JOIN vulnerability v ON v.rowid = m.vulnerability_rowid
     JOIN component c ON c.rowid = m.component_rowid JOIN device d ON d.rowid = c.device_rowid
     WHERE d.id = ? AND v.cve = ? ORDER BY v.id`,
  ).pluck();
  const deleteAck = db.prepare('DELETE FROM vulnerability_ack WHERE device_id = ? AND vulnerability_rowid = (SELECT rowid FROM vulnerability WHERE id = ?)');
  const ACK_FROM = `SELECT a.device_id, v.id AS vulnerability_id, v.cve, a.ack_time, a.author, a.comment
     FROM vulnerability_ack a JOIN vulnerability v ON v.rowid = a.vulnerability_rowid`;
  const acksOfDevice = db.prepare(`${ACK_FROM} WHERE a.device_id = ? ORDER BY a.vulnerability_rowid`);
  const acksOfVulnerability = db.prepare(`${ACK_FROM} WHERE a.vulnerability_rowid = (SELECT rowid FROM vulnerability WHERE id = ?) ORDER BY a.device_id`);

  function where(q: Pick<VulnerabilityQuery, 'cve'>): Where {
    const w = new Where();
    if (q.cve !== undefined) w.add('v.cve = ?', cveKey(q.cve));
    return w;
  }

  return {
    // The 3.0 lists: the catalogue, a preset's vulnerability-list, the vulnerable devices.
    ...createVulnerabilityViews(db, components, devices),

    /** Adds a catalogue entry; false when one with this id is there already (it stays as it was). */
    insert(v: Vulnerability): boolean {
      return insertStmt.run(vulnerabilityParams(v)).changes > 0;
    },

    get(id: string): Vulnerability | undefined {
      const row = byId.get(id) as VulnerabilityRow | undefined;
      return row ? toVulnerability(row) : undefined;
    },

    /** A page of the catalogue, in the order asked (the Knowledge DB's own order by default). */
    page(q: VulnerabilityQuery): Vulnerability[] {
      const order = [...(q.sort ?? []).map((s) => `${SORT_COLUMNS[s.field]} ${s.order === 'desc' ? 'DESC' : 'ASC'}`), 'v.rowid'].join(', ');
      const w = where(q);
      const rows = prepare(`SELECT ${VULNERABILITY_COLUMNS} FROM vulnerability v ${w.toString()} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
        ...w.params,
        q.limit,
        q.offset,
      ) as VulnerabilityRow[];
      return rows.map(toVulnerability);
    },

    count(q: Pick<VulnerabilityQuery, 'cve'> = {}): number {
      const w = where(q);
      return prepare(`SELECT count(*) FROM vulnerability v ${w.toString()}`).pluck().get(...w.params) as number;
    },

    /** Records that a component is vulnerable; false when the component or the entry is unknown, or the match exists. */
    match(componentId: string, vulnerabilityId: string, matchingTime: Micros, reasons: readonly string[]): boolean {
      return insertMatch.run(matchingTime, JSON.stringify(reasons), componentId, vulnerabilityId).changes > 0;
    },

    /** The matches of these components, with their catalogue entries, each component's in the order they were matched. */
    matchesOf(componentIds: readonly string[]): VulnerabilityMatch[] {
      if (componentIds.length === 0) return [];
      return (matchesOfComponents.all(JSON.stringify(componentIds)) as MatchRow[]).map(toMatch);
    },

    /** The components a vulnerability matches. */
    affected(vulnerabilityId: string): AffectedComponent[] {
      return (affectedStmt.all(vulnerabilityId) as { componentId: string; matchingTime: number; reasons: string }[]).map((r) => ({
        ...r,
        reasons: JSON.parse(r.reasons) as string[],
      }));
    },

    /** The catalogue entries of a CVE matched on the components of a device (their ids); [] when none is. */
    matchedOnDevice(deviceId: string, cve: string): string[] {
      return matchedOnDeviceStmt.all(deviceId, cveKey(cve)) as string[];
    },

    /** Acknowledges a vulnerability on a device (again: the newer one replaces it); false when the entry is unknown. */
    acknowledge(deviceId: string, vulnerabilityId: string, ack: { time: Micros; author: string; comment: string }): boolean {
      const rowid = rowidOf.get(vulnerabilityId) as number | undefined;
      if (rowid === undefined) return false;
      upsertAck.run(deviceId, rowid, ack.time, ack.author, ack.comment);
      return true;
    },

    /** Withdraws an acknowledgement; false when there was none. */
    unacknowledge(deviceId: string, vulnerabilityId: string): boolean {
      return deleteAck.run(deviceId, vulnerabilityId).changes > 0;
    },

    acksOf(deviceId: string): VulnerabilityAck[] {
      return (acksOfDevice.all(deviceId) as AckRow[]).map(toAck);
    },

    acksFor(vulnerabilityId: string): VulnerabilityAck[] {
      return (acksOfVulnerability.all(vulnerabilityId) as AckRow[]).map(toAck);
    },
  };
}

export type VulnerabilityRepo = ReturnType<typeof createVulnerabilityRepo>;
