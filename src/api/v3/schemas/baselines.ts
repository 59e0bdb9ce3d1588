/**
 * Baselines (Cisco's Baseline, CountDifferences, BaselineCreate, BaselinePatch, BaselineDifference,
 * Difference, DifferenceReview, BaselineComponentFields, Property, VariableMonitor, and the
 * Activity and DetailedTag with their `difference`). Times are ms. Cisco marks no body field
 * required; divergence: `label` and `presetId` are mandatory on creation. Other keys are ignored,
 * as in every 3.0 body.
 */
import { z } from 'zod';
import { DIFFERENCE_TYPES } from '../../../domain/baseline.js';
import { doc, named } from '../registry.js';
import { ActivitySchema } from './activities.js';
import { ms, int } from './common.js';
import { VariableAccessComponentSchema } from './component-relations.js';
import { ComponentFieldsSchema } from './components.js';
import { objectBody } from './custom-properties.js';
import { DetailedTagSchema } from './tags.js';

export const TARGET_STATUSES = ['normal', 'new', 'changed', 'abnormal'] as const;

export const CountDifferencesSchema = named(
  'CountDifferences',
  z.object({ newComponent: int, changedComponent: int, newActivity: int, changedActivity: int }),
  'How many components and activities of the preset are new to the baseline, and how many it holds differ from it (differences ignored left out).',
);

export const BaselineSchema = named(
  'Baseline',
  z.object({
    id: z.string(),
    label: z.string(),
    description: z.string(),
    presetId: z.string(),
    creatorEmail: z.string(),
    creationTime: ms,
    creationPeriodStart: ms,
    creationPeriodEnd: ms,
    lastEditTime: ms,
    lastScanTime: ms,
    nextScanTime: ms,
    status: z.literal('active'),
    countDifferences: CountDifferencesSchema,
    componentLastDiffTime: ms,
    activityLastDiffTime: ms,
  }),
  'What a preset held when the baseline was made (its components and activities active from `creationPeriodStart` to `creationPeriodEnd`), and how many differences the world shows from it now. ' +
    'The differences are computed at each read: `lastScanTime` and `nextScanTime` are the time of the answer; `*LastDiffTime` the latest detection of a difference of each kind (0 when none).',
);

const is = (what: string, mandatory = false) => ({
  error: (iss: { input?: unknown }) => (iss.input === undefined && mandatory ? 'is mandatory' : `must be ${what}`),
});
const text = () => z.string(is('a string'));

export const BaselineCreateSchema = named(
  'BaselineCreate',
  z.object(
    {
      label: z.string(is('a string', true)).trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
      description: text().optional(),
      presetId: z.string(is('a preset id (a UUID)', true)),
      from: text().optional(),
      to: text().optional(),
    },
    objectBody,
  ),
  'A baseline of the preset `presetId` over `from`–`to` (ms since the epoch, or RFC 3339; the beginning of the data and now when absent).',
);

export const BaselinePatchSchema = named(
  'BaselinePatch',
  z.object({ label: text().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters').optional(), description: text().optional() }, objectBody),
  'The label and/or the description; a field left out stays.',
);

export const DifferenceReviewSchema = named(
  'DifferenceReview',
  z.object({ comment: text().optional(), id: text().optional(), accessType: z.enum(['read', 'write'], is("'read' or 'write'")).optional() }, objectBody),
  'A review: `comment` is kept with a nack or an ignore; on a target, `id` narrows it to one difference and `accessType` to the variable accesses of that type. The body may be left out.',
);

/** The body of a review, which Cisco does not mark required: none is an empty review. */
export const OptionalDifferenceReviewSchema = doc(z.preprocess((body) => body ?? {}, DifferenceReviewSchema), {
  description: 'A review (DifferenceReview); it may be left out.',
  example: { comment: 'Expected after the upgrade' },
});

const type = z.enum(DIFFERENCE_TYPES);

export const BaselineDifferenceSchema = named(
  'BaselineDifference',
  z.object({ id: z.string(), baselineId: z.string(), targetId: z.string(), type, key: z.string(), value: z.string(), detectionTime: ms }),
  'A difference of the world from a baseline: `targetId` is the component or the activity ("<left id>_<right id>"); `key` is the tag id, the property name or the variable access ' +
    '("<variable id>/<author component id>/<read|write>"), "" for a new component or activity; `value` the tag id, the property\'s value or the access type.',
);

export const DifferenceSchema = named(
  'Difference',
  z.object({ id: z.string(), type, key: z.string(), value: z.string(), oldValue: z.string(), detection: ms }),
  'A difference of a target from a baseline; `oldValue` is what the baseline holds of a changed property ("" otherwise).',
);

const differences = { differences: z.array(DifferenceSchema), newVariableAccess: int, status: z.enum(TARGET_STATUSES) };
const STATUS =
  '`status`: normal (no difference), new (not in the baseline), changed, or abnormal (a difference reported so, by nack). `newVariableAccess`: an activity\'s new variable accesses (among its differences); a component\'s new accesses to the variables it holds (differences of its activities, not its own).';

export const BaselineActivitySchema = named('BaselineActivity', ActivitySchema.extend(differences), `An activity as GET /activities shows it, with its differences from the baseline. ${STATUS}`);

export const BaselineComponentFieldsSchema = named(
  'BaselineComponentFields',
  ComponentFieldsSchema.extend(differences),
  `A component as GET /components shows it, with its differences from the baseline. ${STATUS}`,
);

export const PropertySchema = named('Property', z.object({ key: z.string(), value: z.string(), difference: DifferenceSchema }), 'A property of the component that differs from the baseline.');

export const DifferenceTagSchema = named('BaselineDetailedTag', DetailedTagSchema.extend({ difference: DifferenceSchema }), 'A tag of the target that the baseline does not hold.');

export const VariableMonitorSchema = named(
  'VariableMonitor',
  z.object({
    id: z.string(),
    name: z.string(),
    accessType: z.string(),
    types: z.string(),
    category: z.string(),
    protocol: z.string(),
    client: VariableAccessComponentSchema,
    firstAccess: ms,
    lastAccess: ms,
    difference: DifferenceSchema,
  }),
  'A variable accessed on the activity in a way the baseline does not hold: `client` is the component that reads or writes it, `accessType` how; `types` (the variable\'s data type) is "": the emulator does not know it.',
);
