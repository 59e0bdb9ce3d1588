/**
 * A group as API 3.0 sees it, without its members (`Group`, and the fields of `GroupDetail` that
 * are the group's own): the 1.0 group (guide 5.4) with a #rrggbb colour, an integer criticalness
 * (src/domain/group-appearance.ts), a lock, a parent, and its properties as user properties.
 */
import { z } from 'zod';
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
