/**
 * Presets (API 3.0): their categories, their filters as GET /presets prints them, and the state
 * of the data the Center computed for each (`dataInfo`).
 */
import { type Badge, type Category, type Preset, type PresetDataInfo, type PresetFilters, type PresetStarType, type TriState } from '../domain/preset.js';
import { DEFAULT_PRESET_SETTINGS, type PresetSettings, PresetSettingsSchema } from '../domain/preset-settings.js';
import type { Db } from './db.js';
import { bool } from './sql.js';

interface PresetRow {
  id: string;
  label: string;
  description: string;
  category_id: string;
  category_label: string;
  category_priority: number;
  custom: number;
  imported: number;
  creator_email: string;
  last_update: number;
  priority_order: number;
  badges_json: string;
  filters_json: string;
  search: string;
  component_tagless: TriState;
  activity_tagless: TriState;
  groupless: TriState;
  has_external_communications: TriState;
  operational_starred: number;
  security_starred: number;
}

interface DataInfoRow {
  data_available: number;
  last_refresh: number;
  last_refresh_duration_ms: number;
  refresh_in_progress: number;
  force_refresh_requested: number;
}

const SELECT = `SELECT p.*, k.label AS category_label, k.priority_order AS category_priority
  FROM preset p JOIN preset_category k ON k.id = p.category_id`;

const toPreset = (r: PresetRow): Preset => ({
  id: r.id,
  label: r.label,
  description: r.description,
  category: { id: r.category_id, label: r.category_label, priorityOrder: r.category_priority },
  custom: bool(r.custom),
  imported: bool(r.imported),
  creatorEmail: r.creator_email,
  lastUpdate: r.last_update,
  priorityOrder: r.priority_order,
  badges: JSON.parse(r.badges_json) as Badge[],
  filters: JSON.parse(r.filters_json) as PresetFilters,
  search: r.search,
  componentTagless: r.component_tagless,
  activityTagless: r.activity_tagless,
  groupless: r.groupless,
  hasExternalCommunications: r.has_external_communications,
  operationalStarred: bool(r.operational_starred),
  securityStarred: bool(r.security_starred),
});

/** A preset nobody refreshed yet: no data. */
export const NO_DATA: PresetDataInfo = { presetDataAvailable: false, lastRefresh: 0, lastRefreshDuration: 0, refreshInProgress: false, forceRefreshRequested: false };

