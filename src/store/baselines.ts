/**
 * Baselines (migration 012): the baselines themselves, what each recorded of its preset's scope
 * (components' tags and properties, activities' tags and variable accesses), the reviews kept
 * apart (nack, ignore), and the world's targets as the differences compare them
 * (src/domain/baseline.ts). Records are made and compared in SQL a chunk at a time, so a baseline
 * of "All data" on a large world stays within memory.
 */
import {
  type ActivityNow,
  type ActivityRecord,
  type Baseline,
  type ComponentNow,
  type ComponentRecord,
  type Review,
  type ReviewStatus,
  type VariableAccess,
  accessKey,
} from '../domain/baseline.js';
import { activityEnds, activityId } from '../domain/activities.js';
import type { PresetScope } from '../domain/preset-scope.js';
import type { Micros } from '../domain/time.js';
import type { Db } from './db.js';
import { presetScopeWhere, scopedComponents } from './preset-scope-sql.js';
import { Where, statementCache } from './sql.js';

interface BaselineRow {
  rowid: number;
  id: string;
  preset_id: string;
  label: string;
  description: string;
  creator_email: string;
  creation_time: number;
  period_start: number;
  period_end: number;
  last_edit_time: number;
}

const BASELINE = `SELECT b.rowid, b.id, p.id AS preset_id, b.label, b.description, b.creator_email, b.creation_time, b.period_start,
  b.period_end, b.last_edit_time FROM baseline b JOIN preset p ON p.rowid = b.preset_rowid`;

const toBaseline = (r: BaselineRow): Baseline => ({
  id: r.id,
  presetId: r.preset_id,
  label: r.label,
  description: r.description,
  creatorEmail: r.creator_email,
  creationTime: r.creation_time,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  lastEditTime: r.last_edit_time,
});

/** The variable accesses of activity `a`: a variable one end holds, read or written by the other. */
const ACCESSES = `(SELECT json_group_array(json_array(v.id, au.id, va.type, va.first)) FROM variable v
  JOIN variable_access va ON va.variable_rowid = v.rowid JOIN component au ON au.rowid = va.author_rowid
  WHERE (v.component_rowid = a.left_component AND va.author_rowid = a.right_component)
     OR (v.component_rowid = a.right_component AND va.author_rowid = a.left_component))`;
const ACTIVITY_TAGS = '(SELECT json_group_array(tag) FROM activity_tag WHERE activity_rowid = a.rowid)';
/** Activities by their ends' ids, given as a JSON array of [left id, right id]. */
const PAIRS_IN = `(a.left_component, a.right_component) IN (SELECT l.rowid, r.rowid FROM json_each(?) j
  JOIN component l ON l.id = json_extract(j.value, '$[0]') JOIN component r ON r.id = json_extract(j.value, '$[1]'))`;

/** A variable access as a VariableMonitor shows it. */
export interface VariableAccessRow {
  variableId: string;
  name: string;
  /** The component that holds the variable. */
  holderId: string;
  authorId: string;
  type: string;
  first: Micros;
  last: Micros;
}

/** A target the differences compare: its rowid (the chunks' order), what the world holds of it now, what the baseline recorded. */
export interface Compared<Now, Record> {
  rowid: number;
  now: Now;
  then: Record | undefined;
}

interface ComponentStateRow {
  rowid: number;
  id: string;
  creation_time: number;
  last_active_time: number;
  tags_json: string;
  props_json: string;
  b_tags: string | null;
  b_props: string | null;
}
interface ActivityStateRow {
  rowid: number;
  left_id: string;
  right_id: string;
  first_activity: number;
  last_activity: number;
  tags_json: string;
  variables_json: string;
  b_tags: string | null;
  b_vars: string | null;
}

const keysOf = (json: string): string[] => Object.keys(JSON.parse(json) as object);

function toComponent(r: ComponentStateRow): Compared<ComponentNow, ComponentRecord> {
  return {
    rowid: r.rowid,
    now: { id: r.id, first: r.creation_time, last: r.last_active_time, tags: keysOf(r.tags_json), props: JSON.parse(r.props_json) as Record<string, string> },
    then: r.b_tags === null ? undefined : { tags: keysOf(r.b_tags), props: JSON.parse(r.b_props ?? '{}') as Record<string, string> },
  };
}

function toActivity(r: ActivityStateRow): Compared<ActivityNow, ActivityRecord> {
  const variables = (JSON.parse(r.variables_json) as [string, string, string, number][]).map(
    ([variableId, authorId, type, first]): VariableAccess => ({ variableId, authorId, type, first }),
  );
  return {
    rowid: r.rowid,
    now: { id: activityId(r.left_id, r.right_id), first: r.first_activity, last: r.last_activity, tags: (JSON.parse(r.tags_json) as string[]).sort(), variables },
    then: r.b_tags === null ? undefined : { tags: JSON.parse(r.b_tags) as string[], variables: JSON.parse(r.b_vars ?? '[]') as string[] },
  };
}

