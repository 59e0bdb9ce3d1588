/** Components (guide 5.2): reads for the API, writes for ingest and the fixtures. */
import type { ComponentQuery, PropertyFilter } from '../domain/queries.js';
import { type Component, type Properties, type TagSet, type Vulnerability, isEmpty } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import { ipv4ToInt } from '../domain/network.js';
import type { Db } from './db.js';
import type { Pager } from './pager.js';
import { COMPONENT_COLUMNS, type ComponentRow, componentRowOf, toComponent } from './component-rows.js';
import { VULNERABILITY_COLUMNS, type VulnerabilityRow, toVulnerability } from './vulnerability-rows.js';
import { Where, inPageOrder, parseJsonObject, placeholders, statementCache } from './sql.js';

/** The normalized fields ingest and fixtures may set (guide 5.2). */
export interface NormalizedFields {
  name?: string | null;
  modelName?: string | null;
  modelRef?: string | null;
  fwVersion?: string | null;
  hwVersion?: string | null;
  serialNumber?: string | null;
  vendorName?: string | null;
  projectName?: string | null;
  projectVersion?: string | null;
}

export interface ComponentState {
  rowid: number;
  creationTime: Micros;
  lastActiveTime: Micros;
  tags: TagSet;
  properties: Properties;
  /** The device it belongs to, or null (src/ingest/device-rule.ts). */
  deviceRowid: number | null;
}

export interface NewComponent extends NormalizedFields {
  id: string;
  mac: string;
  ip: string | null;
  creationTime: Micros;
  lastActiveTime: Micros;
  /** The device it belongs to from the start (ingest), if any. */
  deviceRowid?: number | null;
}

const FIELD_COLUMNS: Record<keyof NormalizedFields, string> = {
  name: 'name',
  modelName: 'model_name',
  modelRef: 'model_ref',
  fwVersion: 'fw_version',
  hwVersion: 'hw_version',
  serialNumber: 'serial_number',
  vendorName: 'vendor_name',
  projectName: 'project_name',
  projectVersion: 'project_version',
};

/** Every normalized field unset: a new component's defaults. */
const NO_FIELDS = Object.fromEntries(Object.keys(FIELD_COLUMNS).map((k) => [k, null])) as Record<keyof NormalizedFields, null>;

/** Adds the property filters: each must hold (guide 6.3.1: "has property … and has property …"). */
export function propertyConditions(where: Where, table: string, ownerColumn: string, owner: string, filters: PropertyFilter[] | undefined): void {
  for (const f of filters ?? []) {
    if (f.value === undefined) {
      where.add(`EXISTS (SELECT 1 FROM ${table} p WHERE p.${ownerColumn} = ${owner} AND p.name = ?)`, f.name);
    } else {
      where.add(`EXISTS (SELECT 1 FROM ${table} p WHERE p.${ownerColumn} = ${owner} AND p.name = ? AND p.value = ?)`, f.name, f.value);
    }
  }
}

const VENDOR_ORDER = new Intl.Collator('en-US', { ignorePunctuation: true, sensitivity: 'base' });

