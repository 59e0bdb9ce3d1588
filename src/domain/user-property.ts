/**
 * User properties: key/value pairs users set on devices, components and groups (API 3.0
 * `userProperties[{id, key, value}]`; POST and PUT send `{label, value}`). A group's are the
 * properties 1.0 already prints (guide 5.4): one set of data, two views.
 */
import { z } from 'zod';

export const USER_PROPERTY_OWNERS = ['component', 'device', 'group'] as const;
export type UserPropertyOwner = (typeof USER_PROPERTY_OWNERS)[number];

export const UserPropertySchema = z.object({
  id: z.string(),
  key: z.string(),
  value: z.string(),
});
export type UserProperty = z.infer<typeof UserPropertySchema>;

/** What 3.0 POST and PUT send; its document: "Label should be <= 60 characters and Value <= 180 characters" (412). */
export const UserPropertyInputSchema = z.object({
  label: z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
  value: z.string().max(180, 'must be at most 180 characters'),
});
export type UserPropertyInput = z.infer<typeof UserPropertyInputSchema>;
