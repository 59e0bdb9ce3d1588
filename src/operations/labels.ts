/**
 * The user's names for components and devices: a component's is its 1.0 `custom_name` (guide
 * 6.3.3, 6.3.4), which 3.0 shows as `customLabel` and `label`; a device's is its `customLabel`
 * (3.0 only). Each write is one transaction that throws an ApiError and changes nothing when it
 * fails; the 3.0 routes (src/api/v3/routes/labels.ts) and the 1.0 custom-name routes share them.
 */
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';

export type LabelledKind = 'component' | 'device';

export function createLabelOperations(store: Store) {
  /** Sets (or, with null, removes) the custom name of a component; 404 when it is unknown. */
  function setComponentLabel(id: string, name: string | null): void {
    store.transaction(() => {
      const rowid = store.components.rowid(id);
      if (rowid === undefined) throw errors.notFound('Component', id);
      store.components.setCustom(rowid, 'name', name);
    });
  }

  /** Sets (or, with null, removes) the custom label of a device; 404 when it is unknown. */
  function setDeviceLabel(id: string, name: string | null): void {
    store.transaction(() => {
      if (!store.devices.setCustomLabel(id, name)) throw errors.notFound('Device', id);
    });
  }

  return {
    setComponentLabel,
    setDeviceLabel,
    set: (kind: LabelledKind, id: string, name: string | null): void => (kind === 'component' ? setComponentLabel(id, name) : setDeviceLabel(id, name)),
  };
}

export type LabelOperations = ReturnType<typeof createLabelOperations>;
