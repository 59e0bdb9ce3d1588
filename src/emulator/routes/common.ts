/** What the control-plane route files share. */
import { z } from 'zod';
import { parseTimestamp } from '../../domain/time.js';

/** The OpenAPI tag of every control-plane route. */
export const CONTROL_TAG = 'Emulator control plane';

/** An RFC 3339 time in a body (up to microseconds; no offset means UTC), as microseconds. */
export const TimeInput = z
  .string()
  .refine((s) => parseTimestamp(s) !== undefined, { message: 'must be an RFC 3339 time such as 2026-11-01T12:00:00Z' })
  .transform((s) => parseTimestamp(s) as number)
  .meta({ example: '2026-11-01T12:00:00Z' });
