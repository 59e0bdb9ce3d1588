/**
 * Scenario profiles (`seeds/<name>.json`): the random seed and the counts a synthetic plant is
 * sized to (DESIGN: "a scenario always gives the same database"). Counts are targets: the plant
 * lands near them (components and flows within a few percent, variables, groups and
 * vulnerabilities exactly when the plant has room for them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTimestamp } from '../domain/time.js';

const count = z.number().int().min(0);

export const ScenarioProfileSchema = z
  .object({
    name: z.string().min(1),
    description: z.string(),
    seed: z.number().int(),
    sensors: count,
    components: count,
    flows: count,
    events: count,
    variables: count,
    groups: count,
    vulnerabilities: count,
    historyDays: z.number().positive(),
    /** Pins the end of the history (RFC 3339) instead of "the moment the world is created". */
    now: z
      .string()
      .refine((s) => parseTimestamp(s) !== undefined, { message: 'now must be an RFC 3339 timestamp' })
      .optional(),
  })
  .strict();

export type ScenarioProfile = z.infer<typeof ScenarioProfileSchema>;

/** `seeds/` at the project root: `../../seeds` from both `src/seed/` (tsx) and `dist/seed/` (tsc). */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** The scenario names a seeds directory offers, sorted. */
export function listProfiles(seedsDir: string = SEEDS_DIR): string[] {
  try {
    return readdirSync(seedsDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

export function loadProfile(name: string, seedsDir: string = SEEDS_DIR): ScenarioProfile {
  const known = listProfiles(seedsDir);
  // Only plain names: a scenario is a file of seeds/, not a path.
  if (!/^[A-Za-z0-9_-]+$/.test(name) || !known.includes(name)) {
    throw new Error(`unknown scenario "${name}": available scenarios are ${known.join(', ') || '(none)'}`);
  }
  const file = join(seedsDir, `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`scenario "${name}": cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = ScenarioProfileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`scenario "${name}" (${file}) is invalid: ${issues}`);
  }
  return parsed.data;
}
