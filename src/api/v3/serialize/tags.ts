/** The tag catalogue → 3.0 (../schemas/tags.ts). */
import { ACTIVITY_RISKS } from '../../../domain/risk-score.js';
import type { Tag } from '../../../domain/types.js';
import type { TagCount } from '../../../store/activity-views.js';
import { KDB_IMPORTANT_TAGS } from '../../../ingest/knowledge-db.js';
import type { DetailedTagSchema, TAG_DOMAINS } from '../schemas/tags.js';
import { type Lookups, type Wire, category, categoryLabel, tag } from './common.js';

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

/** A tag counted over some flows or activities (src/store/activity-views.ts): `important` when one of them carries it so. */
export function countedTag(c: TagCount, l: Lookups): Wire<typeof DetailedTagSchema> {
  const t = l.tags.get(c.tag);
  const known = t ? detailedTag(t) : { ...tag(c.tag, false, l), description: '', domain: '' as const, riskScoreDescription: '' };
  return { ...known, important: c.important, nbOccurences: c.count };
}
