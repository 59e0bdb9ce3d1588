/**
 * How a 3.0 list is answered: a page as one JSON array; without `page` and `size` every row,
 * streamed, so that the server's memory does not grow with the world (`GET /components` on
 * `large` is 100 000 rows); with `format=csv` (where Cisco's document lists it) the same rows as
 * CSV (src/api/csv.ts).
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ListRequest } from '../../domain/list-request.js';
import { toCsv } from '../csv.js';
import { jsonArrayOf } from '../stream.js';
import { scalar } from '../params.js';

/** `format` (Cisco: "expected format of the returned data. If not specified, json will be used."). */
export const format = scalar(z.enum(['json', 'csv'], { error: "must be 'json' or 'csv'" }).optional());

export interface ListAnswer<T> {
  /** The rows of the request: a page, or every row lazily (an iterator read as the answer is sent). */
  rows: Iterable<T>;
  serialize: (row: T) => Record<string, unknown>;
}

export function sendList<T>(reply: FastifyReply, req: ListRequest<string>, answer: ListAnswer<T>, as: 'json' | 'csv' = 'json'): FastifyReply {
  if (as === 'csv') {
    return reply.type('text/csv; charset=utf-8').send(toCsv([...answer.rows].map(answer.serialize)));
  }
  reply.type('application/json; charset=utf-8');
  if (req.window) return reply.send(JSON.stringify([...answer.rows].map(answer.serialize)));
  return reply.send(jsonArrayOf(answer.rows, (row) => JSON.stringify(answer.serialize(row))));
}
