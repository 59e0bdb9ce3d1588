/**
 * A list answered as a stream: a JSON array sent a chunk of rows at a time, so that a list of
 * every row of a large world (3.0 lists without paging) never sits whole in memory. Each chunk is
 * read when the socket wants more, and other requests run between chunks.
 */
import { Readable } from 'node:stream';

/** The next chunk after `cursor` (undefined: the first): the rows' JSON texts and where the chunk ended. */
export type ChunkReader<C> = (cursor: C | undefined) => { items: string[]; cursor: C } | undefined;

export function jsonArrayStream<C>(next: ChunkReader<C>): Readable {
  let cursor: C | undefined;
  let started = false;
  let done = false;
  return new Readable({
    read() {
      if (done) return;
      try {
        const chunk = next(cursor);
        if (!chunk || chunk.items.length === 0) {
          done = true;
          this.push(started ? ']' : '[]');
          this.push(null);
          return;
        }
        cursor = chunk.cursor;
        this.push(`${started ? ',' : '['}${chunk.items.join(',')}`);
        started = true;
      } catch (err) {
        this.destroy(err as Error);
      }
    },
  });
}

/** The items of an iterator (read as the socket wants them, `chunk` at a time), as a streamed JSON array. */
export function jsonArrayOf<T>(items: Iterable<T>, toJson: (item: T) => string, chunk = 500): Readable {
  const it = items[Symbol.iterator]();
  return jsonArrayStream<true>(() => {
    const texts: string[] = [];
    for (let n = 0; n < chunk; n++) {
      const next = it.next();
      if (next.done) break;
      texts.push(toJson(next.value));
    }
    return texts.length === 0 ? undefined : { items: texts, cursor: true };
  });
}
