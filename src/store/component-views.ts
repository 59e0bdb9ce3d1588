/**
 * Components as API 3.0 lists them (src/domain/component-view.ts): a list request (sort, filter,
 * activity window, page) over every component or a preset's scope, and each page completed in
 * bulk: a few statements per page (devices, counters, flow tags, requests, user properties),
 * never one per row. Without a page, the ordered rowids are read once and the rows a chunk at a
 * time, as the answer is sent.
 */
import type { ComponentCounts, ComponentDetail, ComponentView, DeviceLight } from '../domain/component-view.js';
import type { NodeRef } from '../domain/activities.js';
import type { ComponentField } from '../domain/list-fields.js';
import type { ListRequest } from '../domain/list-request.js';
import type { PresetScope } from '../domain/preset-scope.js';
import { INSIGHT_PROPERTIES } from '../domain/security-insights.js';
import type { Component, TagSet } from '../domain/types.js';
import type { UserProperty } from '../domain/user-property.js';
import type { ComponentRepo } from './components.js';
import type { Db } from './db.js';
import { type ListShape, listConditions, listRowids } from './list-sql.js';
import type { Pager } from './pager.js';
import type { NodeCountsRepo } from './node-counts.js';
import { presetScopeWhere } from './preset-scope-sql.js';
import { Where, parseJsonObject, statementCache } from './sql.js';
import { COMPONENT_LABEL_SQL } from './component-rows.js';

const SHAPE: ListShape<ComponentField> = {
  columns: {
    id: { sql: 'c.id', kind: 'exact' },
    label: { sql: COMPONENT_LABEL_SQL, kind: 'text' },
    ip: { sql: 'c.ip', kind: 'text' },
    mac: { sql: 'c.mac', kind: 'text' },
    vendor: { sql: 'c.vendor_name', kind: 'text' },
    group: { sql: 'g.label', kind: 'text' },
    firstActivity: { sql: 'c.creation_time', kind: 'number', micros: true },
    lastActivity: { sql: 'c.last_active_time', kind: 'number', micros: true },
  },
  // divergence: Cisco's document gives no default order. Discovery order: a component found
  // while a client walks the pages lands on the last page instead of shifting the others.
  defaultOrder: 'c.rowid',
  tieBreak: 'c.rowid',
  activity: { first: 'c.creation_time', last: 'c.last_active_time' },
};

const CHUNK = 500;
/**
 * The flows each of the page's components opened that carry a request, counted in the index of
 * those flows alone by the component (migration 016: its condition is this one, term for term,
 * so that the count reads no flow row).
 */
export const REQUESTS_SQL = `SELECT f.src_component AS c, count(*) AS n FROM flow f INDEXED BY flow_src_request
  WHERE f.src_component IN (SELECT value FROM json_each(?))
    AND (${Object.values(INSIGHT_PROPERTIES).map((name) => `f.props_json -> '$."${name}"' IS NOT NULL`).join(' OR ')})
  GROUP BY f.src_component`;

interface DeviceRow {
  component: number;
  device: number;
  id: string;
  label: string;
  custom_label: string | null;
  device_type: string;
  icon: string;
}

interface MemberRow {
  device_rowid: number;
  ip: string | null;
  mac: string;
  tags_json: string;
  group_id: string | null;
  group_label: string | null;
}

/** The first sensor after `after` among the flows with `c` at this end, in flow_{src,dst}_sensor. */
const sensorAfter = (end: 'src' | 'dst', c: string, after = '') => `(SELECT min(sensor_id) FROM flow WHERE ${end}_component = ${c}${after})`;

/**
 * The sensors that saw each component's flows (the components: a JSON array of rowids), by
 * name: from one sensor to the next at each end, a seek each however many flows the component
 * has (migration 015). Flows without a sensor, or whose sensor is not in the sensor table, name
 * none, as the join over every flow did.
 */
export const SENSOR_NAMES_SQL = `WITH RECURSIVE m(c) AS (SELECT value FROM json_each(?)),
  seen(c, dst, sensor) AS (
    SELECT c, 0, ${sensorAfter('src', 'm.c')} FROM m
    UNION ALL SELECT c, 1, ${sensorAfter('dst', 'm.c')} FROM m
    UNION ALL SELECT c, dst, CASE dst WHEN 0 THEN ${sensorAfter('src', 'seen.c', ' AND sensor_id > seen.sensor')}
      ELSE ${sensorAfter('dst', 'seen.c', ' AND sensor_id > seen.sensor')} END FROM seen WHERE sensor IS NOT NULL)
  SELECT DISTINCT seen.c AS component, s.name FROM seen JOIN sensor s ON s.id = seen.sensor ORDER BY 1, 2`;

