/**
 * A preset's scope (src/domain/preset-scope.ts) applied to components. The conditions the store
 * holds the facts for are SQL on `component c` (`componentScopeWhere`, for the visualisations to
 * build on); risk scores and external communications are facts of other repositories, passed in.
 * `ofPreset` is what every preset visualisation asks: the components a preset keeps, with the
 * Center's own facts.
 */
import type { Preset } from '../domain/preset.js';
import { type PresetScope, type Range, type ScopeContext, type Selection, needsFacts, passesRanges, presetScope } from '../domain/preset-scope.js';
import type { Db } from './db.js';
import { Where, placeholders, statementCache } from './sql.js';
import type { Version } from './version.js';

/** Facts about a component the store does not hold. */
export interface ComponentFacts {
  riskScore?(componentId: string): number | null;
  hasExternalCommunications?(componentId: string): boolean;
}

/** The rowids of the groups listed and of all their subgroups. */
function groupsWithin(ids: readonly string[]): string {
  return `WITH RECURSIVE within(r) AS (SELECT rowid FROM grp WHERE id IN (${placeholders(ids.length)})
    UNION SELECT g.rowid FROM grp g JOIN within ON g.parent_rowid = within.r) SELECT r FROM within`;
}

/**
 * The rowids of the components at either end of the flows a condition on `f` selects, for the
 * right side of an IN (which needs no distinct rows): each flow read once, its two ends taken
 * from it (CROSS JOIN keeps the flows outside). As a UNION of the two ends, SQLite 3.53 merged
 * the halves in component order, reading `flow` through its component indexes, a random lookup
 * per flow ("Seen by CAT9300-CORE" on `large`: 820 000 flows, 5.5 s); as a UNION ALL it read the
 * flows twice (0.9 s → 0.7 s; "Control systems"' ten activity tags, 1.6 s → 0.9 s).
 */
function flowEnds(from: string, condition: string): string {
  return `SELECT iif(e.dst, f.dst_component, f.src_component) FROM ${from} CROSS JOIN (SELECT 0 AS dst UNION ALL SELECT 1) e WHERE ${condition}`;
}

function componentTags(keys: readonly string[]): string {
  return `EXISTS (SELECT 1 FROM component_tag t WHERE t.component_rowid = c.rowid AND t.tag IN (${placeholders(keys.length)}))`;
}

function activityTags(keys: readonly string[]): string {
  return `c.rowid IN (${flowEnds('flow_tag ft JOIN flow f ON f.rowid = ft.flow_rowid', `ft.tag IN (${placeholders(keys.length)})`)})`;
}

function sensors(ids: readonly string[]): string {
  return `c.rowid IN (${flowEnds('flow f', `f.sensor_id IN (${placeholders(ids.length)})`)})`;
}

function inAnyNetwork(ranges: readonly Range[]): [string, unknown[]] {
  return [`(${ranges.map(() => 'c.ip_num BETWEEN ? AND ?').join(' OR ')})`, ranges.flatMap((r) => [r.first, r.last])];
}

/** LIKE's own characters, escaped: a search is a plain substring. */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Adds the include/exclude conditions of one dimension. */
function addSelection<T>(where: Where, s: Selection<T>, condition: (items: readonly T[]) => [string, unknown[]], nullable?: string): void {
  if (s.include.length > 0) {
    const [sql, params] = condition(s.include);
    where.add(sql, ...params);
  }
  if (s.exclude.length > 0) {
    const [sql, params] = condition(s.exclude);
    where.add(nullable ? `(${nullable} IS NULL OR NOT ${sql})` : `NOT ${sql}`, ...params);
  }
}

/**
 * A scope with what `componentScopeWhere` keeps already decided (`ScopeRepo.pin`): `components`,
 * the JSON array of their rowids. A dashboard's statements each read the scope (its nodes, its
 * activities, its tags' two parts); each deciding it again read a sensor's or an activity tag's
 * flows again (0.5 to 2 s each on `large`).
 */
export interface PinnedScope extends PresetScope {
  readonly pinned: { readonly components: string };
}

const isPinned = (scope: PresetScope | PinnedScope): scope is PinnedScope => 'pinned' in scope;

/** The scope's conditions on `component c` that SQL can decide (all but risk scores and external communications). */
export function componentScopeWhere(scope: PresetScope | PinnedScope): Where {
  const where = new Where();
  if (isPinned(scope)) return where.add('c.rowid IN (SELECT value FROM json_each(?))', scope.pinned.components);
  if (!scope.thisCenter) return where.add('0');
  // Tags: included component tags or included activity tags; excluded ones of either kind.
  const tagConditions = (component: readonly string[], activity: readonly string[]): [string, unknown[]] | undefined => {
    const parts: [string, unknown[]][] = [];
    if (component.length > 0) parts.push([componentTags(component), [...component]]);
    if (activity.length > 0) parts.push([activityTags(activity), [...activity]]);
    return parts.length === 0 ? undefined : [`(${parts.map(([sql]) => sql).join(' OR ')})`, parts.flatMap(([, p]) => p)];
  };
  const included = tagConditions(scope.componentTags.include, scope.activityTags.include);
  if (included) where.add(included[0], ...included[1]);
  const excluded = tagConditions(scope.componentTags.exclude, scope.activityTags.exclude);
  if (excluded) where.add(`NOT ${excluded[0]}`, ...excluded[1]);

  addSelection(where, scope.groups, (ids) => [`c.group_rowid IN (${groupsWithin(ids)})`, [...ids]], 'c.group_rowid');
  addSelection(where, scope.sensors, (ids) => [sensors(ids), [...ids]]);
  addSelection(where, scope.networks, inAnyNetwork, 'c.ip_num');

  if (scope.search !== '') {
    const text = likeText(scope.search);
    const columns = ['c.custom_name', 'c.name', 'c.ip', 'c.mac', 'c.vendor_name'];
    where.add(`(${columns.map((col) => `${col} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...columns.map(() => text));
  }
  if (scope.componentTagless !== null) where.add(`${scope.componentTagless ? 'NOT ' : ''}EXISTS (SELECT 1 FROM component_tag t WHERE t.component_rowid = c.rowid)`);
  if (scope.groupless !== null) where.add(`c.group_rowid IS ${scope.groupless ? '' : 'NOT '}NULL`);
  return where;
}

