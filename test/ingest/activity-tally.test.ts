import { describe, expect, it } from 'vitest';
import { ActivityTally } from '../../src/ingest/activity-tally.js';
import type { ActivityDelta } from '../../src/store/activities.js';

const delta = (over: Partial<ActivityDelta>): ActivityDelta => ({
  left: 1, right: 2, nodeA: 0, nodeB: 0, first: 100, last: 100, flows: 0, packets: 0, bytes: 0, events: 0, tags: {}, ...over,
});

describe('ActivityTally', () => {
  it('sums the deltas of a pair: earliest first, latest last, counts added, tags united with important winning', () => {
    const t = new ActivityTally();
    t.add(delta({ first: 50, last: 60, flows: 1, packets: 3, bytes: 300, tags: { S7: 'info', STOP_CPU: 'info' } }));
    t.add(delta({ first: 40, last: 90, flows: 2, packets: 1, bytes: 60, events: 1, tags: { STOP_CPU: 'important' } }));
    t.add(delta({ first: 70, last: 80, tags: { STOP_CPU: 'info', MODBUS: 'info' } }));
    const [chunk] = [...t.deltas((c) => -c, 10)];
    expect(chunk).toEqual([
      { left: 1, right: 2, nodeA: -2, nodeB: -1, first: 40, last: 90, flows: 3, packets: 4, bytes: 360, events: 1, tags: { S7: 'info', STOP_CPU: 'important', MODBUS: 'info' } },
    ]);
  });

  it('keeps pairs apart, in the order they came, and hands them out in chunks with their nodes', () => {
    const t = new ActivityTally();
    for (let i = 0; i < 2500; i++) t.add(delta({ left: 1 + (i % 5), right: 10 + i, flows: 1 }));
    expect(t.size).toBe(2500);
    const chunks = [...t.deltas((c) => (c < 10 ? 100 + c : -c), 1000)];
    expect(chunks.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(chunks[0]?.[0]).toMatchObject({ left: 1, right: 10, nodeA: -10, nodeB: 101 });
    expect(chunks[2]?.at(-1)).toMatchObject({ left: 5, right: 2509 });
  });
});
