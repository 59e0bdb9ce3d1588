/**
 * The preset a /presets/{preset_id}/… route names: 400 for an id that is not a UUID, 404 for an
 * unknown one (Cisco: "preset not found"); the preset a /presets/preview/… route's body describes;
 * and what decides every visualisation of either: the preset's scope, as conditions
 * (`scopeOf`, src/domain/preset-scope.ts) or as the ids of the components it keeps
 * (`componentsOf`, src/store/scopes.ts `ofPreset`). A view is one function of the scoped preset,
 * called by its GET (a saved preset) and by its preview (a payload), so both answer alike.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Preset } from '../../domain/preset.js';
import { type PresetScope, presetScope } from '../../domain/preset-scope.js';
import { type PresetFields, previewPreset } from '../../operations/presets.js';
import type { ScopedPreset } from '../../store/scopes.js';
import { checkId, found } from '../kit.js';
import { doc } from './registry.js';
import type { UpdatePresetPayloadSchema } from './schemas/preset-payload.js';

export type { ScopedPreset };

export const presetId = doc(z.string(), { description: 'preset id (uuid)', example: '0ca65f94-f58b-5c84-93eb-5fce917ccebf' });

/** What a preset route's errors say. */
export const PRESET_ERRORS = { badRequest: 'Invalid preset id: "x" is not a UUID', notFound: 'Preset not found: 00000000-0000-4000-8000-000000000000' };

/** What a preview route's errors say: a bad body, a group its filters name that the world lacks (as POST /presets). */
export const PREVIEW_ERRORS = { badRequest: 'Invalid body field "filters.tags": expected array, received string', notFound: 'Group not found in filters.groups: 00000000-0000-4000-8000-000000000000' };

export function presetOf(app: FastifyInstance, id: string): Preset {
  const checked = checkId(id, 'preset');
  return found(app.store.presets.get(checked), 'Preset', checked);
}

/** A PresetPayload as the operations take it. */
export const fieldsOf = (p: z.infer<typeof UpdatePresetPayloadSchema>): PresetFields => ({ ...p, filters: p.filters as PresetFields['filters'] });

/** The preset a preview's PresetPayload describes, parsed as POST /presets parses it; nothing is stored. */
export function previewOf(app: FastifyInstance, body: z.infer<typeof UpdatePresetPayloadSchema>): Preset {
  return previewPreset({ store: app.store, clock: app.clock, newId: () => app.newId() }, fieldsOf(body));
}

/** The scope's conditions, with the Center's facts (its id, which tags are component tags). */
export function scopeOf(app: FastifyInstance, preset: ScopedPreset): PresetScope {
  const l = app.lookups();
  return presetScope(preset, { centerId: app.store.settings.get('center.id') ?? null, isComponentTag: (key) => l.tags.get(key)?.type === 'component' });
}

/** The ids of the components the scope keeps. */
export function componentsOf(app: FastifyInstance, preset: ScopedPreset): readonly string[] {
  return app.store.scopes.ofPreset(preset);
}
