/**
 * The writing side of activities: what a batch of ingest adds to the activities it touched,
 * the network nodes of a component that joined a device, and the whole table computed again
 * from the flows (for what was written without ingest). Each way gives the same rows: an
 * activity is its flows' first and last activity, count, stats, events and tags.
 */
import type { Micros } from '../domain/time.js';
import type { TagSet } from '../domain/types.js';
import type { Db } from './db.js';

/** Component rowids stay below 2^26: a pair of them is one number, exactly (a key for maps). */
const PAIR = 2 ** 26;

export function pairKey(left: number, right: number): number {
  if (left >= PAIR || right >= PAIR) throw new Error(`component rowids must stay below ${PAIR}`);
  return left * PAIR + right;
}

/** What a batch adds to the activity of a pair of components (left: the smaller id). */
export interface ActivityDelta {
  left: number;
  right: number;
  /** The pair's network nodes (a device rowid, or minus a component rowid), smaller first. */
  nodeA: number;
  nodeB: number;
  first: Micros;
  last: Micros;
  /** New flows, and packets, layer 2 bytes and events added to its flows. */
  flows: number;
  packets: number;
  bytes: number;
  events: number;
  tags: TagSet;
}

export function createActivityWrites(db: Db) {
  // A statement per activity, with positional parameters: measured faster here than one
  // statement unpacking a batch's activities with json_each (about 1.5 against 3 µs an update).
  const upsert = db.prepare(
    `INSERT INTO activity (left_component, right_component, node_a, node_b, first_activity, last_activity, flow_count,
       packets_count, bytes_count, events_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (left_component, right_component) DO UPDATE SET
       first_activity = min(first_activity, excluded.first_activity), last_activity = max(last_activity, excluded.last_activity),
       flow_count = flow_count + excluded.flow_count, packets_count = packets_count + excluded.packets_count,
       bytes_count = bytes_count + excluded.bytes_count, events_count = events_count + excluded.events_count
     RETURNING rowid`,
  ).pluck();
  // Most of what live traffic sends is known flows seen again: their activities only move on.
  const MOVE_ON = `UPDATE activity SET first_activity = min(first_activity, ?), last_activity = max(last_activity, ?),
    packets_count = packets_count + ?, bytes_count = bytes_count + ?, events_count = events_count + ?
    WHERE left_component = ? AND right_component = ?`;
  const moveOn = db.prepare(MOVE_ON);
  const moveOnTagged = db.prepare(`${MOVE_ON} RETURNING rowid`).pluck();
  // 'important' sorts before 'info': min() keeps an important tag important.
  const upsertTag = db.prepare(
    'INSERT INTO activity_tag (activity_rowid, tag, class) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET class = min(class, excluded.class)',
  );
  const rekey = db.prepare(
    `UPDATE activity SET node_a = min(x.nl, x.nr), node_b = max(x.nl, x.nr)
     FROM (SELECT a.rowid AS r, coalesce(l.device_rowid, -l.rowid) AS nl, coalesce(rc.device_rowid, -rc.rowid) AS nr
           FROM activity a JOIN component l ON l.rowid = a.left_component JOIN component rc ON rc.rowid = a.right_component
           WHERE a.left_component = @c OR a.right_component = @c) x
     WHERE activity.rowid = x.r`,
  );
  // Each flow with its pair of components (the smaller id on the left) and their nodes.
  const PAIRS = `SELECT f.rowid AS flow, iif(sc.id <= dc.id, f.src_component, f.dst_component) AS l,
      iif(sc.id <= dc.id, f.dst_component, f.src_component) AS r,
      coalesce(sc.device_rowid, -sc.rowid) AS ns, coalesce(dc.device_rowid, -dc.rowid) AS nd, f.first_seen, f.last_seen
    FROM flow f JOIN component sc ON sc.rowid = f.src_component JOIN component dc ON dc.rowid = f.dst_component`;
  const rebuild = [
    'DELETE FROM activity_tag',
    'DELETE FROM activity',
    // In the order of each pair's first flow: the order ingest makes them in.
    `INSERT INTO activity (left_component, right_component, node_a, node_b, first_activity, last_activity, flow_count,
       packets_count, bytes_count, events_count)
     WITH p AS (${PAIRS})
     SELECT p.l, p.r, min(p.ns, p.nd), max(p.ns, p.nd), min(p.first_seen), max(p.last_seen), count(*),
       coalesce(sum((SELECT sum(nb_packets) FROM flow_stats s WHERE s.flow_rowid = p.flow)), 0),
       coalesce(sum((SELECT sum(l2_bytes) FROM flow_stats s WHERE s.flow_rowid = p.flow)), 0),
       coalesce(sum(e.n), 0)
     FROM p LEFT JOIN (SELECT flow_rowid, count(*) AS n FROM event WHERE flow_rowid IS NOT NULL GROUP BY flow_rowid) e ON e.flow_rowid = p.flow
     GROUP BY p.l, p.r ORDER BY min(p.flow)`,
    `INSERT INTO activity_tag (activity_rowid, tag, class)
     WITH p AS (${PAIRS})
     SELECT a.rowid, t.tag, min(t.class) FROM p
     JOIN activity a ON a.left_component = p.l AND a.right_component = p.r
     JOIN flow_tag t ON t.flow_rowid = p.flow GROUP BY 1, 2`,
  ].map((sql) => db.prepare(sql));

  return {
    /** Adds a batch's deltas to their activities, making the new ones (in the order given). */
    applyDeltas(deltas: readonly ActivityDelta[]): void {
      for (const d of deltas) {
        let tagged = false;
        for (const _ in d.tags) {
          tagged = true;
          break;
        }
        let rowid: number | undefined;
        // An activity is made with its first flow: a delta without a new flow is for an existing one.
        if (d.flows > 0) rowid = upsert.get(d.left, d.right, d.nodeA, d.nodeB, d.first, d.last, d.flows, d.packets, d.bytes, d.events) as number;
        else if (tagged) rowid = moveOnTagged.get(d.first, d.last, d.packets, d.bytes, d.events, d.left, d.right) as number | undefined;
        else moveOn.run(d.first, d.last, d.packets, d.bytes, d.events, d.left, d.right);
        if (rowid !== undefined) for (const tag in d.tags) upsertTag.run(rowid, tag, d.tags[tag]);
      }
    },

    /** A component joined a device: its activities' network nodes follow. */
    rekey(componentRowid: number): void {
      rekey.run({ c: componentRowid });
    },

    /** Every activity computed again from the flows. */
    rebuild(): void {
      for (const stmt of rebuild) stmt.run();
    },
  };
}
