/**
 * A group as API 3.0 sees it, without its members (`Group`, and the fields of `GroupDetail` that
 * are the group's own): the 1.0 group (guide 5.4) with a #rrggbb colour, an integer criticalness
 * (src/domain/group-appearance.ts), a lock, a parent, and its properties as user properties.
 */
import { z } from 'zod';
import type { TagSet } from './types.js';
import { UserPropertySchema } from './user-property.js';

export const GroupSummarySchema = z.object({
  id: z.string(),
  creationTime: z.number().int(),
  label: z.string(),
  description: z.string(),
  comments: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  criticalness: z.number().int(),
  locked: z.boolean(),
  /** The group this one nests in, or null. */
  parentId: z.string().nullable(),
  /** The groups nested in this one (3.0 `groupIds`), oldest first. */
  groupIds: z.array(z.string()),
  /** The Center the group belongs to (settings `center.id`), or null when the Center has no id. */
  centerId: z.string().nullable(),
  userProperties: z.array(UserPropertySchema),
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

/** The 3.0 fields a write may set; absent ones stay. */
export const GroupAttributesSchema = GroupSummarySchema.pick({ color: true, criticalness: true, locked: true, parentId: true }).partial();
export type GroupAttributes = z.infer<typeof GroupAttributesSchema>;

/**
 * What a group holds and what touches it (3.0 `GroupDetail`): its components, the devices they
 * belong to, and what is counted over them. A flow, event or activity that touches two of its
 * components counts once.
 */
export interface GroupContents {
  /** Its components, oldest first. */
  componentIds: string[];
  /** The devices of its components, in the order of their first component. */
  deviceIds: string[];
  /** Component activities with one of its components at either end. */
  activities: number;
  /** Events about one of its components (its own, or as an end of their flow). */
  events: number;
  /** Distinct Knowledge DB vulnerabilities its components match. */
  vulnerabilities: number;
  /** The union of its components' tags ('important' wins). */
  componentTags: TagSet;
  /** The union of the tags of the flows of its components ('important' wins). */
  flowTags: TagSet;
}

/** A group above another, `depth` levels up (1: its parent). */
export interface Ancestor {
  group: GroupSummary;
  depth: number;
}

/**
 * The groups a group nests in, its parent first, up to the top. A parent the map lacks ends the
 * walk; so does a cycle (the store refuses one, a copied world could still hold one).
 */
export function ancestorsOf(id: string, groups: ReadonlyMap<string, GroupSummary>): Ancestor[] {
  const out: Ancestor[] = [];
  const seen = new Set([id]);
  for (let at = groups.get(id)?.parentId ?? null; at !== null && !seen.has(at); ) {
    const parent = groups.get(at);
    if (!parent) break;
    seen.add(at);
    out.push({ group: parent, depth: out.length + 1 });
    at = parent.parentId;
  }
  return out;
}
