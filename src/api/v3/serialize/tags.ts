/** The tag catalogue → 3.0 (../schemas/tags.ts). */
import { ACTIVITY_RISKS } from '../../../domain/risk-score.js';
import type { Tag } from '../../../domain/types.js';
import { KDB_IMPORTANT_TAGS } from '../../../ingest/knowledge-db.js';
import type { DetailedTagSchema, TAG_DOMAINS } from '../schemas/tags.js';
import { type Wire, category, categoryLabel } from './common.js';

export function tagDomain(t: Pick<Tag, 'it' | 'ot'>): (typeof TAG_DOMAINS)[number] {
  if (t.it && t.ot) return 'both';
  return t.ot ? 'ot' : t.it ? 'it' : '';
}

/**
 * divergence: the catalogue has no importance of its own (1.0 holds a class per tagged object);
 * a tag is important here when the Knowledge DB always sets it important (controller operations,
 * INSECURE). API-created tags are not.
 */
export const detailedTag = (t: Tag): Wire<typeof DetailedTagSchema> => ({
  id: t.key,
  label: t.label,
  description: t.description,
  type: t.type,
  domain: tagDomain(t),
  important: t.origin === 'kdb' && KDB_IMPORTANT_TAGS.has(t.key),
  category: category(categoryLabel(t)),
  riskScoreDescription: ACTIVITY_RISKS[t.key]?.description ?? '',
});
