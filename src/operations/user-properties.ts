/**
 * User properties of components, devices and groups (Cisco's 3.0 "CustomProperties":
 * postExtraField, putExtraField, deleteExtraField). A group's are its 1.0 properties (guide 5.4,
 * 6.5), so /api/1.0/group shows what 3.0 writes (src/store/user-properties.ts). One operation per
 * write, each one transaction that throws an ApiError and changes nothing when it fails.
 */
import type { Clock } from '../clock.js';
import {
  USER_PROPERTY_LABEL_MAX,
  USER_PROPERTY_VALUE_MAX,
  type UserProperty,
  type UserPropertyInput,
  type UserPropertyOwner,
} from '../domain/user-property.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';

const OWNER_NAME: Record<UserPropertyOwner, string> = { component: 'Component', device: 'Device', group: 'Group' };
export const PROPERTY_NAME = 'User property';

/** Cisco's 412: "Label should be <= 60 characters and Value <= 180 characters" (counted in characters, not UTF-16 units). */
function checkLengths(p: UserPropertyInput): void {
  const label = [...p.label].length;
  if (label > USER_PROPERTY_LABEL_MAX) throw errors.tooLong('label', USER_PROPERTY_LABEL_MAX, label);
  const value = [...p.value].length;
  if (value > USER_PROPERTY_VALUE_MAX) throw errors.tooLong('value', USER_PROPERTY_VALUE_MAX, value);
}

export function createUserPropertyOperations(store: Store, clock: Clock, newId: () => string) {
  /** 404 unless the owner exists (a group's existence is checked by the store's writes). */
  function checkOwner(kind: UserPropertyOwner, id: string): void {
    const exists =
      kind === 'component' ? store.components.rowid(id) !== undefined : kind === 'device' ? store.devices.get(id) !== undefined : store.groups.rowid(id) !== undefined;
    if (!exists) throw errors.notFound(OWNER_NAME[kind], id);
  }

  return {
    /**
     * Adds a property and answers it. divergence: Cisco's document gives no 409, and 1.0 group
     * properties may repeat a label: a second property of the same label is added beside the first.
     */
    add(kind: UserPropertyOwner, ownerId: string, input: UserPropertyInput): UserProperty {
      checkLengths(input);
      return store.transaction(() => {
        checkOwner(kind, ownerId);
        const p: UserProperty = { id: newId(), key: input.label, value: input.value };
        store.userProperties.add(kind, ownerId, p, clock.now());
        return p;
      });
    },

    /** Changes a property's key and value; 404 for an unknown owner, or a property the owner has not. */
    update(kind: UserPropertyOwner, ownerId: string, propertyId: string, input: UserPropertyInput): UserProperty {
      checkLengths(input);
      return store.transaction(() => {
        checkOwner(kind, ownerId);
        const p: UserProperty = { id: propertyId, key: input.label, value: input.value };
        if (!store.userProperties.update(kind, ownerId, p, clock.now())) throw errors.notFound(PROPERTY_NAME, propertyId);
        return p;
      });
    },

    /** Removes a property; 404 for an unknown owner, or a property the owner has not. */
    remove(kind: UserPropertyOwner, ownerId: string, propertyId: string): void {
      store.transaction(() => {
        checkOwner(kind, ownerId);
        if (!store.userProperties.remove(kind, ownerId, propertyId)) throw errors.notFound(PROPERTY_NAME, propertyId);
      });
    },
  };
}

export type UserPropertyOperations = ReturnType<typeof createUserPropertyOperations>;
