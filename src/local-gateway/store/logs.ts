import type Database from 'better-sqlite3';
import type { LogPatch } from '../../shared/logs.ts';
import { cachedStatement } from './statements.ts';
import { DROP_LOG_INDEXES, LOG_INDEXES } from '../migrations.ts';
import { INT32_LOG_FIELDS, LOG_COLUMNS, MAX_LOG_COUNT, type StoredLog, type StoredLogRow } from './log-rows.ts';

/**
 * Logs of every gateway. Lists are answered by the columnar projection, which hands back rowids; this
 * repository fetches those rows, applies PATCHes and bulk inserts. Every write moves the gateway's log
 * generation, which is how another process's projection notices it is stale.
 */
export class LogRepository {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly idExistsStmt;
  private readonly countStmt;
  private readonly generationGetStmt;
  private readonly generationBumpStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare<[string, string], StoredLogRow>(`SELECT rid, ${LOG_COLUMNS} FROM logs WHERE gateway_id = ? AND id = ?`);
    // Positional parameters: binding 20 values by name costs about a third of a bulk insert's CPU.
    this.insertStmt = db.prepare(`INSERT INTO logs (${LOG_COLUMNS}) VALUES (${LOG_COLUMNS.split(',').map(() => '?').join(', ')})`);
    this.idExistsStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM logs WHERE id = ?');
    this.countStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM logs WHERE gateway_id = ?');
    this.generationGetStmt = db.prepare<[string], { generation: number }>('SELECT generation FROM log_state WHERE gateway_id = ?');
    this.generationBumpStmt = db.prepare(
      'INSERT INTO log_state (gateway_id, generation) VALUES (?, 1) ON CONFLICT(gateway_id) DO UPDATE SET generation = generation + 1',
    );
  }

  get(gatewayId: string, id: string): StoredLogRow | undefined {
    return this.getStmt.get(gatewayId, id);
  }

  /** Log ids are unique across gateways, as Cloudflare's are. */
  idExists(id: string): boolean {
    return this.idExistsStmt.get(id) !== undefined;
  }

  count(gatewayId: string): number {
    return this.countStmt.get(gatewayId)!.n;
  }

  /** Fetches logs by rowid (one page of a list); the caller puts them in its order. */
  byRowid(rids: readonly number[]): StoredLogRow[] {
    if (rids.length === 0) return [];
    const marks = rids.map(() => '?').join(',');
    return cachedStatement(this.db, `SELECT rid, ${LOG_COLUMNS} FROM logs WHERE rid IN (${marks})`).all(...rids) as StoredLogRow[];
  }

  /** A counter that moves with every log write of a gateway (see migrations). */
  generation(gatewayId: string): number {
    return this.generationGetStmt.get(gatewayId)?.generation ?? 0;
  }

  /**
   * Applies a PATCH in one transaction; `afterWrite` runs inside it, so the in-memory projection is
   * updated in the same code path that commits (if it throws, nothing is committed). It is told the
   * generation as it was just before this write's bump: another process may have committed since the
   * caller last looked, and only the caller can tell whether its projection already includes that.
   */
  patch(
    gatewayId: string,
    id: string,
    patch: LogPatch,
    afterWrite?: (row: StoredLogRow, generationBefore: number) => void,
  ): StoredLogRow | undefined {
    // IMMEDIATE: this reads, then writes. A deferred transaction would start as a reader, and in WAL mode
    // its upgrade to a writer fails at once with SQLITE_BUSY while another connection writes (busy_timeout
    // does not apply to an upgrade), or with SQLITE_BUSY_SNAPSHOT if that one commits in between.
    return this.db.transaction(() => {
      const row = this.get(gatewayId, id);
      if (!row) return undefined;
      const sets: string[] = [];
      const params: (string | number | null)[] = [];
      if (patch.feedback !== undefined) {
        sets.push('feedback = ?');
        params.push(patch.feedback ?? 0);
        row.feedback = patch.feedback ?? 0;
      }
      if (patch.score !== undefined) {
        sets.push('score = ?');
        params.push(patch.score);
        row.score = patch.score;
      }
      if (patch.metadata !== undefined) {
        row.metadata = patch.metadata === null ? null : JSON.stringify(patch.metadata);
        sets.push('metadata = ?');
        params.push(row.metadata);
      }
      // An empty PATCH writes nothing, so it neither moves the generation nor touches the projection.
      if (sets.length > 0) {
        cachedStatement(this.db, `UPDATE logs SET ${sets.join(', ')} WHERE rid = ?`).run(...params, row.rid);
        const generationBefore = this.generation(gatewayId);
        this.generationBumpStmt.run(gatewayId);
        afterWrite?.(row, generationBefore);
      }
      return row;
    }).immediate();
  }

  /**
   * Inserts logs in one transaction (all or nothing). With `dropIndexes` the log indexes are dropped first
   * and rebuilt once at the end, which is several times faster for a bulk load of millions of rows.
   */
  insert(logs: Iterable<StoredLog>, options: { dropIndexes?: boolean } = {}): number {
    // A bulk load builds its indexes in one sort each: a larger page cache for it keeps that sort in memory.
    const cacheSize = options.dropIndexes ? (this.db.pragma('cache_size', { simple: true }) as number) : undefined;
    if (cacheSize !== undefined) this.db.pragma(`cache_size = ${BULK_CACHE_SIZE}`);
    try {
      return this.db.transaction(() => {
        if (options.dropIndexes) for (const sql of DROP_LOG_INDEXES) this.db.exec(sql);
        let n = 0;
        const gateways = new Set<string>();
        for (const log of logs) {
          checkInt32Fields(log);
          this.insertStmt.run(
            log.id, log.gateway_id, log.created_at, log.provider, log.model, log.model_type, log.path, log.duration, log.success, log.cached,
            log.tokens_in, log.tokens_out, log.cost, log.request_content_type, log.response_content_type, log.request_type, log.status_code,
            log.metadata, log.feedback, log.score,
          );
          gateways.add(log.gateway_id);
          n++;
        }
        if (options.dropIndexes) for (const sql of LOG_INDEXES) this.db.exec(sql);
        for (const g of gateways) this.generationBumpStmt.run(g);
        return n;
      }).immediate();
    } finally {
      if (cacheSize !== undefined) this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }
}

/** Page cache of a bulk load, in KiB (negative: SQLite's unit for a size rather than a page count). */
const BULK_CACHE_SIZE = -262_144;

/**
 * Refuses a log the projection could not hold. Every writer (import, seed) goes through insert; the import
 * checks the same bound first to name the line. Throwing inside the insert's transaction stores no log.
 */
function checkInt32Fields(log: StoredLog): void {
  for (const field of INT32_LOG_FIELDS) {
    const value = log[field];
    if (value !== null && value > MAX_LOG_COUNT) {
      throw new RangeError(`log ${log.id}: ${field} must be at most ${MAX_LOG_COUNT} (got ${value})`);
    }
  }
}
