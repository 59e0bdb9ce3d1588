/**
 * The answers every surface shares: the error envelope (guide 5.7), which the control plane
 * gives too, and the empty 200 answer.
 */
import { z } from 'zod';

/** The empty 200 answers of the guide ("an empty HTTP 200 response is returned", 6.5.4). */
// `type: 'null'` is how @fastify/swagger documents a response without content.
export const EmptySchema = z.void().meta({ type: 'null', description: 'Empty body' });

export const ErrorSchema = z
  .object({ status: z.literal('error'), message: z.string() })
  .meta({ id: 'Error', description: 'guide 5.7', example: { status: 'error', message: 'Invalid syntax for rule.\nWrong action name : "TagFlow2"' } });

/** An error answer: what it means, and the message the emulator gives (src/errors.ts) as its example. */
export const errorAnswer = (description: string, message: string) =>
  ErrorSchema.meta({ description, examples: [{ status: 'error', message }] });
