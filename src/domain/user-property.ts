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

/** Cisco's 3.0 document (postExtraField, putExtraField): "412 precondition failed. Label should be <= 60 characters and Value <= 180 characters". */
export const USER_PROPERTY_LABEL_MAX = 60;
export const USER_PROPERTY_VALUE_MAX = 180;

const text = (what: string) => z.string({ error: (iss) => (iss.input === undefined ? 'is mandatory' : `must be a string (${what})`) });

/**
 * What 3.0 POST and PUT send (Cisco's AddExtraFieldBody, UpdateExtraFieldBody: {label, value}).
 * The lengths are not checked here: over them is Cisco's 412, not a 400 (src/operations/user-properties.ts).
 * divergence: Cisco's document marks neither field required; both are, and the label may not be
 * blank (a property is read back by its key).
 */
export const UserPropertyInputSchema = z.object(
  {
    label: text('the property key').trim().min(1, 'must not be empty'),
    value: text('the property value'),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? 'a JSON object is required' : undefined) },
);
export type UserPropertyInput = z.infer<typeof UserPropertyInputSchema>;
