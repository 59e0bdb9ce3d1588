/** What every 3.0 list must do (clients.md section 3), checked the same way on each route. */
import { expect } from 'vitest';
import type { TestCenter } from '../../helpers.js';

const join = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

/**
 * Without paging parameters, every row (`total` of them); two pages of `size` are the first
 * 2 × size rows of that; a page past the end is [].
 */
export async function expectPaging(c: TestCenter, path: string, total: number, size = 3): Promise<{ id: string }[]> {
  const all = await c.json3<{ id: string }[]>(path);
  expect(all.length).toBe(total);
  expect(total, `${path}: too few rows to page`).toBeGreaterThan(2 * size);
  const [one, two] = [await c.json3<{ id: string }[]>(join(path, `page=1&size=${size}`)), await c.json3<{ id: string }[]>(join(path, `page=2&size=${size}`))];
  expect([...one, ...two].map((x) => x.id)).toEqual(all.slice(0, 2 * size).map((x) => x.id));
  expect(await c.json3(join(path, `page=${Math.ceil(total / size) + 1}&size=${size}`))).toEqual([]);
  return all;
}

/** Sorted as asked: each key of the rows, in that direction. */
export function expectOrder(values: number[], desc: boolean): void {
  expect(values).toEqual([...values].sort((a, b) => (desc ? b - a : a - b)));
}
