/**
 * The counters of 3.0's dashboard widgets (Cisco's "Dashboard"): events by severity and by
 * category, the most severe of them, and activities by protocol tag. Each is one grouped
 * statement: the `large` world has a million flows.
 */
import type { Micros } from '../domain/time.js';
import { SEVERITIES, type EventCategory, type Severity } from '../domain/vocabulary.js';
import type { Db } from './db.js';

/** An event as a widget lists it. */
export interface EventOverview {
  id: string;
  creationTime: Micros;
  severity: Severity;
  category: EventCategory;
  shortMessage: string;
}

/** A protocol tag and the activities that carry it. */
export interface ProtocolCount {
  tag: string;
  label: string;
  count: number;
}

// Very High first.
const SEVERITY_RANK = `CASE severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE ${SEVERITIES.length} END`;

export function createDashboardCountRepo(db: Db) {
  const bySeverity = db.prepare('SELECT severity AS k, count(*) AS n FROM event GROUP BY severity');
  const byCategory = db.prepare('SELECT category AS k, count(*) AS n FROM event GROUP BY category');
  const mostSevere = db.prepare(
    `SELECT id, creation_time, severity, category, short_message FROM event ORDER BY ${SEVERITY_RANK}, creation_time DESC, rowid DESC LIMIT ?`,
  );
  const protocols = db.prepare(
    `SELECT t.tag, g.label, count(*) AS count FROM activity_tag t JOIN tag g ON g.key = t.tag
     WHERE g.category = 'Protocol' GROUP BY t.tag ORDER BY count DESC, t.tag`,
  );
  // No index on flow.sensor_id: one pass over the flows active in the window (flow_last_seen).
  const sensorTraffic = db.prepare(
    `SELECT coalesce(sum((SELECT sum(s.nb_packets) FROM flow_stats s WHERE s.flow_rowid = f.rowid)), 0) AS packets
     FROM flow f WHERE f.sensor_id = ? AND f.last_seen >= ? AND f.first_seen <= ?`,
  );
  const counts = (rows: { k: string; n: number }[]) => new Map(rows.map((r) => [r.k, r.n]));

  return {
    /** How many events of each severity (absent: none). */
    eventsBySeverity(): Map<string, number> {
      return counts(bySeverity.all() as { k: string; n: number }[]);
    },

    /** How many events of each category (absent: none). */
    eventsByCategory(): Map<string, number> {
      return counts(byCategory.all() as { k: string; n: number }[]);
    },

    /** The `limit` most severe events, the latest first within a severity. */
    mostSevereEvents(limit: number): EventOverview[] {
      return (mostSevere.all(limit) as { id: string; creation_time: number; severity: Severity; category: EventCategory; short_message: string }[]).map((r) => ({
        id: r.id,
        creationTime: r.creation_time,
        severity: r.severity,
        category: r.category,
        shortMessage: r.short_message,
      }));
    },

    /** The packets (both directions) of the flows a sensor captured that were active between `from` and `to` (µs, both included). */
    sensorTraffic(sensorId: string, from: Micros, to: Micros): { packets: number } {
      return sensorTraffic.get(sensorId, from, to) as { packets: number };
    },

    /** The protocol tags of the activities (category Protocol), each with how many activities carry it; most first. */
    activitiesByProtocol(): ProtocolCount[] {
      return protocols.all() as ProtocolCount[];
    },
  };
}

export type DashboardCountRepo = ReturnType<typeof createDashboardCountRepo>;