type ViewRow = { rowid: number; id: string; device_rowid: number | null };

function mergeTag(into: TagSet, tag: string, cls: TagSet[string]): void {
  if (into[tag] !== 'important') into[tag] = cls;
}

export function createComponentViewRepo(db: Db, components: ComponentRepo, nodeCounts: NodeCountsRepo, pager: Pager) {
  const prepare = statementCache(db, 100);
  const JSON_IDS = '(SELECT value FROM json_each(?))';
  const viewRows = db.prepare(`SELECT rowid, id, device_rowid FROM component WHERE rowid IN ${JSON_IDS}`);
  const devicesOf = db.prepare(
    `SELECT c.rowid AS component, d.rowid AS device, d.id, d.label, d.custom_label, d.device_type, d.icon
     FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE c.rowid IN ${JSON_IDS}`,
  );
  const membersOf = db.prepare(
    `SELECT m.device_rowid, m.ip, m.mac, m.tags_json, g.id AS group_id, g.label AS group_label FROM component m
     LEFT JOIN grp g ON g.rowid = m.group_rowid WHERE m.device_rowid IN ${JSON_IDS} ORDER BY m.device_rowid, m.rowid`,
  );
  const flowTags = db.prepare(
    `SELECT a.left_component AS c, t.tag, t.class FROM activity a JOIN activity_tag t ON t.activity_rowid = a.rowid WHERE a.left_component IN ${JSON_IDS}
     UNION ALL SELECT a.right_component, t.tag, t.class FROM activity a JOIN activity_tag t ON t.activity_rowid = a.rowid WHERE a.right_component IN ${JSON_IDS}`,
  );
  const requests = db.prepare(REQUESTS_SQL);
  const userProps = db.prepare(`SELECT owner_id, id, key, value FROM user_property WHERE owner_kind = ? AND owner_id IN ${JSON_IDS} ORDER BY rowid`);
  const rowidOf = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const devicesById = db.prepare(`SELECT d.rowid AS device, d.id, d.label, d.custom_label, d.device_type, d.icon FROM device d WHERE d.id IN ${JSON_IDS}`);
  const componentRowids = db.prepare(`SELECT rowid FROM component WHERE id IN ${JSON_IDS} ORDER BY rowid`).pluck();
  const sensorNames = db.prepare(SENSOR_NAMES_SQL);

  /** Devices as other objects nest them, by device rowid: their own fields and what their components give them. */
  function lights(rows: readonly Omit<DeviceRow, 'component'>[]): Map<number, DeviceLight> {
    const byDevice = new Map<number, DeviceLight>();
    for (const r of rows) {
      if (!byDevice.has(r.device)) {
        byDevice.set(r.device, { id: r.id, label: r.label, customLabel: r.custom_label, deviceType: r.device_type, icon: r.icon, ip: [], mac: [], tags: {}, group: null });
      }
    }
    if (byDevice.size === 0) return byDevice;
    for (const m of membersOf.all(JSON.stringify([...byDevice.keys()])) as MemberRow[]) {
      const d = byDevice.get(m.device_rowid) as DeviceLight;
      if (m.ip !== null && !d.ip.includes(m.ip)) d.ip.push(m.ip);
      if (!d.mac.includes(m.mac)) d.mac.push(m.mac);
      for (const [tag, cls] of Object.entries(parseJsonObject<TagSet>(m.tags_json))) mergeTag(d.tags, tag, cls);
      if (d.group === null && m.group_id !== null) d.group = { id: m.group_id, label: m.group_label ?? '' };
    }
    return byDevice;
  }

  /** The devices of these components, by component rowid. */
  function devices(rowids: readonly number[]): Map<number, DeviceLight> {
    const rows = devicesOf.all(JSON.stringify(rowids)) as DeviceRow[];
    const byDevice = lights(rows);
    return new Map(rows.map((r) => [r.component, byDevice.get(r.device) as DeviceLight]));
  }

  function propertiesOf(kind: 'component' | 'device', ids: readonly string[]): Map<string, UserProperty[]> {
    const out = new Map<string, UserProperty[]>();
    if (ids.length === 0) return out;
    for (const r of userProps.all(kind, JSON.stringify(ids)) as (UserProperty & { owner_id: string })[]) {
      const list = out.get(r.owner_id) ?? [];
      list.push({ id: r.id, key: r.key, value: r.value });
      out.set(r.owner_id, list);
    }
    return out;
  }

  function hydrate(rowids: readonly number[]): ComponentView[] {
    if (rowids.length === 0) return [];
    const json = JSON.stringify(rowids);
    const rows = new Map((viewRows.all(json) as ViewRow[]).map((r) => [r.id, r]));
    const found = components.byRowids(rowids);
    const deviceOf = devices(rowids);
    const counts = nodeCounts.of(new Map(rowids.map((r) => [r, [r]])));
    const tags = new Map<number, TagSet>();
    for (const t of flowTags.all(json, json) as { c: number; tag: string; class: TagSet[string] }[]) {
      const set = tags.get(t.c) ?? {};
      mergeTag(set, t.tag, t.class);
      tags.set(t.c, set);
    }
    const requested = new Map((requests.all(json) as { c: number; n: number }[]).map((r) => [r.c, r.n]));
    const props = propertiesOf('component', found.map((c) => c.id));
    const deviceProps = propertiesOf('device', [...new Set([...deviceOf.values()].map((d) => d.id))]);
    return found.map((component: Component) => {
      const rowid = (rows.get(component.id) as ViewRow).rowid;
      const n = counts.get(rowid);
      const device = deviceOf.get(rowid) ?? null;
      const c: ComponentCounts = {
        flows: n?.flows ?? 0,
        events: n?.events ?? 0,
        variables: n?.variables ?? 0,
        credentials: n?.credentials ?? 0,
        externalCommunications: n?.externalCommunications ?? 0,
        vulnerabilities: component.vulnerabilities.length,
        requests: requested.get(rowid) ?? 0,
      };
      return {
        component,
        device,
        counts: c,
        flowsTags: tags.get(rowid) ?? {},
        userProperties: props.get(component.id) ?? [],
        deviceUserProperties: device ? (deviceProps.get(device.id) ?? []) : null,
      };
    });
  }

  /** The ordered rowids the request asks for (its page, or all of them). */
  function rowids(req: ListRequest<ComponentField>, scope?: PresetScope): readonly number[] {
    const where = listConditions(scope ? presetScopeWhere(scope) : new Where(), req, SHAPE);
    return listRowids({ prepare, pager }, { rowid: 'c.rowid', from: 'component c LEFT JOIN grp g ON g.rowid = c.group_rowid' }, where, req, SHAPE);
  }

  function details(rowids: readonly number[]): ComponentDetail[] {
    const names = new Map<number, string[]>();
    if (rowids.length > 0) {
      for (const r of sensorNames.all(JSON.stringify(rowids)) as { component: number; name: string }[]) names.set(r.component, [...(names.get(r.component) ?? []), r.name]);
    }
    return hydrate(rowids).map((view, i) => ({ ...view, sensorNames: names.get(rowids[i] as number) ?? [] }));
  }

  function* chunks(all: readonly number[]): Generator<ComponentView> {
    for (let i = 0; i < all.length; i += CHUNK) yield* hydrate(all.slice(i, i + CHUNK));
  }

  return {
    /**
     * The components a list request asks for, over every component or a preset's scope: its page
     * as an array, or (no page) every row lazily, a chunk at a time.
     */
    list(req: ListRequest<ComponentField>, scope?: PresetScope): Iterable<ComponentView> {
      const ids = rowids(req, scope);
      return req.window ? hydrate(ids) : chunks(ids);
    },

    /** How many components the request's filters and window keep (no page). */
    count(req: ListRequest<ComponentField>, scope?: PresetScope): number {
      const { window: _, ...all } = req;
      return rowids(all, scope).length;
    },

    /** What the ends of activities between network nodes show: the devices, and the components without one, by id. */
    nodeEnds(refs: readonly NodeRef[]): { devices: Map<string, DeviceLight>; components: Map<string, Component> } {
      const deviceIds = [...new Set(refs.filter((r) => r.isDevice).map((r) => r.id))];
      const componentIds = [...new Set(refs.filter((r) => !r.isDevice).map((r) => r.id))];
      const found = deviceIds.length === 0 ? new Map<number, DeviceLight>() : lights(devicesById.all(JSON.stringify(deviceIds)) as Omit<DeviceRow, 'component'>[]);
      return { devices: new Map([...found.values()].map((d) => [d.id, d])), components: this.byIds(componentIds) };
    },

    /** Components by id (the ends of a page of activities); unknown ids are left out. */
    byIds(ids: readonly string[]): Map<string, Component> {
      if (ids.length === 0) return new Map();
      return new Map(components.byRowids(componentRowids.all(JSON.stringify([...new Set(ids)])) as number[]).map((c) => [c.id, c]));
    },

    get(id: string): ComponentDetail | undefined {
      const rowid = rowidOf.get(id) as number | undefined;
      return rowid === undefined ? undefined : details([rowid])[0];
    },

    /** Components on their own (a device's, in full), in the order of the rowids given. */
    details,

    /** Components as lists show them, in the order of the rowids given (security insight requesters). */
    views: hydrate,
  };
}

export type ComponentViewRepo = ReturnType<typeof createComponentViewRepo>;