export function createPresetRepo(db: Db) {
  // Categories by their order, then presets by theirs, then as they were created.
  const all = db.prepare(`${SELECT} ORDER BY k.priority_order, k.label, p.priority_order, p.rowid`);
  const byId = db.prepare(`${SELECT} WHERE p.id = ?`);
  const upsertCategory = db.prepare(
    'INSERT INTO preset_category (id, label, priority_order) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET label = excluded.label, priority_order = excluded.priority_order',
  );
  const categories = db.prepare('SELECT id, label, priority_order AS priorityOrder FROM preset_category ORDER BY priority_order, label');
  const insertStmt = db.prepare(
    `INSERT INTO preset (id, label, description, category_id, custom, imported, creator_email, last_update, priority_order, badges_json,
       filters_json, search, component_tagless, activity_tagless, groupless, has_external_communications, operational_starred, security_starred)
     VALUES (@id, @label, @description, @categoryId, @custom, @imported, @creatorEmail, @lastUpdate, @priorityOrder, @badges,
       @filters, @search, @componentTagless, @activityTagless, @groupless, @hasExternalCommunications, @operationalStarred, @securityStarred)`,
  );
  const deleteStmt = db.prepare('DELETE FROM preset WHERE id = ?');
  const updateStmt = db.prepare(
    `UPDATE preset SET label = @label, description = @description, category_id = @categoryId, last_update = @lastUpdate, priority_order = @priorityOrder,
       filters_json = @filters, search = @search, component_tagless = @componentTagless, activity_tagless = @activityTagless, groupless = @groupless,
       has_external_communications = @hasExternalCommunications
     WHERE id = @id`,
  );
  const byLabel = db.prepare('SELECT id FROM preset WHERE lower(label) = lower(?)');
  const categoryByLabel = db.prepare('SELECT id, label, priority_order AS priorityOrder FROM preset_category WHERE label = ?');
  const lastInCategory = db.prepare('SELECT coalesce(max(priority_order), 0) AS n FROM preset WHERE category_id = ?');
  const dataInfoStmt = db.prepare(
    'SELECT data_available, last_refresh, last_refresh_duration_ms, refresh_in_progress, force_refresh_requested FROM preset WHERE id = ?',
  );
  const setDataInfoStmt = db.prepare(
    `UPDATE preset SET data_available = ?, last_refresh = ?, last_refresh_duration_ms = ?, refresh_in_progress = ?, force_refresh_requested = ?
     WHERE id = ?`,
  );

  const starStmts = {
    operational: db.prepare('UPDATE preset SET operational_starred = ? WHERE id = ?'),
    security: db.prepare('UPDATE preset SET security_starred = ? WHERE id = ?'),
  } satisfies Record<PresetStarType, unknown>;
  const setFiltersStmt = db.prepare('UPDATE preset SET filters_json = ? WHERE id = ?');
  const settingsStmt = db.prepare(
    'SELECT p.rowid AS presetRowid, s.settings_json AS json, s.last_edit_update AS lastEditUpdate FROM preset p LEFT JOIN preset_settings s ON s.preset_rowid = p.rowid WHERE p.id = ?',
  );
  const upsertSettingsStmt = db.prepare(
    `INSERT INTO preset_settings (preset_rowid, settings_json, last_edit_update) VALUES (?, ?, ?)
     ON CONFLICT (preset_rowid) DO UPDATE SET settings_json = excluded.settings_json, last_edit_update = excluded.last_edit_update`,
  );

  return {
    list(): Preset[] {
      return (all.all() as PresetRow[]).map(toPreset);
    },

    get(id: string): Preset | undefined {
      const row = byId.get(id) as PresetRow | undefined;
      return row ? toPreset(row) : undefined;
    },

    categories(): Category[] {
      return categories.all() as Category[];
    },

    /** Adds a preset, and its category when it is new; its data state is `NO_DATA` unless given. */
    insert(p: Preset, dataInfo: PresetDataInfo = NO_DATA): void {
      upsertCategory.run(p.category.id, p.category.label, p.category.priorityOrder);
      insertStmt.run({
        ...p,
        categoryId: p.category.id,
        custom: p.custom ? 1 : 0,
        imported: p.imported ? 1 : 0,
        badges: JSON.stringify(p.badges),
        filters: JSON.stringify(p.filters),
        operationalStarred: p.operationalStarred ? 1 : 0,
        securityStarred: p.securityStarred ? 1 : 0,
      });
      this.setDataInfo(p.id, dataInfo);
    },

    /** The category with this label, if any. */
    category(label: string): Category | undefined {
      return categoryByLabel.get(label) as Category | undefined;
    },

    /** The highest priority_order of the presets in a category (0 when it has none). */
    lastPriorityIn(categoryId: string): number {
      return (lastInCategory.get(categoryId) as { n: number }).n;
    },

    /** The ids of the presets with this label, compared without case. */
    withLabel(label: string): string[] {
      return (byLabel.all(label) as { id: string }[]).map((r) => r.id);
    },

    /**
     * Writes what a user may change of a preset (label, description, category, filters, search,
     * the tri-state flags, lastUpdate, priority order); its category is added when it is new.
     * false for an unknown preset.
     */
    update(p: Preset): boolean {
      upsertCategory.run(p.category.id, p.category.label, p.category.priorityOrder);
      return updateStmt.run({ ...p, categoryId: p.category.id, filters: JSON.stringify(p.filters) }).changes > 0;
    },

    /** false when there was no such preset. */
    delete(id: string): boolean {
      return deleteStmt.run(id).changes > 0;
    },

    /** Puts a star of this type on the preset, or takes it off; false for an unknown preset. */
    setStarred(id: string, type: PresetStarType, starred: boolean): boolean {
      return starStmts[type].run(starred ? 1 : 0, id).changes > 0;
    },

    /** Replaces a preset's filters, nothing else (not even lastUpdate); false for an unknown preset. */
    setFilters(id: string, filters: PresetFilters): boolean {
      return setFiltersStmt.run(JSON.stringify(filters), id).changes > 0;
    },

    /** A preset's settings, the defaults (src/domain/preset-settings.ts) when never written; undefined for an unknown preset. */
    settings(id: string): PresetSettings | undefined {
      const r = settingsStmt.get(id) as { presetRowid: number; json: string | null; lastEditUpdate: number | null } | undefined;
      if (!r) return undefined;
      if (r.json === null) return DEFAULT_PRESET_SETTINGS;
      return PresetSettingsSchema.parse({ ...DEFAULT_PRESET_SETTINGS, ...(JSON.parse(r.json) as object), lastEditUpdate: r.lastEditUpdate });
    },

    /** Writes a preset's settings whole; false for an unknown preset. */
    setSettings(id: string, settings: PresetSettings): boolean {
      const r = settingsStmt.get(id) as { presetRowid: number } | undefined;
      if (!r) return false;
      const { lastEditUpdate, ...rest } = settings;
      upsertSettingsStmt.run(r.presetRowid, JSON.stringify(rest), lastEditUpdate);
      return true;
    },

    dataInfo(id: string): PresetDataInfo | undefined {
      const r = dataInfoStmt.get(id) as DataInfoRow | undefined;
      if (!r) return undefined;
      return {
        presetDataAvailable: bool(r.data_available),
        lastRefresh: r.last_refresh,
        lastRefreshDuration: r.last_refresh_duration_ms,
        refreshInProgress: bool(r.refresh_in_progress),
        forceRefreshRequested: bool(r.force_refresh_requested),
      };
    },

    /** Records the data state (a refresh asked, done); false for an unknown preset. */
    setDataInfo(id: string, d: PresetDataInfo): boolean {
      const flag = (b: boolean) => (b ? 1 : 0);
      return (
        setDataInfoStmt.run(flag(d.presetDataAvailable), d.lastRefresh, d.lastRefreshDuration, flag(d.refreshInProgress), flag(d.forceRefreshRequested), id)
          .changes > 0
      );
    },
  };
}

export type PresetRepo = ReturnType<typeof createPresetRepo>;
