/** The tag catalogue (guide 6.8.1) and the icons (6.3.5, 6.3.6). */
import type { Icon, Tag } from '../domain/types.js';
import type { TagType } from '../domain/vocabulary.js';
import type { Db } from './db.js';
import { bool } from './sql.js';
import { type Version, perVersion } from './version.js';

interface TagRow {
  key: string;
  label: string;
  description: string;
  category: string;
  type: TagType;
  it: number;
  ot: number;
  origin: 'kdb' | 'api';
}

function toTag(r: TagRow): Tag {
  return {
    key: r.key,
    label: r.label,
    description: r.description,
    category: r.category,
    type: r.type,
    it: bool(r.it),
    ot: bool(r.ot),
    origin: r.origin,
  };
}

/** SQLite's NOCASE: ASCII letters only. */
const foldCase = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

export function createTagRepo(db: Db, version: Version) {
  const all = db.prepare('SELECT * FROM tag ORDER BY key');
  const byKey = db.prepare('SELECT * FROM tag WHERE key = ?');
  const labels = db.prepare('SELECT key, label FROM tag');
  const insertStmt = db.prepare(
    `INSERT INTO tag (key, label, description, category, type, it, ot, origin)
     VALUES (@key, @label, @description, @category, @type, @it, @ot, @origin)
     ON CONFLICT (key) DO NOTHING`,
  );
  const updateStmt = db.prepare(
    'UPDATE tag SET label = @label, description = @description, type = @type, it = @it, ot = @ot WHERE key = @key',
  );
  // A deleted tag leaves the flows, components and activities that carried it (their JSON and child rows).
  const untag = [
    db.prepare(`UPDATE flow SET tags_json = json_remove(tags_json, '$.' || json_quote(@key))
                WHERE rowid IN (SELECT flow_rowid FROM flow_tag WHERE tag = @key)`),
    db.prepare('DELETE FROM flow_tag WHERE tag = @key'),
    db.prepare(`UPDATE component SET tags_json = json_remove(tags_json, '$.' || json_quote(@key))
                WHERE rowid IN (SELECT component_rowid FROM component_tag WHERE tag = @key)`),
    db.prepare('DELETE FROM component_tag WHERE tag = @key'),
    db.prepare('DELETE FROM activity_tag WHERE tag = @key'),
    db.prepare('DELETE FROM tag WHERE key = @key'),
  ];
  // The label map is read on every serialized flow and component: read again only after a
  // write, by anyone (this repository, a world reset or restore, the command line).
  const labelMap = perVersion(version, () => new Map((labels.all() as { key: string; label: string }[]).map((r) => [r.key, r.label])));
  // Every tag filter names its tags by key or label: both are indexed in memory, read again after a write.
  const named = perVersion(version, () => {
    const keys = new Map<string, string[]>();
    const add = (name: string, key: string) => {
      const list = keys.get(name);
      if (!list) keys.set(name, [key]);
      else if (!list.includes(key)) list.push(key);
    };
    for (const r of labels.all() as { key: string; label: string }[]) {
      add(`key:${r.key}`, r.key);
      add(`label:${foldCase(r.label)}`, r.key);
    }
    return keys;
  });

  return {
    list(): Tag[] {
      return (all.all() as TagRow[]).map(toTag);
    },
    get(key: string): Tag | undefined {
      const r = byKey.get(key) as TagRow | undefined;
      return r ? toTag(r) : undefined;
    },
    /** The keys a `tag=` filter value names: the key itself or a label (guide 6.4.1 filters by "Stop CPU"). */
    resolve(keyOrLabel: string): string[] {
      const names = named();
      const byKey = names.get(`key:${keyOrLabel}`) ?? [];
      const byLabel = names.get(`label:${foldCase(keyOrLabel)}`) ?? [];
      return [...new Set([...byKey, ...byLabel])];
    },
    labels(): ReadonlyMap<string, string> {
      return labelMap();
    },
    insert(t: Tag): void {
      insertStmt.run({ ...t, it: t.it ? 1 : 0, ot: t.ot ? 1 : 0 });
    },
    /** Writes a tag's label, description, type and domains (its key and origin stay). */
    update(t: Tag): void {
      updateStmt.run({ ...t, it: t.it ? 1 : 0, ot: t.ot ? 1 : 0 });
    },
    /** Deletes a tag and takes it off every flow, component and activity. */
    delete(key: string): void {
      for (const stmt of untag) stmt.run({ key });
    },
  };
}

export function createIconRepo(db: Db) {
  const all = db.prepare('SELECT key, description FROM icon ORDER BY key');
  const byKey = db.prepare('SELECT key, description, content_type, image FROM icon WHERE key = ?');
  const insertStmt = db.prepare(
    'INSERT INTO icon (key, description, content_type, image) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
  );
  return {
    list(): { key: string; description: string }[] {
      return all.all() as { key: string; description: string }[];
    },
    get(key: string): Icon | undefined {
      const r = byKey.get(key) as { key: string; description: string; content_type: string; image: Buffer } | undefined;
      return r ? { key: r.key, description: r.description, contentType: r.content_type, image: r.image } : undefined;
    },
    insert(i: Icon): void {
      insertStmt.run(i.key, i.description, i.contentType, i.image);
    },
  };
}

export type TagRepo = ReturnType<typeof createTagRepo>;
export type IconRepo = ReturnType<typeof createIconRepo>;
