/**
 * The preset a /presets/{preset_id}/… route names: 400 for an id that is not a UUID, 404 for an
 * unknown one (Cisco: "preset not found"); and the components its scope keeps, which decide every
 * visualisation of it (src/store/scopes.ts `ofPreset`).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Preset } from '../../domain/preset.js';
import { checkId, found } from '../kit.js';
import { doc } from './registry.js';

export const presetId = doc(z.string(), { description: 'preset id (uuid)', example: '0ca65f94-f58b-5c84-93eb-5fce917ccebf' });

/** What a preset route's errors say. */
export const PRESET_ERRORS = { badRequest: 'Invalid preset id: "x" is not a UUID', notFound: 'Preset not found: 00000000-0000-4000-8000-000000000000' };

export function presetOf(app: FastifyInstance, id: string): Preset {
  const checked = checkId(id, 'preset');
  return found(app.store.presets.get(checked), 'Preset', checked);
}

/** The preset and the ids of the components its scope keeps. */
export function presetScopeOf(app: FastifyInstance, id: string): { preset: Preset; componentIds: readonly string[] } {
  const preset = presetOf(app, id);
  return { preset, componentIds: app.store.scopes.ofPreset(preset) };
}
