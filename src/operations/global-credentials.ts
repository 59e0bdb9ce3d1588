/**
 * Writes of the sensors' global credentials (Cisco 3.0 "GlobalCredentials": POST, PUT and DELETE
 * /globalCredentials), each one transaction, every check before the write.
 */
import type { GlobalCredentials } from '../domain/global-credentials.js';
import { errors } from '../errors.js';
import type { Store } from '../store/store.js';

/** Cisco postGlobalCredentials: 409 when there are global credentials already. */
export function createGlobalCredentials(store: Store, c: GlobalCredentials): void {
  store.transaction(() => {
    if (store.globalCredentials.get() !== undefined) throw errors.globalCredentialsExist();
    store.globalCredentials.set(c);
  });
}

/**
 * Cisco putGlobalCredentials: the global credentials from now on.
 * divergence: without global credentials, PUT sets them (Cisco lists no 404 for it, only for
 * GET and DELETE).
 */
export function updateGlobalCredentials(store: Store, c: GlobalCredentials): void {
  store.transaction(() => store.globalCredentials.set(c));
}

/** Cisco deleteGlobalCredentials: 404 when there are none. */
export function deleteGlobalCredentials(store: Store): void {
  store.transaction(() => {
    if (!store.globalCredentials.delete()) throw errors.noGlobalCredentials();
  });
}
