/** How ingest merges what an observation or an analyzer says into a component or a flow. */
import type { PropertyChanges } from '../engine/effects.js';
import type { Properties, TagSet } from '../domain/types.js';
import type { TagClass } from '../domain/vocabulary.js';

/** Merges `add` into `into`; returns the entries that changed. 'important' is never downgraded. */
export function mergeTags(into: TagSet, add: TagSet | undefined): TagSet {
  const changed: TagSet = {};
  for (const [tag, cls] of Object.entries(add ?? {})) {
    const current = into[tag];
    const next: TagClass = current === 'important' ? 'important' : cls;
    if (current !== next) changed[tag] = into[tag] = next;
  }
  return changed;
}

/** Merges `add` into `into` (null removes a property); returns the entries that changed. */
export function mergeProps(into: Properties, add: PropertyChanges | undefined): PropertyChanges {
  const changed: PropertyChanges = {};
  for (const [name, value] of Object.entries(add ?? {})) {
    if (value === null) {
      if (name in into) {
        delete into[name];
        changed[name] = null;
      }
    } else if (into[name] !== value) changed[name] = into[name] = value;
  }
  return changed;
}

/** Whether `add` would change anything in `into` (most observations repeat what is known). */
export function differs(into: Properties, add: PropertyChanges): boolean {
  for (const name in add) if ((into[name] ?? null) !== add[name]) return true;
  return false;
}
