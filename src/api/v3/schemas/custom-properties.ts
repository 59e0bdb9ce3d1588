/**
 * Cisco's "CustomProperties" answers (definitions SimpleResponse, AddExtraFieldResp) and bodies
 * (CustomNameBody; AddExtraFieldBody and UpdateExtraFieldBody are src/domain/user-property.ts).
 */
import { z } from 'zod';
import { named } from '../registry.js';

export const SimpleResponseSchema = named(
  'SimpleResponse',
  z.object({ Msg: z.string(), Status: z.number().int() }),
  'Cisco\'s acknowledgement of a write: {"Msg": "ok", "Status": 200}, keys capitalised.',
);

/** What the writes that answer SimpleResponse answer, as Cisco's examples print it. */
export const OK = { Msg: 'ok', Status: 200 } as const;

export const AddExtraFieldRespSchema = named(
  'AddExtraFieldResp',
  z.object({ id: z.string(), label: z.string(), value: z.string() }),
  'The property added: its new id, its label (the key `userProperties` shows) and its value.',
);

/** A body that is no JSON object (or none at all) says so, rather than zod's "expected object". */
export const objectBody = { error: (iss: { code?: string }) => (iss.code === 'invalid_type' ? 'a JSON object is required' : undefined) };

export const CustomNameBodySchema = z.object(
  { name: z.string({ error: (iss) => (iss.input === undefined ? 'is mandatory' : 'must be a string') }).trim() },
  objectBody,
);
