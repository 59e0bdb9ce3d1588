/**
 * Cisco 3.0 "Parameters": the body of POST and PUT /parameters and the answer of every
 * /parameters route, one flat object of keys and values (Cisco's example:
 * `{"random.parameter.one": 8, "random.parameter.three": true, "random.parameter.two": "string"}`).
 */
import { z } from 'zod';
import { errors } from '../../../errors.js';
import type { Parameters } from '../../../store/parameters.js';
import { doc, named } from '../registry.js';

const EXAMPLE = { 'random.parameter.one': 8, 'random.parameter.three': true, 'random.parameter.two': 'string' };

export const ParametersSchema = named(
  'Parameters',
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  'Center parameters by key: each value a string, a number or a boolean.',
);

/**
 * The body's shape only: what is missing or too deep is Cisco's 412, not a 400, so the values
 * are read by `parametersOf`.
 */
export const ParametersPayloadSchema = doc(z.record(z.string(), z.unknown(), { error: 'a JSON object is required' }), {
  description:
    'Center parameters by key: each value a string (not empty), a number or a boolean (412 when a value is missing, null or empty, or is an object or an array: "too much depth of parameters").',
  example: EXAMPLE,
});

/**
 * The parameters of a body: an empty key is a 400; an object or array value a 412 (too much
 * depth); a null or empty string value, or no parameter at all, a 412 (missing values).
 * divergence: Cisco does not say what "missing values" are; the emulator reads them as
 * /globalCredentials does (null or "").
 */
export function parametersOf(body: z.infer<typeof ParametersPayloadSchema>): Parameters {
  const entries = Object.entries(body);
  if (entries.length === 0) throw errors.parameterMissing(undefined);
  for (const [key] of entries) if (key.trim() === '') throw errors.badRequest('Invalid body field "": a parameter key must not be empty');
  for (const [key, v] of entries) if (v !== null && typeof v === 'object') throw errors.parameterTooDeep(key);
  const out: Parameters = {};
  for (const [key, v] of entries) {
    if (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v !== '')) out[key] = v;
    else throw errors.parameterMissing(key);
  }
  return out;
}
