/**
 * Activities as GET /activities shows them (Cisco's Activity), their end components read once
 * for a whole chunk: the activity lists of the Center, of a device and of a baseline share it.
 */
import type { Activity } from '../../domain/activities.js';
import type { Component } from '../../domain/types.js';
import type { Store } from '../../store/store.js';
import type { ActivitySchema } from './schemas/activities.js';
import { activity } from './serialize/activities.js';
import type { Lookups, Wire } from './serialize/common.js';

export function activityRows(store: Store, chunk: readonly Activity[], l: Lookups): Wire<typeof ActivitySchema>[] {
  const ends = store.componentViews.byIds(chunk.flatMap((a) => [a.leftId, a.rightId]));
  return chunk.map((a) => activity(a, ends.get(a.leftId) as Component, ends.get(a.rightId) as Component, l));
}
