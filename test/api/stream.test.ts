import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { jsonArrayOf, jsonArrayStream } from '../../src/api/stream.js';

/** Rows 1..n in chunks of `size`, the cursor being the last row sent. */
const rows = (n: number, size: number) => (after: number | undefined) => {
  const from = (after ?? 0) + 1;
  const items = Array.from({ length: Math.max(0, Math.min(size, n - from + 1)) }, (_, i) => JSON.stringify({ id: from + i }));
  return items.length === 0 ? undefined : { items, cursor: from + items.length - 1 };
};

describe('jsonArrayStream', () => {
  it.each([0, 1, 3, 10, 11])('sends %i rows as one JSON array, in order', async (n) => {
    const body = await text(jsonArrayStream(rows(n, 3)));
    expect(JSON.parse(body)).toEqual(Array.from({ length: n }, (_, i) => ({ id: i + 1 })));
  });

  it('reads a chunk only when the reader wants more', async () => {
    let reads = 0;
    const stream = jsonArrayStream((after: number | undefined) => {
      reads++;
      return rows(1000, 10)(after);
    });
    expect(reads).toBe(0);
    const body = await text(stream);
    expect(JSON.parse(body)).toHaveLength(1000);
    expect(reads).toBe(101);
  });

  it('fails the stream when a chunk cannot be read', async () => {
    const stream = jsonArrayStream(() => {
      throw new Error('disk gone');
    });
    await expect(text(stream)).rejects.toThrow('disk gone');
  });
});

describe('jsonArrayOf', () => {
  it('streams the items of an iterator as one JSON array, reading them as the reader asks', async () => {
    let made = 0;
    function* numbers() {
      for (let i = 0; i < 1234; i++) {
        made++;
        yield i;
      }
    }
    const stream = jsonArrayOf(numbers(), (n) => JSON.stringify({ n }), 100);
    expect(made).toBe(0);
    const body = await text(stream);
    expect(JSON.parse(body)).toEqual(Array.from({ length: 1234 }, (_, n) => ({ n })));
  });

  it('sends [] for no items', async () => {
    expect(await text(jsonArrayOf([], String))).toBe('[]');
  });
});
