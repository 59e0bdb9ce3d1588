/**
 * The Center itself as API 3.0 shows it: the product version it reports (`GET /version`) and
 * its id (`centerId` / `centerID` on groups, sensors and presets).
 */
import { uuidv5 } from './ids.js';

/**
 * Cisco's API 3.0 document is "3.0.0-5.5.0": Cyber Vision 5.5.0. invented: the build number
 * (the spec gives none; a fixed one, so that clients that log it see the same value every run).
 */
export const CENTER_VERSION = { major: 5, minor: 5, incr: 0, build: 1042 } as const;

/** A Center's id: derived from the scenario's random seed, so the same profile gives the same Center. */
export function centerId(seed: number): string {
  return uuidv5(`center|${seed}`);
}
