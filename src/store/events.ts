/** Events (guide 5.5, 6.6) and their downloadable data (6.6.2). */
import type { EventQuery } from '../domain/queries.js';
import type { Event, EventData } from '../domain/types.js';
import type { Micros } from '../domain/time.js';
import type { EventCategory, EventFamily, EventType, Severity } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import type { Pager } from './pager.js';
import { Where, inPageOrder, placeholders } from './sql.js';

export const EVENT_COLUMNS = `e.rowid AS rowid, e.id, e.creation_time, e.severity, e.type, e.family, e.category, e.short_message,
  e.message, (SELECT id FROM component WHERE rowid = e.component_rowid) AS component_id,
  (SELECT id FROM flow WHERE rowid = e.flow_rowid) AS flow_id,
  EXISTS (SELECT 1 FROM event_data d WHERE d.event_rowid = e.rowid) AS has_data`;

/** A row of EVENT_COLUMNS from a raw statement (values in that order), as componentRowOf does for components. */
export function eventRowOf(v: unknown[]): EventRow {
  return {
    rowid: v[0] as number,
    id: v[1] as string,
    creation_time: v[2] as number,
    severity: v[3] as Severity,
    type: v[4] as EventType,
    family: v[5] as EventFamily,
    category: v[6] as EventCategory,
    short_message: v[7] as string,
    message: v[8] as string,
    component_id: v[9] as string | null,
    flow_id: v[10] as string | null,
    has_data: v[11] as number,
  };
}

export interface EventRow {
  rowid: number;
  id: string;
  creation_time: number;
  severity: Severity;
  type: EventType;
  family: EventFamily;
  category: EventCategory;
  short_message: string;
  message: string;
  component_id: string | null;
  flow_id: string | null;
  has_data: number;
}

export interface NewEvent {
  id: string;
  creationTime: Micros;
  severity: Severity;
  type: EventType;
  family: EventFamily;
  category: EventCategory;
  shortMessage: string;
  message: string;
  componentRowid: number | null;
  flowRowid: number | null;
  srcComponent: number | null;
  dstComponent: number | null;
}

/** The components an event is about: its own, and its flow's two ends. */
const EVENT_COMPONENTS = ['e.component_rowid', 'e.src_component', 'e.dst_component'];

function aboutComponents(where: Where, condition: string, params: unknown[]): void {
  const sub = `SELECT rowid FROM component WHERE ${condition}`;
  where.add(`(${EVENT_COMPONENTS.map((c) => `${c} IN (${sub})`).join(' OR ')})`, ...params, ...params, ...params);
}

export function createEventRepo(db: Db, pager: Pager) {
  // Raw: the rows are made by eventRowOf (cheaper than better-sqlite3's objects).
  const byId = db.prepare(`SELECT ${EVENT_COLUMNS} FROM event e WHERE e.id = ?`).raw();
  const byRowids = db.prepare(`SELECT ${EVENT_COLUMNS} FROM event e WHERE e.rowid IN (SELECT value FROM json_each(?))`).raw();
  const insertStmt = db.prepare(
    `INSERT INTO event (id, creation_time, severity, type, family, category, short_message, message, component_rowid,
       flow_rowid, src_component, dst_component)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ); // positional: binding a named object costs more, and ingest inserts an event per new component
  const insertData = db.prepare('INSERT INTO event_data (event_rowid, filename, content_type, data) VALUES (?, ?, ?, ?)');
  const dataOf = db.prepare(
    'SELECT d.filename, d.content_type, d.data FROM event_data d JOIN event e ON e.rowid = d.event_rowid WHERE e.id = ?',
  );

  return {
    get(id: string): Event | undefined {
      const row = byId.get(id) as unknown[] | undefined;
      return row ? toEvent(eventRowOf(row)) : undefined;
    },

    /** guide 6.6.1; ordered by creation time. */
    list(q: EventQuery): Event[] {
      return this.byRowids(this.page(q));
    },

    /** Events by rowid, in the order given. */
    byRowids(rowids: readonly number[]): Event[] {
      if (rowids.length === 0) return [];
      return inPageOrder(rowids, (byRowids.all(JSON.stringify(rowids)) as unknown[][]).map(eventRowOf)).map(toEvent);
    },

    /** The rowids of a page of `list`, in order. */
    page(q: EventQuery): readonly number[] {
      const where = new Where();
      if (q.start !== undefined) where.add('e.creation_time >= ?', q.start);
      if (q.end !== undefined) where.add('e.creation_time <= ?', q.end);
      where.anyOf('e.severity', q.severities).anyOf('e.category', q.categories);
      where.anyOf('e.family', q.families).anyOf('e.type', q.types);
      if (q.text) where.add("(instr(lower(e.message), lower(?)) > 0 OR instr(lower(e.short_message), lower(?)) > 0)", q.text, q.text);
      if (q.groups?.length) {
        aboutComponents(where, `group_rowid IN (SELECT rowid FROM grp WHERE id IN (${placeholders(q.groups.length)}))`, q.groups);
      }
      if (q.network) aboutComponents(where, 'ip_num BETWEEN ? AND ?', [q.network.first, q.network.last]);
      if (q.ips?.length) aboutComponents(where, `ip IN (${placeholders(q.ips.length)})`, q.ips);
      if (q.macs?.length) {
        aboutComponents(where, `mac IN (${placeholders(q.macs.length)})`, q.macs.map((m) => m.toLowerCase()));
      }
      if (q.from !== undefined) where.add('e.src_component = (SELECT rowid FROM component WHERE id = ?)', q.from);
      if (q.to !== undefined) where.add('e.dst_component = (SELECT rowid FROM component WHERE id = ?)', q.to);
      return pager.rowids({ from: 'event e', where, key: 'e.creation_time', rowid: 'e.rowid', order: q.order, limit: q.limit, offset: q.offset });
    },

    insert(e: NewEvent, data?: EventData): number {
      const rowid = Number(
        insertStmt.run(e.id, e.creationTime, e.severity, e.type, e.family, e.category, e.shortMessage, e.message, e.componentRowid, e.flowRowid, e.srcComponent, e.dstComponent)
          .lastInsertRowid,
      );
      if (data) insertData.run(rowid, data.filename, data.contentType, data.data);
      return rowid;
    },

    /** guide 6.6.2: the event's file, if it has one. */
    data(id: string): EventData | undefined {
      const r = dataOf.get(id) as { filename: string; content_type: string; data: Buffer } | undefined;
      return r ? { filename: r.filename, contentType: r.content_type, data: r.data } : undefined;
    },
  };
}

export type EventRepo = ReturnType<typeof createEventRepo>;

function toEvent(r: EventRow): Event {
  return {
    id: r.id,
    creationTime: r.creation_time,
    severity: r.severity,
    type: r.type,
    family: r.family,
    category: r.category,
    shortMessage: r.short_message,
    message: r.message,
    componentId: r.component_id,
    flowId: r.flow_id,
    hasData: r.has_data === 1,
  };
}
