/** PCAP replays (API 3.0 /pcapReplays): the tus uploads, their chunks (bytes in order) and what the finished file was. */
import type { PcapReplay, PcapReplayStatus } from '../domain/pcap-replay.js';
import type { Micros } from '../domain/time.js';
import type { Db } from './db.js';

interface ReplayRow {
  id: string;
  tus_id: string;
  name: string;
  metadata_json: string;
  length: number;
  offset: number;
  created_time: number;
  uploaded_time: number | null;
  start_time: number | null;
  format: string;
  status: PcapReplayStatus;
  error: string;
}

const COLUMNS = 'id, tus_id, name, metadata_json, length, offset, created_time, uploaded_time, start_time, format, status, error';

const toReplay = (r: ReplayRow): PcapReplay => ({
  id: r.id,
  tusId: r.tus_id,
  name: r.name,
  metadata: JSON.parse(r.metadata_json) as Record<string, string>,
  length: r.length,
  offset: r.offset,
  createdTime: r.created_time,
  uploadedTime: r.uploaded_time,
  startTime: r.start_time,
  format: r.format,
  status: r.status,
  error: r.error,
});

export function createPcapReplayRepo(db: Db) {
  const all = db.prepare(`SELECT ${COLUMNS} FROM pcap_replay ORDER BY rowid`);
  const byTusId = db.prepare(`SELECT ${COLUMNS} FROM pcap_replay WHERE tus_id = ?`);
  const insertStmt = db.prepare(
    `INSERT INTO pcap_replay (id, tus_id, name, metadata_json, length, offset, created_time)
     VALUES (@id, @tusId, @name, @metadata, @length, 0, @createdTime)`,
  );
  const appendStmt = db.prepare('INSERT INTO pcap_chunk (replay_rowid, offset, data) SELECT rowid, @offset, @data FROM pcap_replay WHERE tus_id = @tusId');
  const moveStmt = db.prepare('UPDATE pcap_replay SET offset = @offset WHERE tus_id = @tusId');
  const finishStmt = db.prepare(
    'UPDATE pcap_replay SET uploaded_time = @uploadedTime, start_time = @startTime, format = @format, status = @status, error = @error WHERE tus_id = @tusId',
  );
  const chunks = db.prepare('SELECT c.data FROM pcap_chunk c JOIN pcap_replay p ON p.rowid = c.replay_rowid WHERE p.tus_id = ? ORDER BY c.offset').pluck();

  return {
    /** Every replay, the first uploaded first. */
    list(): PcapReplay[] {
      return (all.all() as ReplayRow[]).map(toReplay);
    },
    byTusId(tusId: string): PcapReplay | undefined {
      const row = byTusId.get(tusId) as ReplayRow | undefined;
      return row ? toReplay(row) : undefined;
    },
    insert(r: Pick<PcapReplay, 'id' | 'tusId' | 'name' | 'metadata' | 'length' | 'createdTime'>): void {
      insertStmt.run({ ...r, metadata: JSON.stringify(r.metadata) });
    },
    /** Adds the bytes at `offset` (the upload's offset now) and moves the offset past them. */
    append(tusId: string, offset: number, data: Buffer): void {
      if (data.length > 0) appendStmt.run({ tusId, offset, data });
      moveStmt.run({ tusId, offset: offset + data.length });
    },
    /** Every byte received, in order. */
    bytes(tusId: string): Buffer {
      return Buffer.concat(chunks.all(tusId) as Buffer[]);
    },
    /** What the finished file was. */
    finish(tusId: string, f: { uploadedTime: Micros; startTime: Micros | null; format: string; status: PcapReplayStatus; error: string }): void {
      finishStmt.run({ tusId, ...f });
    },
  };
}

export type PcapReplayRepo = ReturnType<typeof createPcapReplayRepo>;
