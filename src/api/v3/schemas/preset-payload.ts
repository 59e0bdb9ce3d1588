/**
 * What 3.0 preset writes take: Cisco's `PresetPayload` (POST /presets, PUT /presets/{preset_id})
 * and the `PartialUpdate` of PATCH /presets/{preset_id}, whose description says: accepted "op" is
 * "set", accepted paths "/name" (or "/label"), "/description" and "/search"; 400 for "less than 1
 * or more than 2 patches". clients.md 1.2 row 36: CDN and PA post `{label, description,
 * filters:{tags:[…]}}`, the filter objects as an export from GET /presets gave them.
 */
import { z } from 'zod';
import { doc, named } from '../registry.js';
import { PresetFiltersSchema } from './presets.js';

const text = z.string({ error: 'must be a string' });
const triState = z.enum(['indeterminate', 'true', 'false'], { error: "must be 'indeterminate', 'true' or 'false'" });

const fields = {
  label: text.trim().min(1, 'must not be empty'),
  description: text.optional(),
  // divergence: Cisco types it a string (the category's label); the category object GET /presets
  // prints is taken too, so that a whole exported preset posts back.
  category: z
    .union([text, z.looseObject({ label: text })], { error: 'must be a category label (a string) or {label}' })
    .transform((c) => (typeof c === 'string' ? c : c.label))
    .optional(),
  filters: PresetFiltersSchema.partial().optional(),
  search: text.optional(),
  componentTagless: triState.optional(),
  activityTagless: triState.optional(),
  groupless: triState.optional(),
  hasExternalCommunications: triState.optional(),
};

const EXAMPLE = {
  label: 'Room 214 PLCs',
  description: 'The controllers of Room 214',
  filters: { tags: [{ operator: 'include', value: { id: 'PLC', label: 'Controller', type: 'component' } }] },
};

/** divergence: fields Cisco's PresetPayload lacks (an exported preset's id, custom, badges…) are ignored, not refused. */
export const CreatePresetPayloadSchema = doc(z.object(fields, { error: 'a JSON object is required' }), {
  description:
    "Cisco's PresetPayload; `label` is mandatory and unique without regard to case (409). `category` is the category's label (\"My preset\" when absent); `filters` as GET /presets prints them, a dimension left out being empty.",
  example: EXAMPLE,
});

export const UpdatePresetPayloadSchema = doc(z.object({ ...fields, label: fields.label.optional() }, { error: 'a JSON object is required' }), {
  description: "Cisco's PresetPayload: absent fields stay; `filters`, when given, are the filters from now on (a dimension left out being empty).",
  example: { description: 'The controllers of Room 214 and 215', filters: EXAMPLE.filters },
});

const PREVIEW_DESCRIPTION =
  "Cisco's PresetPayload: the preset to preview, parsed as POST /presets parses it (`filters` as GET /presets prints them, a dimension left out being empty; a group the world lacks is a 404). Nothing is stored. divergence: `label` may be left out, and is not checked against the other presets' (nothing is saved under it).";
const previewObject = z.object({ ...fields, label: text.optional() }, { error: 'a JSON object is required' });

/** The body of POST /presets/preview/visualisations/… (Cisco: `preview`, a PresetPayload, required). */
export const PresetPreviewPayloadSchema = doc(previewObject, { description: PREVIEW_DESCRIPTION, example: { filters: EXAMPLE.filters } });

/** The body of POST /presets/preview/visualisations/networknode-list, which Cisco does not mark required: none is an empty payload (every node). */
export const OptionalPresetPreviewPayloadSchema = doc(z.preprocess((body) => body ?? {}, previewObject), {
  description: `${PREVIEW_DESCRIPTION} Cisco does not require it here: without a body, the preview keeps everything.`,
  example: { filters: EXAMPLE.filters },
});

export const PRESET_PATCH_PATHS = ['/name', '/label', '/description', '/search'] as const;

const PresetPartialUpdateSchema = named(
  'PresetPartialUpdate',
  z.object(
    {
      op: text,
      path: text,
      value: z
        .union([text, z.tuple([text])], { error: 'must be a string or an array of one string' })
        .transform((v) => (typeof v === 'string' ? v : v[0])),
    },
    { error: 'must be an operation {op, path, value}' },
  ),
  'One change: `op` "set" on `path` /name (or /label), /description or /search; `value` the new text (Cisco types it an array of strings: one string, or an array of one).',
);

export const PatchPresetBodySchema = doc(
  z.preprocess(
    (body) => (body !== null && typeof body === 'object' && !Array.isArray(body) ? [body] : body),
    z
      .array(PresetPartialUpdateSchema, { error: 'must be an operation {op, path, value} or an array of them' })
      .min(1, 'must hold at least one operation')
      .max(2, 'must hold at most two operations'),
  ),
  {
    description: "Cisco's PartialUpdate, one object or an array of one or two (Cisco: 400 for \"less than 1 or more than 2 patches\"), applied in order, all or none.",
    example: { op: 'set', path: '/label', value: ['Room 214 controllers'] },
  },
);
