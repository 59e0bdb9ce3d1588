/** The tag catalogue as 3.0 lists it (Cisco's definitions DetailedTags = [DetailedTag]). */
import { z } from 'zod';
import { named } from '../registry.js';
import { TagSchema, int } from './common.js';

/** divergence: Cisco's `domain` is a bare string; the sample shows "ot". A tag in both domains is "both", in none "". */
export const TAG_DOMAINS = ['ot', 'it', 'both', ''] as const;

export const DetailedTagSchema = named(
  'DetailedTag',
  TagSchema.extend({
    description: z.string(),
    domain: z.enum(TAG_DOMAINS),
    riskScoreDescription: z.string(),
    nbOccurences: int.optional(),
  }),
  'A tag of the catalogue: `id` is its key; `important` whether the Knowledge DB marks it so; `riskScoreDescription` what it adds to a risk score ("" when nothing). ' +
    "`nbOccurences` (Cisco's spelling) only where a tag is counted: a risk score's matching tag, on how many of the device's activities; " +
    'the flow tags of an activity or component, on how many of its flows; the activity tags of a device, on how many of its activities. There `important` is whether one of them carries it as important.',
);

export const DetailedTagsSchema = named('DetailedTags', z.array(DetailedTagSchema));
