/**
 * Knowledge DB entries from what an advisory gives (CVE, texts, score, vector, publication): the
 * fields derived from those (CVSS version and temporal score, link ids) and the Knowledge DB's
 * own times (entered some days after publication, updated since, never after its release).
 * Deterministic: derived from the CVE id, not from a scenario.
 */
import { cvssVersion, temporalScore } from '../../domain/cvss.js';
import { uuidv5 } from '../../domain/ids.js';
import { MICROS_PER_DAY, MICROS_PER_SECOND, type Micros } from '../../domain/time.js';
import type { Vulnerability } from '../../domain/vulnerability.js';

/** The Knowledge DB release the emulator ships: every entry was published, entered and updated before it. */
export const KDB_RELEASE: Micros = Date.UTC(2025, 10, 28, 9, 30) * 1000;

/** FNV-1a: a stable 32-bit hash of a text, for offsets that must not depend on a random stream. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface AdvisorySpec {
  id: string;
  cve: string;
  title: string;
  summary: string;
  solution: string;
  cvss: number;
  vector: string;
  publishTime: Micros;
  vendorId?: string;
  fullDescription?: string;
  links?: readonly { id?: string; title: string; link: string }[];
}

/** A catalogue entry: the spec, plus what derives from it. */
export function knowledgeEntry(a: AdvisorySpec): Vulnerability {
  const h = stableHash(a.cve);
  const creationTime = Math.min(KDB_RELEASE, a.publishTime + (1 + (h % 30)) * MICROS_PER_DAY + ((h >>> 8) % 86_400) * MICROS_PER_SECOND + (h % 1_000_000));
  const lastUpdate = Math.min(KDB_RELEASE, creationTime + ((h >>> 4) % 900) * MICROS_PER_DAY + ((h >>> 12) % 86_400) * MICROS_PER_SECOND);
  return {
    id: a.id,
    cve: a.cve,
    title: a.title,
    summary: a.summary,
    solution: a.solution,
    fullDescription: a.fullDescription ?? '',
    cvss: a.cvss,
    cvssTemporal: temporalScore(a.cvss, a.vector),
    cvssVersion: cvssVersion(a.vector),
    cvssVectorString: a.vector,
    vendorId: a.vendorId ?? '',
    links: (a.links ?? []).map((l, order) => ({ id: l.id ?? uuidv5(`vulnerability-link|${a.id}|${order}`), title: l.title, link: l.link, order })),
    publishTime: a.publishTime,
    creationTime,
    lastUpdate,
  };
}

/** The NVD page of a real CVE. */
export const nvdLink = (cve: string) => ({ title: 'nvd.nist.gov', link: `https://nvd.nist.gov/vuln/detail/${cve}` });

/**
 * When a component was found vulnerable: once both it and the entry were known, within the
 * hour the matcher ran (and not after `end`, when given).
 */
export function matchingTime(componentCreation: Micros, entryCreation: Micros, key: string, end?: Micros): Micros {
  const t = Math.max(componentCreation, entryCreation) + (stableHash(key) % 3600) * MICROS_PER_SECOND;
  return end === undefined ? t : Math.min(t, end);
}