export function createBaselineRepo(db: Db) {
  const prepare = statementCache(db, 50);
  const all = db.prepare(`${BASELINE} ORDER BY b.rowid`);
  const byId = db.prepare(`${BASELINE} WHERE b.id = ?`);
  const ofPreset = db.prepare(`${BASELINE} WHERE p.id = ? ORDER BY b.rowid`);
  const labelled = db.prepare('SELECT id FROM baseline WHERE label = ? COLLATE NOCASE').pluck();
  const rowidOf = db.prepare('SELECT rowid FROM baseline WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO baseline (id, preset_rowid, label, description, creator_email, creation_time, period_start, period_end, last_edit_time)
     SELECT @id, rowid, @label, @description, @creatorEmail, @creationTime, @periodStart, @periodEnd, @lastEditTime FROM preset WHERE id = @presetId`,
  );
  const update = db.prepare('UPDATE baseline SET label = @label, description = @description, last_edit_time = @lastEditTime WHERE id = @id');
  const remove = db.prepare('DELETE FROM baseline WHERE id = ?');
  const componentRowid = db.prepare('SELECT rowid FROM component WHERE id = ?').pluck();
  const variableById = db.prepare('SELECT 1 FROM variable WHERE id = ?').pluck();
  const accessesOf = db.prepare(
    `SELECT v.id AS variableId, v.name, h.id AS holderId, au.id AS authorId, va.type, va.first, va.last FROM variable v
     JOIN component h ON h.rowid = v.component_rowid JOIN variable_access va ON va.variable_rowid = v.rowid JOIN component au ON au.rowid = va.author_rowid
     WHERE v.id IN (SELECT value FROM json_each(?))`,
  );
  const reviewsOf = db.prepare('SELECT difference_id, value, status FROM baseline_review WHERE baseline_rowid = ?');
  const putReview = db.prepare(
    `INSERT INTO baseline_review (baseline_rowid, difference_id, value, status, comment, review_time) VALUES (@baseline, @id, @value, @status, @comment, @time)
     ON CONFLICT DO UPDATE SET value = excluded.value, status = excluded.status, comment = excluded.comment, review_time = excluded.review_time`,
  );
  const dropReview = db.prepare('DELETE FROM baseline_review WHERE baseline_rowid = ? AND difference_id = ?');
  const putComponent = db.prepare(
    `INSERT INTO baseline_component (baseline_rowid, component_rowid, tags_json, props_json) VALUES (@baseline, @component, @tags, @props)
     ON CONFLICT DO UPDATE SET tags_json = excluded.tags_json, props_json = excluded.props_json`,
  );
  const dropComponent = db.prepare('DELETE FROM baseline_component WHERE baseline_rowid = ? AND component_rowid = ?');
  const putActivity = db.prepare(
    `INSERT INTO baseline_activity (baseline_rowid, left_component, right_component, tags_json, variables_json)
     SELECT @baseline, left_component, right_component, @tags, @variables FROM activity WHERE rowid = @activity
     ON CONFLICT DO UPDATE SET tags_json = excluded.tags_json, variables_json = excluded.variables_json`,
  );
  const dropActivity = db.prepare(
    `DELETE FROM baseline_activity WHERE baseline_rowid = ? AND (left_component, right_component) = (SELECT left_component, right_component FROM activity WHERE rowid = ?)`,
  );
  const activityByEnds = db.prepare(
    'SELECT a.rowid FROM activity a WHERE a.left_component = (SELECT rowid FROM component WHERE id = ?) AND a.right_component = (SELECT rowid FROM component WHERE id = ?)',
  ).pluck();
  const activitiesOfComponents = db.prepare(
    `SELECT l.id || '_' || r.id FROM activity a JOIN component l ON l.rowid = a.left_component JOIN component r ON r.rowid = a.right_component
     WHERE a.left_component IN (SELECT rowid FROM component WHERE id IN (SELECT value FROM json_each(@ids)))
        OR a.right_component IN (SELECT rowid FROM component WHERE id IN (SELECT value FROM json_each(@ids)))`,
  ).pluck();
  const componentRecorded = db.prepare('SELECT 1 FROM baseline_component WHERE baseline_rowid = ? AND component_rowid = ?').pluck();
  const activityRecorded = db.prepare(
    'SELECT 1 FROM baseline_activity b JOIN activity a ON a.left_component = b.left_component AND a.right_component = b.right_component WHERE b.baseline_rowid = ? AND a.rowid = ?',
  ).pluck();

  /**
   * The scope as a condition on activity `a` (an end among the components it keeps) and the CTE
   * it reads, which opens the statement (src/store/preset-scope-sql.ts `scopedComponents`);
   * nothing for a scope that keeps everything.
   */
  function endsInScope(scope: PresetScope | undefined): { with: string; where: string; params: unknown[] } {
    if (!scope || scope.all) return { with: '', where: '', params: [] };
    const [scoped, params] = scopedComponents(scope);
    return { with: scoped, where: '(a.left_component IN scoped OR a.right_component IN scoped)', params };
  }

  /** The components `extra` names, compared; only those `scope` keeps when one is given. */
  function componentStates(baseline: number, scope: PresetScope | undefined, extra: [string, unknown[]], limit: number): Compared<ComponentNow, ComponentRecord>[] {
    const where = scope ? presetScopeWhere(scope) : new Where();
    where.add(extra[0], ...extra[1]);
    const sql = `SELECT c.rowid, c.id, c.creation_time, c.last_active_time, c.tags_json, c.props_json, b.tags_json AS b_tags, b.props_json AS b_props
      FROM component c LEFT JOIN baseline_component b ON b.baseline_rowid = ? AND b.component_rowid = c.rowid ${where.toString()} ORDER BY c.rowid LIMIT ?`;
    return (prepare(sql).all(baseline, ...where.params, limit) as ComponentStateRow[]).map(toComponent);
  }

  function activityStates(baseline: number, scope: PresetScope | undefined, extra: [string, unknown[]], limit: number): Compared<ActivityNow, ActivityRecord>[] {
    const ends = endsInScope(scope);
    const conditions = [extra[0], ends.where].filter((c) => c !== '');
    const sql = `${ends.with} SELECT a.rowid, lc.id AS left_id, rc.id AS right_id, a.first_activity, a.last_activity, ${ACTIVITY_TAGS} AS tags_json,
      ${ACCESSES} AS variables_json, b.tags_json AS b_tags, b.variables_json AS b_vars
      FROM activity a JOIN component lc ON lc.rowid = a.left_component JOIN component rc ON rc.rowid = a.right_component
      LEFT JOIN baseline_activity b ON b.baseline_rowid = ? AND b.left_component = a.left_component AND b.right_component = a.right_component
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY a.rowid LIMIT ?`;
    return (prepare(sql).all(...ends.params, baseline, ...extra[1], limit) as ActivityStateRow[]).map(toActivity);
  }

  return {
    all: (): Baseline[] => (all.all() as BaselineRow[]).map(toBaseline),
    get(id: string): Baseline | undefined {
      const r = byId.get(id) as BaselineRow | undefined;
      return r ? toBaseline(r) : undefined;
    },
    ofPreset: (presetId: string): Baseline[] => (ofPreset.all(presetId) as BaselineRow[]).map(toBaseline),
    /** The id of the baseline with this label (without case). */
    labelled: (label: string): string | undefined => labelled.get(label) as string | undefined,
    rowid: (id: string): number | undefined => rowidOf.get(id) as number | undefined,

    /** Stores the baseline and records its preset's scope: the components and activities active in its period. */
    insert(b: Baseline, scope: PresetScope): void {
      insert.run(b);
      const rowid = rowidOf.get(b.id) as number;
      const where = presetScopeWhere(scope);
      where.add('c.creation_time <= ?', b.periodEnd).add('c.last_active_time >= ?', b.periodStart);
      prepare(`INSERT INTO baseline_component (baseline_rowid, component_rowid, tags_json, props_json) SELECT ?, c.rowid, c.tags_json, c.props_json FROM component c ${where.toString()}`).run(
        rowid,
        ...where.params,
      );
      const ends = endsInScope(scope);
      prepare(
        `${ends.with} INSERT INTO baseline_activity (baseline_rowid, left_component, right_component, tags_json, variables_json)
         SELECT ?, a.left_component, a.right_component, ${ACTIVITY_TAGS},
           (SELECT json_group_array(json_extract(x.value, '$[0]') || '/' || json_extract(x.value, '$[1]') || '/' || json_extract(x.value, '$[2]')) FROM json_each(${ACCESSES}) x)
         FROM activity a WHERE a.first_activity <= ? AND a.last_activity >= ? ${ends.where ? `AND ${ends.where}` : ''}`,
      ).run(...ends.params, rowid, b.periodEnd, b.periodStart);
    },
    update(b: Pick<Baseline, 'id' | 'label' | 'description' | 'lastEditTime'>): void {
      update.run(b);
    },
    delete(id: string): boolean {
      return remove.run(id).changes > 0;
    },

    /**
     * The rowids of the components and activities the scope keeps, in order: read once, so that
     * comparing them a chunk at a time (`componentsByRowids`, `activitiesByRowids`) does not
     * evaluate the scope again for each chunk.
     */
    scopeTargets(scope: PresetScope): { components: number[]; activities: number[] } {
      const where = presetScopeWhere(scope);
      const ends = endsInScope(scope);
      return {
        components: prepare(`SELECT c.rowid FROM component c ${where.toString()} ORDER BY c.rowid`).pluck().all(...where.params) as number[],
        activities: prepare(`${ends.with} SELECT a.rowid FROM activity a ${ends.where ? `WHERE ${ends.where}` : ''} ORDER BY a.rowid`).pluck().all(...ends.params) as number[],
      };
    },
    componentsByRowids: (baseline: number, rowids: readonly number[]) =>
      componentStates(baseline, undefined, ['c.rowid IN (SELECT value FROM json_each(?))', [JSON.stringify(rowids)]], rowids.length),
    activitiesByRowids: (baseline: number, rowids: readonly number[]) =>
      activityStates(baseline, undefined, ['a.rowid IN (SELECT value FROM json_each(?))', [JSON.stringify(rowids)]], rowids.length),
    /** These components (by id); only if the scope keeps them, when one is given. */
    componentsIn: (baseline: number, scope: PresetScope | undefined, ids: readonly string[]) =>
      componentStates(baseline, scope, ['c.id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]], ids.length),
    /** These activities (by id, "<left id>_<right id>"); only if the scope keeps them, when one is given. */
    activitiesIn: (baseline: number, scope: PresetScope | undefined, ids: readonly string[]) =>
      activityStates(baseline, scope, [PAIRS_IN, [JSON.stringify(ids.map((id) => activityEnds(id) ?? ['', '']))]], ids.length),
    /** The rowids of the components the scope keeps; undefined for a scope that keeps everything. */
    scopeRowids(scope: PresetScope): number[] | undefined {
      if (scope.all) return undefined;
      const where = presetScopeWhere(scope);
      return prepare(`SELECT c.rowid FROM component c ${where.toString()}`).pluck().all(...where.params) as number[];
    },

    componentRowid: (id: string): number | undefined => componentRowid.get(id) as number | undefined,
    /** The ids of the activities with an end among these components (the smaller id on the left, as activities are kept). */
    activitiesOf: (componentIds: readonly string[]): string[] => activitiesOfComponents.all({ ids: JSON.stringify(componentIds) }) as string[],
    variableExists: (id: string): boolean => variableById.get(id) !== undefined,
    /** The accesses to these variables, by their key (src/domain/baseline.ts `accessKey`). */
    accesses(variableIds: readonly string[]): Map<string, VariableAccessRow> {
      const rows = accessesOf.all(JSON.stringify([...new Set(variableIds)])) as VariableAccessRow[];
      return new Map(rows.map((r) => [accessKey(r), r]));
    },
    /** An activity's rowid by its id, "<left component id>_<right component id>". */
    activityRowid(id: string): number | undefined {
      const ends = activityEnds(id);
      return ends ? (activityByEnds.get(ends[0], ends[1]) as number | undefined) : undefined;
    },
    componentRecorded: (baseline: number, component: number): boolean => componentRecorded.get(baseline, component) !== undefined,
    activityRecorded: (baseline: number, activity: number): boolean => activityRecorded.get(baseline, activity) !== undefined,

    reviews(baseline: number): Map<string, Review> {
      const rows = reviewsOf.all(baseline) as { difference_id: string; value: string; status: ReviewStatus }[];
      return new Map(rows.map((r) => [r.difference_id, { status: r.status, value: r.value }]));
    },
    putReview(baseline: number, r: { id: string; value: string; status: ReviewStatus; comment: string; time: Micros }): void {
      putReview.run({ baseline, ...r });
    },
    dropReview(baseline: number, differenceId: string): void {
      dropReview.run(baseline, differenceId);
    },
    /** Records a component as given, or forgets it (undefined). */
    putComponent(baseline: number, component: number, record: ComponentRecord | undefined): void {
      if (!record) {
        dropComponent.run(baseline, component);
        return;
      }
      const tags = Object.fromEntries(record.tags.map((t) => [t, 'info']));
      putComponent.run({ baseline, component, tags: JSON.stringify(tags), props: JSON.stringify(record.props) });
    },
    putActivity(baseline: number, activity: number, record: ActivityRecord | undefined): void {
      if (!record) {
        dropActivity.run(baseline, activity);
        return;
      }
      putActivity.run({ baseline, activity, tags: JSON.stringify(record.tags), variables: JSON.stringify(record.variables) });
    },
  };
}

export type BaselineRepo = ReturnType<typeof createBaselineRepo>;
