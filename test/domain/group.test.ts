import { describe, expect, it } from 'vitest';
import { type GroupSummary, ancestorsOf } from '../../src/domain/group.js';

const summary = (id: string, parentId: string | null): GroupSummary => ({
  id,
  creationTime: 0,
  label: `Group ${id}`,
  description: '',
  comments: '',
  color: '#d62b2b',
  criticalness: 4,
  locked: false,
  parentId,
  groupIds: [],
  centerId: null,
  userProperties: [],
});
const map = (...groups: GroupSummary[]) => new Map(groups.map((g) => [g.id, g]));

describe('ancestorsOf', () => {
  it('walks up from the parent, counting the depth', () => {
    const groups = map(summary('a', null), summary('b', 'a'), summary('c', 'b'));
    expect(ancestorsOf('c', groups).map((x) => [x.group.id, x.depth])).toEqual([['b', 1], ['a', 2]]);
    expect(ancestorsOf('b', groups)).toEqual([{ group: groups.get('a'), depth: 1 }]);
    expect(ancestorsOf('a', groups)).toEqual([]);
    expect(ancestorsOf('z', groups)).toEqual([]);
  });

  it('stops at a parent it does not know, and at a cycle', () => {
    expect(ancestorsOf('c', map(summary('b', 'gone'), summary('c', 'b'))).map((x) => x.group.id)).toEqual(['b']);
    expect(ancestorsOf('c', map(summary('a', 'c'), summary('b', 'a'), summary('c', 'b'))).map((x) => x.group.id)).toEqual(['b', 'a']);
    expect(ancestorsOf('a', map(summary('a', 'a')))).toEqual([]);
  });
});