/** What a preset's scope reads of it. */
export type ScopedPreset = Pick<Preset, 'id' | 'filters' | 'search' | 'componentTagless' | 'activityTagless' | 'groupless' | 'hasExternalCommunications'>;

/** How many presets' components are kept for the store's current version. */
const CACHED_PRESETS = 64;

export function createScopeRepo(db: Db, version: Version) {
  const prepare = statementCache(db, 50);
  const centerIdStmt = db.prepare("SELECT value FROM setting WHERE key = 'center.id'").pluck();
  const componentTagsStmt = db.prepare("SELECT key FROM tag WHERE type = 'component'").pluck();
  // A component's risk score is its device's (the device's stored score; src/domain/risk-score.ts).
  const riskStmt = db.prepare('SELECT c.id, d.risk_score FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE d.risk_score IS NOT NULL').raw();
  // Either end of an external communication has one, as GET /components/{id}/externalCommunications lists them.
  const externalStmt = db
    .prepare('SELECT id FROM component WHERE rowid IN (SELECT internal_component FROM external_communication UNION SELECT external_component FROM external_communication)')
    .pluck();
  const cache = new Map<string, readonly string[]>();
  const pins = new Map<string, string>();
  let cachedAt = '';

  /** Empties the caches when the store has changed since they were filled. */
  function current(): void {
    const v = version();
    if (v === cachedAt) return;
    cache.clear();
    pins.clear();
    cachedAt = v;
  }

  /** The Center's facts a preset's scope reads: its id, which tags are component tags. */
  function context(): ScopeContext {
    const componentTags = new Set(componentTagsStmt.all() as string[]);
    return { centerId: (centerIdStmt.get() as string | undefined) ?? null, isComponentTag: (key) => componentTags.has(key) };
  }

  /** The facts of other repositories a scope may need, read only when it needs them. */
  function factsFor(scope: PresetScope): ComponentFacts {
    const need = needsFacts(scope);
    const facts: ComponentFacts = {};
    if (need.riskScore) {
      const risk = new Map(riskStmt.all() as [string, number][]);
      facts.riskScore = (id) => risk.get(id) ?? null;
    }
    if (need.externalCommunications) {
      const external = new Set(externalStmt.all() as string[]);
      facts.hasExternalCommunications = (id) => external.has(id);
    }
    return facts;
  }

  return {
    /**
     * The ids of the components a preset keeps, oldest first: what every preset visualisation
     * is restricted to (a device is in a preset's scope when one of its components is). Read once
     * per preset and store version.
     */
    ofPreset(preset: ScopedPreset): readonly string[] {
      current();
      const key = JSON.stringify([preset.id, preset.filters, preset.search, preset.componentTagless, preset.activityTagless, preset.groupless, preset.hasExternalCommunications]);
      let ids = cache.get(key);
      if (!ids) {
        const scope = presetScope(preset, context());
        ids = this.componentIds(scope, factsFor(scope));
        if (cache.size >= CACHED_PRESETS) cache.delete(cache.keys().next().value as string);
        cache.set(key, ids);
      }
      return ids;
    },

    /**
     * The scope with the components `componentScopeWhere` keeps decided once, per store version
     * (see `PinnedScope`); "All data" (no condition) as it is.
     */
    pin(scope: PresetScope): PresetScope {
      if (scope.all || isPinned(scope)) return scope;
      current();
      const key = JSON.stringify(scope);
      let components = pins.get(key);
      if (components === undefined) {
        const where = componentScopeWhere(scope);
        components = prepare(`SELECT json_group_array(c.rowid) FROM component c ${where.toString()}`).pluck().get(...where.params) as string;
        if (pins.size >= CACHED_PRESETS) pins.delete(pins.keys().next().value as string);
        pins.set(key, components);
      }
      const pinned: PinnedScope = { ...scope, pinned: { components } };
      return pinned;
    },

    /**
     * The ids of the components a scope keeps, oldest first. Risk score ranges and the external
     * communications filter need their facts; without them, applying such a scope is an error.
     */
    componentIds(scope: PresetScope, facts: ComponentFacts = {}): string[] {
      const need = needsFacts(scope);
      const risk = facts.riskScore;
      const external = facts.hasExternalCommunications;
      if (need.riskScore && !risk) throw new Error('this scope filters on risk scores: give facts.riskScore');
      if (need.externalCommunications && !external) throw new Error('this scope filters on external communications: give facts.hasExternalCommunications');
      const where = componentScopeWhere(this.pin(scope));
      let ids = prepare(`SELECT c.id FROM component c ${where.toString()} ORDER BY c.rowid`).pluck().all(...where.params) as string[];
      if (need.riskScore && risk) ids = ids.filter((id) => passesRanges(risk(id), scope.riskScores));
      if (scope.hasExternalCommunications !== null && external) ids = ids.filter((id) => external(id) === scope.hasExternalCommunications);
      return ids;
    },
  };
}

export type ScopeRepo = ReturnType<typeof createScopeRepo>;
