/**
 * Writes of the Center's parameters (Cisco 3.0 "Parameters": POST and PUT /parameters, DELETE
 * /parameters/{key}), each one transaction, every check before the write. The sensors' global
 * credentials are two of them: what these write, /globalCredentials reads, and back.
 */
import { errors } from '../errors.js';
import type { Parameters } from '../store/parameters.js';
import type { Store } from '../store/store.js';

/** Cisco postParameter: "Add one or many parameters"; 409 when one of them exists (then none is added). */
export function createParameters(store: Store, parameters: Parameters): Parameters {
  return store.transaction(() => {
    const taken = Object.keys(parameters).filter((key) => store.parameters.get(key) !== undefined);
    if (taken.length > 0) throw errors.parametersExist(taken);
    return writeAll(store, parameters);
  });
}

/**
 * Cisco putParameter: "updating and retrieving parameters": each one given, from now on.
 * divergence: a key that does not exist is added (Cisco lists no 404 for PUT).
 */
export function updateParameters(store: Store, parameters: Parameters): Parameters {
  return store.transaction(() => writeAll(store, parameters));
}

/** Cisco deleteParameter: 404 when there is no such key. */
export function deleteParameter(store: Store, key: string): void {
  store.transaction(() => {
    if (!store.parameters.delete(key)) throw errors.noParameter(key);
  });
}

/** Writes them; answers them as they read back. */
function writeAll(store: Store, parameters: Parameters): Parameters {
  const out: Parameters = {};
  for (const [key, value] of Object.entries(parameters)) {
    store.parameters.set(key, value);
    out[key] = store.parameters.get(key) as Parameters[string];
  }
  return out;
}
