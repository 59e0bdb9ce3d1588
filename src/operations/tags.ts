/**
 * Tags written (guide 6.8.1.3-5): only tags added through the API ("My tag") can be changed or
 * deleted, Knowledge DB tags are read-only. Each write is one transaction that throws an
 * ApiError and changes nothing when it fails.
 */
import type { Tag } from '../domain/types.js';
import { tagsNamedBy } from '../engine/parse-rule.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';

/** guide 6.8.1.3: "Tags created via the API are grouped in the "My tag" category". */
export const API_TAG_CATEGORY = 'My tag';

/** What a client may change of a tag: absent fields stay. */
export type TagChanges = Partial<Pick<Tag, 'label' | 'description' | 'type' | 'it' | 'ot'>>;

/** An API-created tag, or 404 / 400 (Knowledge DB tags are read-only, guide 6.8.1.5). */
function ownTag(store: Store, key: string, verb: 'changed' | 'deleted'): Tag {
  const tag = store.tags.get(key);
  if (!tag) throw errors.notFound('Tag', key);
  if (tag.origin === 'kdb') throw errors.knowledgeDbTag(key, verb);
  return tag;
}

/** Adds a tag in "My tag"; 409 when the key exists. */
export function createTag(store: Store, fields: Pick<Tag, 'key' | 'label' | 'description' | 'type' | 'it' | 'ot'>): Tag {
  const tag: Tag = { ...fields, category: API_TAG_CATEGORY, origin: 'api' };
  store.transaction(() => {
    if (store.tags.get(tag.key)) throw errors.tagTaken(tag.key);
    store.tags.insert(tag);
  });
  return tag;
}

/** Changes an API tag; a body key other than the path's is a 400 (the key cannot change). */
export function updateTag(store: Store, key: string, bodyKey: string | undefined, changes: TagChanges): Tag {
  return store.transaction(() => {
    const current = ownTag(store, key, 'changed');
    if (bodyKey !== undefined && bodyKey !== current.key) throw errors.idMismatch(bodyKey, current.key, 'tag');
    const next: Tag = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    store.tags.update(next);
    return next;
  });
}

/** Deletes an API tag, not while a rule names it (400 naming the rules); flows and components lose it. */
export function deleteTag(store: Store, key: string): void {
  store.transaction(() => {
    const tag = ownTag(store, key, 'deleted');
    const rules = [...store.propertyRules.list(), ...store.portRules.list()].filter((r) => tagsNamedBy(r.actions).includes(tag.key));
    if (rules.length > 0) throw errors.tagInUse(tag.key, rules.map((r) => r.id));
    store.tags.delete(tag.key);
  });
}
