/**
 * A component's custom icon (guide 6.3.7, 6.3.8) and the removal of incorrect information
 * (6.3.14: tags, variables or vulnerabilities, of the components named or of all). Each write is
 * one transaction that throws an ApiError and changes nothing when it fails. The custom name is
 * the label operations' (src/operations/labels.ts), group membership the groups'.
 */
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';

/** Sets (or, with null, removes) a component's custom icon: a key of GET /icon (400 otherwise); 404 for an unknown component. */
export function setComponentIcon(store: Store, id: string, icon: string | null): void {
  store.transaction(() => {
    const rowid = store.components.rowid(id);
    if (rowid === undefined) throw errors.notFound('Component', id);
    if (icon !== null && !store.icons.get(icon)) throw errors.badRequest(`Unknown icon key: "${icon}" (see GET /api/1.0/icon)`);
    store.components.setCustom(rowid, 'icon', icon);
  });
}

/** What guide 6.3.14 removes. */
export type ComponentData = 'tags' | 'variables' | 'vulns';

function clear(store: Store, what: ComponentData, rowids?: number[]): void {
  if (what === 'tags') store.components.clearTags(rowids);
  else if (what === 'variables') store.variables.clear(rowids);
  else store.components.clearVulnerabilities(rowids);
}

/**
 * Removes the tags, variables or vulnerabilities of the components whose ids are given (any
 * case, repeats allowed), or of every component when none are: a 404 naming every unknown id,
 * and nothing removed.
 */
export function clearComponentData(store: Store, what: ComponentData, ids?: readonly string[]): void {
  store.transaction(() => {
    if (!ids) return clear(store, what);
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    const rowids = unique.map((id) => store.components.rowid(id));
    const unknown = unique.filter((_, i) => rowids[i] === undefined);
    if (unknown.length > 0) throw errors.unknownComponents(unknown, 404);
    clear(store, what, rowids as number[]);
  });
}
