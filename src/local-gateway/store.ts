import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from './migrations.ts';
import { DatasetRepository } from './store/datasets.ts';
import { EvaluationTypeRepository } from './store/evaluation-types.ts';
import { EvaluationRepository } from './store/evaluations.ts';
import { GatewayRepository } from './store/gateways.ts';
import { LogBodyRepository } from './store/log-bodies.ts';
import { LogRepository } from './store/logs.ts';
import { MetaRepository } from './store/meta.ts';
import { registerFoldCase } from './filter-values.ts';

/** The database file inside the data directory (its WAL files sit beside it). */
export const STORE_FILE_NAME = 'gateway.sqlite';

/**
 * The SQLite store: the source of truth. Every write is one transaction on a WAL database with
 * `synchronous = FULL`, so a write acknowledged to a client has reached the disk and survives `kill -9`.
 * Each resource has its repository; `db` is open for transactions that span several of them (a
 * repository's own transaction then becomes a savepoint of the outer one).
 *
 * Write transactions begin IMMEDIATE (`db.transaction(fn).immediate()`): they take the write lock first,
 * so a lock held by another process is waited for (busy_timeout). A deferred one that reads first would
 * fail at once with SQLITE_BUSY when it upgrades to a writer. Read-only transactions stay deferred.
 */
export class Store {
  readonly db: Database.Database;
  /** The data directory (derived files such as saved projections sit beside the database). */
  readonly dataDir: string;
  readonly meta: MetaRepository;
  readonly gateways: GatewayRepository;
  readonly datasets: DatasetRepository;
  readonly evaluationTypes: EvaluationTypeRepository;
  readonly evaluations: EvaluationRepository;
  readonly logs: LogRepository;
  readonly logBodies: LogBodyRepository;
  /** Asked on every request (see dataVersion); `db.pragma()` would prepare it anew each time. */
  private readonly dataVersionStmt: Database.Statement<[], number>;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.db = new Database(join(dataDir, STORE_FILE_NAME));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Another process (the CLI) may hold the write lock for a moment; wait for it rather than fail.
    this.db.pragma('busy_timeout = 5000');
    // Case folding over all of Unicode for name searches and log `contains` (SQLite's lower() folds A–Z only).
    registerFoldCase(this.db);
    migrate(this.db);
    this.meta = new MetaRepository(this.db);
    this.gateways = new GatewayRepository(this.db);
    this.datasets = new DatasetRepository(this.db);
    this.evaluationTypes = new EvaluationTypeRepository(this.db);
    this.evaluations = new EvaluationRepository(this.db);
    this.logs = new LogRepository(this.db);
    this.logBodies = new LogBodyRepository(this.db);
    this.dataVersionStmt = this.db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Changes when any other connection commits; cheap enough to ask on every request. */
  dataVersion(): number {
    return this.dataVersionStmt.get()!;
  }
}
