/**
 * Component ids for ingest (guide 5.2: a component is identified by its MAC and IP; the id is a
 * UUIDv5 of both). Hashing is a large part of an observation's cost and a busy component is in
 * most batches, so the ids are held across batches.
 */
import { componentId } from '../domain/ids.js';

/** Ids held at most (a plant has about 100 000); past that, all are forgotten and held again. */
export const MAX_HELD_IDS = 200_000;

/** `componentId`, remembered: by MAC, then IP, the strings as given (a key made of both would be a new string to hash each time). */
export function componentIds(max = MAX_HELD_IDS): (mac: string, ip: string | null) => string {
  const ids = new Map<string, Map<string | null, string>>();
  let held = 0;
  return (mac, ip) => {
    let id = ids.get(mac)?.get(ip);
    if (id !== undefined) return id;
    if (held >= max) {
      ids.clear();
      held = 0;
    }
    let byIp = ids.get(mac);
    if (!byIp) ids.set(mac, (byIp = new Map()));
    byIp.set(ip, (id = componentId(mac, ip)));
    held++;
    return id;
  };
}
