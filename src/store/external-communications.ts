/**
 * External communications (API 3.0): the flows between a component of the site and one at a
 * public address, per network node. Ingest records them as it makes flows; the world build
 * finds them once, at its end. Reads take and return ids.
 */
import type { ExternalCommunication } from '../domain/external-communications.js';
import { isPublicIp } from '../domain/network.js';
import type { Db } from './db.js';

interface Row {
  id: string;
  src_component: number;
  internal_component: number;
  internal_id: string;
  external_id: string;
  internal_ip: string | null;
  external_ip: string | null;
  external_name: string | null;
  last_seen: number;
  protocol: string | null;
  protocol_tag: string | null;
  dst_port: number | null;
  c2s: number;
  s2c: number;
  sni: string | null;
  http_host: string | null;
}

const SELECT = `SELECT f.id, f.src_component, x.internal_component, i.id AS internal_id, e.id AS external_id, i.ip AS internal_ip,
    e.ip AS external_ip, e.name AS external_name, f.last_seen, f.protocol, f.dst_port,
    (SELECT t.label FROM flow_tag ft JOIN tag t ON t.key = ft.tag WHERE ft.flow_rowid = f.rowid AND t.category = 'Protocol'
     ORDER BY ft.tag LIMIT 1) AS protocol_tag,
    coalesce((SELECT l2_bytes FROM flow_stats s WHERE s.flow_rowid = f.rowid AND s.position = 0), 0) AS c2s,
    coalesce((SELECT l2_bytes FROM flow_stats s WHERE s.flow_rowid = f.rowid AND s.position = 1), 0) AS s2c,
    (SELECT value FROM flow_prop p WHERE p.flow_rowid = f.rowid AND p.name = 'tls-server-name') AS sni,
    (SELECT value FROM flow_prop p WHERE p.flow_rowid = f.rowid AND p.name = 'http-host') AS http_host
  FROM external_communication x JOIN flow f ON f.rowid = x.flow_rowid
  JOIN component i ON i.rowid = x.internal_component JOIN component e ON e.rowid = x.external_component`;

function toCommunication(r: Row): ExternalCommunication {
  const outgoing = r.src_component === r.internal_component;
  return {
    id: r.id,
    direction: outgoing ? 'outgoing' : 'incoming',
    internalComponentId: r.internal_id,
    externalComponentId: r.external_id,
    internalIp: r.internal_ip ?? '',
    externalIp: r.external_ip ?? '',
    hostname: r.sni ?? r.http_host ?? '',
    lastSeen: r.last_seen,
    protocol: r.protocol_tag ?? r.protocol ?? '',
    sentBytes: outgoing ? r.c2s : r.s2c,
    receivedBytes: outgoing ? r.s2c : r.c2s,
    serverPort: r.dst_port,
  };
}

export function createExternalCommunicationRepo(db: Db) {
  const ofComponent = db.prepare(
    `${SELECT} WHERE x.flow_rowid IN (
       SELECT flow_rowid FROM external_communication WHERE internal_component = (SELECT rowid FROM component WHERE id = @id)
       UNION SELECT flow_rowid FROM external_communication WHERE external_component = (SELECT rowid FROM component WHERE id = @id))
     ORDER BY f.last_seen DESC, f.rowid DESC`,
  );
  const ofDevice = db.prepare(
    `${SELECT} WHERE x.flow_rowid IN (
       SELECT flow_rowid FROM external_communication WHERE internal_component IN (SELECT c.rowid FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE d.id = @id)
       UNION SELECT flow_rowid FROM external_communication WHERE external_component IN (SELECT c.rowid FROM component c JOIN device d ON d.rowid = c.device_rowid WHERE d.id = @id))
     ORDER BY f.last_seen DESC, f.rowid DESC`,
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO external_communication (flow_rowid, internal_component, external_component)
     SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`,
  );
  const countStmt = db.prepare('SELECT count(*) FROM external_communication').pluck();
  const addressed = db.prepare('SELECT rowid, ip FROM component WHERE ip IS NOT NULL');
  const clear = db.prepare('DELETE FROM external_communication');
  const PUBLIC = '(SELECT value FROM json_each(@public))';
  const rebuild = db.prepare(
    `INSERT INTO external_communication (flow_rowid, internal_component, external_component)
     SELECT rowid, src_component, dst_component FROM flow WHERE dst_component IN ${PUBLIC} AND src_component NOT IN ${PUBLIC}
     UNION ALL SELECT rowid, dst_component, src_component FROM flow WHERE src_component IN ${PUBLIC} AND dst_component NOT IN ${PUBLIC}
     ORDER BY 1`,
  );

  return {
    /** The external communications of a component (of the site, or at a public address), the latest first. */
    ofComponent(componentId: string): ExternalCommunication[] {
      return (ofComponent.all({ id: componentId }) as Row[]).map(toCommunication);
    },

    /** The external communications of a device's components, the latest first. */
    ofDevice(deviceId: string): ExternalCommunication[] {
      return (ofDevice.all({ id: deviceId }) as Row[]).map(toCommunication);
    },

    count(): number {
      return countStmt.get() as number;
    },

    /** Records new flows that reach a public address (ingest). */
    record(rows: readonly { flowRowid: number; internal: number; external: number }[]): void {
      if (rows.length > 0) insert.run(JSON.stringify(rows.map((r) => [r.flowRowid, r.internal, r.external])));
    },

    /** Finds them all again (the world build, at its end). */
    rebuild(): void {
      const withIp = addressed.all() as { rowid: number; ip: string }[];
      clear.run();
      rebuild.run({ public: JSON.stringify(withIp.filter((c) => isPublicIp(c.ip)).map((c) => c.rowid)) });
    },
  };
}

export type ExternalCommunicationRepo = ReturnType<typeof createExternalCommunicationRepo>;