export function createComponentRepo(db: Db, pager: Pager) {
  const prepare = statementCache(db);
  // Raw: the rows are made by componentRowOf (cheaper than better-sqlite3's objects).
  const byId = db.prepare(`SELECT ${COMPONENT_COLUMNS} FROM component c LEFT JOIN grp g ON g.rowid = c.group_rowid WHERE c.id = ?`).raw();
  const rowidById = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const byRowids = db.prepare(
    `SELECT ${COMPONENT_COLUMNS} FROM component c LEFT JOIN grp g ON g.rowid = c.group_rowid
     WHERE c.rowid IN (SELECT value FROM json_each(?))`,
  ).raw();
  const ofGroup = db.prepare(
    `SELECT ${COMPONENT_COLUMNS} FROM component c LEFT JOIN grp g ON g.rowid = c.group_rowid
     WHERE c.group_rowid = ? ORDER BY c.rowid`,
  ).raw();
  // guide 5.2: "the ones impacting this Component", as they were matched.
  const vulnsOf = db.prepare(
    `SELECT m.component_rowid, ${VULNERABILITY_COLUMNS} FROM vulnerability_match m JOIN vulnerability v ON v.rowid = m.vulnerability_rowid
     WHERE m.component_rowid IN (SELECT value FROM json_each(?)) ORDER BY m.rowid`,
  );
  const insertStmt = db.prepare(
    `INSERT INTO component (id, creation_time, last_active_time, ip, ip_num, mac, name, model_name, model_ref, fw_version,
       hw_version, serial_number, vendor_name, project_name, project_version, device_rowid)
     VALUES (@id, @creationTime, @lastActiveTime, @ip, @ipNum, @mac, @name, @modelName, @modelRef, @fwVersion,
       @hwVersion, @serialNumber, @vendorName, @projectName, @projectVersion, @deviceRowid)`,
  );
  const STATE_COLUMNS = 'id, rowid, creation_time, last_active_time, tags_json, props_json, device_rowid';
  const stateStmt = db.prepare(`SELECT ${STATE_COLUMNS} FROM component WHERE id = ?`);
  const statesStmt = db.prepare(`SELECT ${STATE_COLUMNS} FROM component WHERE id IN (SELECT value FROM json_each(?))`);
  const saveStmt = db.prepare(
    'UPDATE component SET creation_time = ?, last_active_time = ?, tags_json = ?, props_json = ? WHERE rowid = ?',
  );
  const saveTimes = db.prepare('UPDATE component SET creation_time = ?, last_active_time = ? WHERE rowid = ?');
  const setPropsJson = db.prepare('UPDATE component SET props_json = ? WHERE rowid = ?');
  const setTagsJson = db.prepare('UPDATE component SET tags_json = ? WHERE rowid = ?');
  const upsertProp = db.prepare(
    'INSERT INTO component_prop (component_rowid, name, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
  );
  const deleteProp = db.prepare('DELETE FROM component_prop WHERE component_rowid = ? AND name = ?');
  const upsertTag = db.prepare(
    'INSERT INTO component_tag (component_rowid, tag, class) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET class = excluded.class',
  );
  const setCustom = {
    name: db.prepare('UPDATE component SET custom_name = ? WHERE rowid = ?'),
    icon: db.prepare('UPDATE component SET custom_icon = ? WHERE rowid = ?'),
  };
  const vendorsStmt = db.prepare('SELECT DISTINCT vendor_name FROM component WHERE vendor_name IS NOT NULL').pluck();

  function hydrate(rows: ComponentRow[]): Component[] {
    const vulns = new Map<number, Vulnerability[]>();
    if (rows.length > 0) {
      for (const v of vulnsOf.all(JSON.stringify(rows.map((r) => r.rowid))) as (VulnerabilityRow & { component_rowid: number })[]) {
        let list = vulns.get(v.component_rowid);
        if (!list) vulns.set(v.component_rowid, (list = []));
        list.push(toVulnerability(v));
      }
    }
    return rows.map((r) => toComponent(r, vulns.get(r.rowid) ?? []));
  }

  return {
    get(id: string): Component | undefined {
      const row = byId.get(id) as unknown[] | undefined;
      return row ? hydrate([componentRowOf(row)])[0] : undefined;
    },

    rowid(id: string): number | undefined {
      return rowidById.get(id) as number | undefined;
    },

    /** guide 6.3.1: ordered by last active time. */
    list(q: ComponentQuery): Component[] {
      return this.byRowids(this.page(q));
    },

    /** The rowids of a page of `list`, in order. */
    page(q: ComponentQuery): readonly number[] {
      const where = new Where();
      if (q.start !== undefined) where.add('c.last_active_time >= ?', q.start);
      if (q.end !== undefined) where.add('c.last_active_time <= ?', q.end);
      if (q.network) where.add('c.ip_num BETWEEN ? AND ?', q.network.first, q.network.last);
      where.anyOf('c.ip', q.ips).anyOf('c.mac', q.macs?.map((m) => m.toLowerCase())).anyOf('c.vendor_name', q.vendors);
      for (const keys of q.tags ?? []) {
        where.add(
          `EXISTS (SELECT 1 FROM component_tag t WHERE t.component_rowid = c.rowid AND t.tag IN (${placeholders(keys.length)}))`,
          ...keys,
        );
      }
      propertyConditions(where, 'component_prop', 'component_rowid', 'c.rowid', q.properties);
      return pager.rowids({ from: 'component c', where, key: 'c.last_active_time', rowid: 'c.rowid', order: q.order, limit: q.limit, offset: q.offset });
    },

    /** Components by rowid, in the order given. */
    byRowids(rowids: readonly number[]): Component[] {
      if (rowids.length === 0) return [];
      return hydrate(inPageOrder(rowids, (byRowids.all(JSON.stringify(rowids)) as unknown[][]).map(componentRowOf)));
    },

    /** Components by rowid, in the order given (groups, variables). */
    byGroupRowid(groupRowid: number): Component[] {
      return hydrate((ofGroup.all(groupRowid) as unknown[][]).map(componentRowOf));
    },

    /**
     * guide 6.3.13: the distinct vendor names, in the order the guide prints them: a locale
     * collation that ignores case, spaces and punctuation ("Siemens AG," before "Siemens AG - …").
     */
    vendors(): string[] {
      return (vendorsStmt.all() as string[]).sort((a, b) => VENDOR_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    },

    insert(c: NewComponent): number {
      const info = insertStmt.run({
        ...NO_FIELDS,
        deviceRowid: null,
        ...c,
        ip: c.ip,
        ipNum: c.ip ? (ipv4ToInt(c.ip) ?? null) : null,
        mac: c.mac.toLowerCase(),
      });
      return Number(info.lastInsertRowid);
    },

    /** What ingest needs to merge observations into a component. */
    state(id: string): ComponentState | undefined {
      const r = stateStmt.get(id) as StateRow | undefined;
      return r ? toState(r) : undefined;
    },

    /** `state` for many components in one statement: the ones that exist, by id. */
    states(ids: readonly string[]): Map<string, ComponentState> {
      const found = new Map<string, ComponentState>();
      if (ids.length === 0) return found;
      for (const r of statesStmt.all(JSON.stringify(ids)) as StateRow[]) found.set(r.id, toState(r));
      return found;
    },

    /** Writes a component's merged state; `changedTags`/`changedProps` are the child rows to upsert. */
    save(s: ComponentState, changedTags: TagSet, changedProps: Record<string, string | null>): void {
      if (isEmpty(changedTags) && isEmpty(changedProps)) {
        // Most components of a batch were only seen again.
        saveTimes.run(s.creationTime, s.lastActiveTime, s.rowid);
        return;
      }
      saveStmt.run(s.creationTime, s.lastActiveTime, JSON.stringify(s.tags), JSON.stringify(s.properties), s.rowid);
      for (const [tag, cls] of Object.entries(changedTags)) upsertTag.run(s.rowid, tag, cls);
      for (const [name, value] of Object.entries(changedProps)) {
        if (value === null) deleteProp.run(s.rowid, name);
        else upsertProp.run(s.rowid, name, value);
      }
    },

    /** Writes the given properties (merged over the existing ones by the caller). */
    setProperties(rowid: number, all: Properties, changed: Properties): void {
      setPropsJson.run(JSON.stringify(all), rowid);
      for (const [name, value] of Object.entries(changed)) upsertProp.run(rowid, name, value);
    },

    setTags(rowid: number, all: TagSet, changed: TagSet): void {
      setTagsJson.run(JSON.stringify(all), rowid);
      for (const [tag, cls] of Object.entries(changed)) upsertTag.run(rowid, tag, cls);
    },

    /** Sets normalized fields that are given (ingest learns them from properties). */
    setFields(rowid: number, fields: NormalizedFields): void {
      const entries = Object.entries(fields).filter(([k, v]) => v !== undefined && k in FIELD_COLUMNS);
      if (entries.length === 0) return;
      const sets = entries.map(([k]) => `${FIELD_COLUMNS[k as keyof NormalizedFields]} = ?`).join(', ');
      prepare(`UPDATE component SET ${sets} WHERE rowid = ?`).run(...entries.map(([, v]) => v), rowid);
    },

    /** guide 6.3.3, 6.3.4 (name) and 6.3.7, 6.3.8 (icon); null removes it. */
    setCustom(rowid: number, field: 'name' | 'icon', value: string | null): void {
      setCustom[field].run(value, rowid);
    },

    /** guide 6.3.14: removes the tags of the given components, or of all when none are given. */
    clearTags(rowids?: readonly number[]): void {
      const scope = rowids ? 'WHERE rowid IN (SELECT value FROM json_each(?))' : '';
      const childScope = rowids ? 'WHERE component_rowid IN (SELECT value FROM json_each(?))' : '';
      const args = rowids ? [JSON.stringify(rowids)] : [];
      prepare(`UPDATE component SET tags_json = '{}' ${scope}`).run(...args);
      prepare(`DELETE FROM component_tag ${childScope}`).run(...args);
    },

    /**
     * guide 6.3.14: removes the vulnerabilities of the given components, or of all: their
     * matches. The Knowledge DB's catalogue and the acknowledgements stay.
     */
    clearVulnerabilities(rowids?: readonly number[]): void {
      const scope = rowids ? 'WHERE component_rowid IN (SELECT value FROM json_each(?))' : '';
      prepare(`DELETE FROM vulnerability_match ${scope}`).run(...(rowids ? [JSON.stringify(rowids)] : []));
    },
  };
}

export type ComponentRepo = ReturnType<typeof createComponentRepo>;

interface StateRow {
  id: string;
  rowid: number;
  creation_time: number;
  last_active_time: number;
  tags_json: string;
  props_json: string;
  device_rowid: number | null;
}

function toState(r: StateRow): ComponentState {
  return {
    rowid: r.rowid,
    creationTime: r.creation_time,
    lastActiveTime: r.last_active_time,
    tags: parseJsonObject(r.tags_json),
    properties: parseJsonObject(r.props_json),
    deviceRowid: r.device_rowid,
  };
}
