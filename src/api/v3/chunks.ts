/**
 * Rows completed a chunk at a time: what a page of rows needs from elsewhere (the components at
 * the ends of activities) is read once per chunk, never once per row, and an unpaged list stays
 * lazy (src/api/v3/answer.ts streams it).
 */
export function* inChunks<T, U>(rows: Iterable<T>, complete: (chunk: T[]) => U[], size = 500): Generator<U> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield* complete(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield* complete(chunk);
}
