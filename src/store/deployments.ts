/** Deployment keys (API 3.0 `/deployments`): reads, and the writes src/operations/deployments.ts makes. */
import type { Deployment } from '../domain/deployment.js';
import type { Db } from './db.js';
import { bool } from './sql.js';

interface DeploymentRow {
  id: string;
  name: string;
  enable: number;
  creation_time: number;
  expiration_time: number | null;
  max_usage_count: number;
  usage_count: number;
  last_status_success: number | null;
  last_status_error: string;
  last_status_time: number | null;
}

const COLUMNS = 'id, name, enable, creation_time, expiration_time, max_usage_count, usage_count, last_status_success, last_status_error, last_status_time';

const toDeployment = (r: DeploymentRow): Deployment => ({
  id: r.id,
  name: r.name,
  enable: bool(r.enable),
  creationTime: r.creation_time,
  expirationTime: r.expiration_time,
  maxUsageCount: r.max_usage_count,
  usageCount: r.usage_count,
  lastStatus: r.last_status_time === null ? null : { success: bool(r.last_status_success), error: r.last_status_error, time: r.last_status_time },
});

export function createDeploymentRepo(db: Db) {
  const all = db.prepare(`SELECT ${COLUMNS} FROM deployment ORDER BY rowid`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM deployment WHERE id = ?`);
  const byName = db.prepare(`SELECT ${COLUMNS} FROM deployment WHERE name = ? COLLATE NOCASE`);
  const insertStmt = db.prepare(
    `INSERT INTO deployment (id, name, enable, creation_time, expiration_time, max_usage_count, usage_count,
       last_status_success, last_status_error, last_status_time)
     VALUES (@id, @name, @enable, @creationTime, @expirationTime, @maxUsageCount, @usageCount, @success, @error, @time)`,
  );
  const updateStmt = db.prepare(
    `UPDATE deployment SET name = @name, enable = @enable, expiration_time = @expirationTime, max_usage_count = @maxUsageCount,
       usage_count = @usageCount, last_status_success = @success, last_status_error = @error, last_status_time = @time
     WHERE id = @id`,
  );
  const deleteStmt = db.prepare('DELETE FROM deployment WHERE id = ?');
  const params = (d: Deployment) => ({
    ...d,
    enable: d.enable ? 1 : 0,
    success: d.lastStatus === null ? null : d.lastStatus.success ? 1 : 0,
    error: d.lastStatus?.error ?? '',
    time: d.lastStatus?.time ?? null,
  });

  return {
    /** In the order they were created. */
    list(): Deployment[] {
      return (all.all() as DeploymentRow[]).map(toDeployment);
    },
    get(id: string): Deployment | undefined {
      const row = byId.get(id) as DeploymentRow | undefined;
      return row ? toDeployment(row) : undefined;
    },
    /** The deployment of this name, compared without case (names are unique so). */
    withName(name: string): Deployment | undefined {
      const row = byName.get(name) as DeploymentRow | undefined;
      return row ? toDeployment(row) : undefined;
    },
    insert(d: Deployment): void {
      const { lastStatus: _, ...rest } = params(d);
      insertStmt.run(rest);
    },
    /** Replaces its fields (the id and creation time stay); false when it is unknown. */
    update(d: Deployment): boolean {
      const { lastStatus: _, creationTime: __, ...rest } = params(d);
      return updateStmt.run(rest).changes > 0;
    },
    remove(id: string): boolean {
      return deleteStmt.run(id).changes > 0;
    },
  };
}

export type DeploymentRepo = ReturnType<typeof createDeploymentRepo>;
