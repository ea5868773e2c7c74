import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Dataset, DatasetInput } from '../shared/datasets.ts';
import type { EvaluationResult, EvaluationType, evaluationDatasetSchema, Evaluation } from '../shared/evaluations.ts';
import { RESULT_STATUS } from '../shared/evaluations.ts';
import type { WireFilter } from '../shared/filters.ts';
import type { Gateway } from '../shared/gateways.ts';
import type { LogEntry, LogPatch } from '../shared/logs.ts';
import { newResourceId } from './ids.ts';
import { DROP_LOG_INDEXES, LOG_INDEXES, migrate } from './migrations.ts';

export type EvaluationDataset = z.infer<typeof evaluationDatasetSchema>;

/** A log as stored (times in ms, booleans as 0/1). Storage shape only; the wire shape is `LogEntry`. */
export interface StoredLog {
  id: string;
  gateway_id: string;
  created_at: number;
  provider: string;
  model: string;
  model_type: string | null;
  path: string;
  duration: number;
  success: 0 | 1;
  cached: 0 | 1;
  tokens_in: number | null;
  tokens_out: number | null;
  cost: number | null;
  request_content_type: string | null;
  response_content_type: string | null;
  request_type: string | null;
  status_code: number | null;
  metadata: string | null;
  feedback: -1 | 0 | 1;
  score: number | null;
}
export type StoredLogRow = StoredLog & { rid: number };

export const STORE_FILE_NAME = 'gateway.sqlite';

export interface Page<T> {
  items: T[];
  total: number;
}

const LOG_COLUMNS =
  'id, gateway_id, created_at, provider, model, model_type, path, duration, success, cached, tokens_in, tokens_out, cost, request_content_type, response_content_type, request_type, status_code, metadata, feedback, score';

const like = (text: string) => text.toLowerCase();

interface DatasetRow {
  id: string;
  gateway_id: string;
  name: string;
  enable: number;
  filters: string;
  created_at: string;
  modified_at: string;
}
interface EvaluationRow {
  id: string;
  gateway_id: string;
  name: string;
  processed: number;
  total_logs: number;
  datasets: string;
  created_at: string;
  modified_at: string;
}

const toDataset = (row: DatasetRow): Dataset => ({
  id: row.id,
  gateway_id: row.gateway_id,
  name: row.name,
  enable: row.enable === 1,
  filters: JSON.parse(row.filters) as WireFilter[],
  created_at: row.created_at,
  modified_at: row.modified_at,
});

/** Stored log → the wire log (spec fields, plus `feedback` and `score`, which the spec does not forbid). */
export function toWireLog(row: StoredLog): LogEntry {
  const log: LogEntry = {
    id: row.id,
    created_at: new Date(row.created_at).toISOString(),
    provider: row.provider,
    model: row.model,
    path: row.path,
    duration: row.duration,
    success: row.success === 1,
    cached: row.cached === 1,
    tokens_in: row.tokens_in,
    tokens_out: row.tokens_out,
    feedback: row.feedback,
  };
  if (row.cost !== null) log.cost = row.cost;
  if (row.model_type !== null) log.model_type = row.model_type;
  if (row.request_content_type !== null) log.request_content_type = row.request_content_type;
  if (row.response_content_type !== null) log.response_content_type = row.response_content_type;
  if (row.request_type !== null) log.request_type = row.request_type;
  if (row.status_code !== null) log.status_code = row.status_code;
  if (row.metadata !== null) log.metadata = row.metadata;
  if (row.score !== null) log.score = row.score;
  return log;
}

/**
 * The SQLite store: the source of truth. Every write is one transaction on a WAL database with
 * `synchronous = FULL`, so a write acknowledged to a client has reached the disk and survives `kill -9`.
 */
export class Store {
  readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, STORE_FILE_NAME));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.stmts = {
      metaGet: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      metaSet: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      gatewayGet: db.prepare<[string], Record<string, unknown>>('SELECT * FROM gateways WHERE id = ?'),
      gatewayInsert: db.prepare(
        `INSERT INTO gateways (id, created_at, modified_at, cache_invalidate_on_update, cache_ttl, collect_logs,
           rate_limiting_interval, rate_limiting_limit, rate_limiting_technique)
         VALUES (?, ?, ?, 0, 300, 1, 60, 100, 'fixed')`,
      ),
      datasetGet: db.prepare<[string, string], DatasetRow>('SELECT * FROM datasets WHERE gateway_id = ? AND id = ?'),
      datasetInsert: db.prepare(
        'INSERT INTO datasets (id, gateway_id, name, enable, filters, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      datasetUpdate: db.prepare('UPDATE datasets SET name = ?, enable = ?, filters = ?, modified_at = ? WHERE gateway_id = ? AND id = ?'),
      datasetDelete: db.prepare('DELETE FROM datasets WHERE gateway_id = ? AND id = ?'),
      evaluationGet: db.prepare<[string, string], EvaluationRow>('SELECT * FROM evaluations WHERE gateway_id = ? AND id = ?'),
      evaluationById: db.prepare<[string], EvaluationRow>('SELECT * FROM evaluations WHERE id = ?'),
      evaluationInsert: db.prepare(
        'INSERT INTO evaluations (id, gateway_id, name, processed, total_logs, datasets, created_at, modified_at) VALUES (?, ?, ?, 0, 0, ?, ?, ?)',
      ),
      evaluationDelete: db.prepare('DELETE FROM evaluations WHERE gateway_id = ? AND id = ?'),
      evaluationFinish: db.prepare('UPDATE evaluations SET processed = 1, total_logs = ?, modified_at = ? WHERE id = ? AND processed = 0'),
      evaluationUnprocessed: db.prepare<[], { id: string }>('SELECT id FROM evaluations WHERE processed = 0 ORDER BY seq'),
      resultsOf: db.prepare<[string], EvaluationResult>(
        `SELECT id, evaluation_id, evaluation_type_id, result, status, status_description, total_logs, created_at, modified_at
         FROM evaluation_results WHERE evaluation_id = ? ORDER BY position`,
      ),
      resultInsert: db.prepare(
        `INSERT INTO evaluation_results (id, evaluation_id, position, evaluation_type_id, result, status, status_description, total_logs, created_at, modified_at)
         VALUES (?, ?, ?, ?, '', ?, 'Pending', 0, ?, ?)`,
      ),
      resultFinish: db.prepare(
        'UPDATE evaluation_results SET result = ?, status = ?, status_description = ?, total_logs = ?, modified_at = ? WHERE id = ?',
      ),
      typeAll: db.prepare<[], Record<string, unknown>>('SELECT * FROM evaluation_types'),
      typeUpsert: db.prepare(
        `INSERT INTO evaluation_types (id, name, type, description, enable, mandatory, created_at, modified_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      ),
      logGet: db.prepare<[string, string], StoredLogRow>(`SELECT rid, ${LOG_COLUMNS} FROM logs WHERE gateway_id = ? AND id = ?`),
      logInsert: db.prepare(
        `INSERT INTO logs (${LOG_COLUMNS}) VALUES (@id, @gateway_id, @created_at, @provider, @model, @model_type, @path, @duration,
          @success, @cached, @tokens_in, @tokens_out, @cost, @request_content_type, @response_content_type, @request_type, @status_code,
          @metadata, @feedback, @score)`,
      ),
      logIdExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM logs WHERE id = ?'),
      logCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM logs WHERE gateway_id = ?'),
      generationGet: db.prepare<[string], { generation: number }>('SELECT generation FROM log_state WHERE gateway_id = ?'),
      generationBump: db.prepare(
        'INSERT INTO log_state (gateway_id, generation) VALUES (?, 1) ON CONFLICT(gateway_id) DO UPDATE SET generation = generation + 1',
      ),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ── meta ────────────────────────────────────────────────────────────────────────────────────────
  getMeta(key: string): string | undefined {
    return this.stmts.metaGet.get(key)?.value;
  }
  setMeta(key: string, value: string): void {
    this.db.transaction(() => this.stmts.metaSet.run(key, value))();
  }

  // ── gateways ────────────────────────────────────────────────────────────────────────────────────
  private toGateway(row: Record<string, unknown>): Gateway {
    return {
      id: row.id as string,
      created_at: row.created_at as string,
      modified_at: row.modified_at as string,
      cache_invalidate_on_update: row.cache_invalidate_on_update === 1,
      cache_ttl: row.cache_ttl as number | null,
      collect_logs: row.collect_logs === 1,
      rate_limiting_interval: row.rate_limiting_interval as number | null,
      rate_limiting_limit: row.rate_limiting_limit as number | null,
      rate_limiting_technique: row.rate_limiting_technique as string | null,
    };
  }
  createGateway(id: string, now = new Date().toISOString()): void {
    this.db.transaction(() => this.stmts.gatewayInsert.run(id, now, now))();
  }
  getGateway(id: string): Gateway | undefined {
    const row = this.stmts.gatewayGet.get(id);
    return row ? this.toGateway(row) : undefined;
  }
  listGateways(q: { page: number; per_page: number; search?: string | undefined }): Page<Gateway> {
    const where = q.search ? 'WHERE instr(lower(id), ?) > 0' : '';
    const params = q.search ? [like(q.search)] : [];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM gateways ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM gateways ${where} ORDER BY created_at, id LIMIT ? OFFSET ?`)
      .all(...params, q.per_page, (q.page - 1) * q.per_page) as Record<string, unknown>[];
    return { items: rows.map((r) => this.toGateway(r)), total };
  }
  gatewayIds(): string[] {
    return (this.db.prepare('SELECT id FROM gateways ORDER BY created_at, id').all() as { id: string }[]).map((r) => r.id);
  }

  // ── datasets ────────────────────────────────────────────────────────────────────────────────────
  getDataset(gatewayId: string, id: string): Dataset | undefined {
    const row = this.stmts.datasetGet.get(gatewayId, id);
    return row ? toDataset(row) : undefined;
  }
  /** Newest first. `name` is a case-insensitive substring; `search` matches the id exactly or name/filters as text. */
  listDatasets(
    gatewayId: string,
    q: { page: number; per_page: number; name?: string | undefined; enable?: boolean | undefined; search?: string | undefined },
  ): Page<Dataset> {
    const clauses = ['gateway_id = ?'];
    const params: (string | number)[] = [gatewayId];
    if (q.name !== undefined) {
      clauses.push('instr(lower(name), ?) > 0');
      params.push(like(q.name));
    }
    if (q.enable !== undefined) {
      clauses.push('enable = ?');
      params.push(q.enable ? 1 : 0);
    }
    if (q.search) {
      clauses.push('(id = ? OR instr(lower(name), ?) > 0 OR instr(lower(filters), ?) > 0)');
      params.push(q.search, like(q.search), like(q.search));
    }
    const where = clauses.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM datasets WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM datasets WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...params, q.per_page, (q.page - 1) * q.per_page) as DatasetRow[];
    return { items: rows.map(toDataset), total };
  }
  createDataset(gatewayId: string, input: DatasetInput): Dataset {
    const id = newResourceId();
    const now = new Date().toISOString();
    this.db.transaction(() =>
      this.stmts.datasetInsert.run(id, gatewayId, input.name, input.enable ? 1 : 0, JSON.stringify(input.filters), now, now),
    )();
    return this.getDataset(gatewayId, id)!;
  }
  /** Full replace of name, enable and filters; undefined when the dataset is not in this gateway. */
  replaceDataset(gatewayId: string, id: string, input: DatasetInput): Dataset | undefined {
    const now = new Date().toISOString();
    const changed = this.db.transaction(
      () =>
        this.stmts.datasetUpdate.run(input.name, input.enable ? 1 : 0, JSON.stringify(input.filters), now, gatewayId, id).changes,
    )();
    return changed ? this.getDataset(gatewayId, id) : undefined;
  }
  deleteDataset(gatewayId: string, id: string): Dataset | undefined {
    return this.db.transaction(() => {
      const existing = this.getDataset(gatewayId, id);
      if (existing) this.stmts.datasetDelete.run(gatewayId, id);
      return existing;
    })();
  }

  // ── evaluation types ────────────────────────────────────────────────────────────────────────────
  upsertEvaluationTypes(types: readonly EvaluationType[]): void {
    this.db.transaction(() => {
      for (const t of types)
        this.stmts.typeUpsert.run(t.id, t.name, t.type, t.description, t.enable ? 1 : 0, t.mandatory ? 1 : 0, t.created_at, t.modified_at);
    })();
  }
  evaluationTypes(): EvaluationType[] {
    return this.stmts.typeAll.all().map((r) => ({
      id: r.id as string,
      name: r.name as string,
      type: r.type as string,
      description: r.description as string,
      enable: r.enable === 1,
      mandatory: r.mandatory === 1,
      created_at: r.created_at as string,
      modified_at: r.modified_at as string,
    }));
  }

  // ── evaluations ─────────────────────────────────────────────────────────────────────────────────
  private toEvaluation(row: EvaluationRow): Evaluation {
    return {
      id: row.id,
      gateway_id: row.gateway_id,
      name: row.name,
      created_at: row.created_at,
      modified_at: row.modified_at,
      processed: row.processed === 1,
      total_logs: row.total_logs,
      datasets: JSON.parse(row.datasets) as EvaluationDataset[],
      results: this.stmts.resultsOf.all(row.id),
    };
  }
  getEvaluation(gatewayId: string, id: string): Evaluation | undefined {
    const row = this.stmts.evaluationGet.get(gatewayId, id);
    return row ? this.toEvaluation(row) : undefined;
  }
  getEvaluationById(id: string): Evaluation | undefined {
    const row = this.stmts.evaluationById.get(id);
    return row ? this.toEvaluation(row) : undefined;
  }
  listEvaluations(
    gatewayId: string,
    q: { page: number; per_page: number; name?: string | undefined; processed?: boolean | undefined; search?: string | undefined },
  ): Page<Evaluation> {
    const clauses = ['gateway_id = ?'];
    const params: (string | number)[] = [gatewayId];
    if (q.name !== undefined) {
      clauses.push('instr(lower(name), ?) > 0');
      params.push(like(q.name));
    }
    if (q.processed !== undefined) {
      clauses.push('processed = ?');
      params.push(q.processed ? 1 : 0);
    }
    if (q.search) {
      clauses.push('(id = ? OR instr(lower(name), ?) > 0)');
      params.push(q.search, like(q.search));
    }
    const where = clauses.join(' AND ');
    const total = (this.db.prepare(`SELECT count(*) AS n FROM evaluations WHERE ${where}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT * FROM evaluations WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...params, q.per_page, (q.page - 1) * q.per_page) as EvaluationRow[];
    return { items: rows.map((r) => this.toEvaluation(r)), total };
  }
  /** Creates an unprocessed evaluation with one pending result per evaluator, and the datasets as they are now. */
  createEvaluation(gatewayId: string, name: string, datasets: EvaluationDataset[], typeIds: readonly string[]): Evaluation {
    const id = newResourceId();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.stmts.evaluationInsert.run(id, gatewayId, name, JSON.stringify(datasets), now, now);
      typeIds.forEach((typeId, position) =>
        this.stmts.resultInsert.run(newResourceId(), id, position, typeId, RESULT_STATUS.pending, now, now),
      );
    })();
    return this.getEvaluation(gatewayId, id)!;
  }
  deleteEvaluation(gatewayId: string, id: string): Evaluation | undefined {
    return this.db.transaction(() => {
      const existing = this.getEvaluation(gatewayId, id);
      if (existing) this.stmts.evaluationDelete.run(gatewayId, id);
      return existing;
    })();
  }
  /** Writes every result and flips `processed` in one transaction, so a reader never sees half an evaluation. */
  finishEvaluation(
    id: string,
    totalLogs: number,
    results: { id: string; result: string; status: number; status_description: string; total_logs: number }[],
  ): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of results) this.stmts.resultFinish.run(r.result, r.status, r.status_description, r.total_logs, now, r.id);
      this.stmts.evaluationFinish.run(totalLogs, now, id);
    })();
  }
  unprocessedEvaluationIds(): string[] {
    return this.stmts.evaluationUnprocessed.all().map((r) => r.id);
  }

  // ── logs ────────────────────────────────────────────────────────────────────────────────────────
  getLog(gatewayId: string, id: string): StoredLogRow | undefined {
    return this.stmts.logGet.get(gatewayId, id);
  }
  /** Log ids are unique across gateways, as Cloudflare's are. */
  logIdExists(id: string): boolean {
    return this.stmts.logIdExists.get(id) !== undefined;
  }
  logCount(gatewayId: string): number {
    return this.stmts.logCount.get(gatewayId)!.n;
  }
  /** Fetches logs by rowid (one page of a list); the caller puts them in its order. */
  logsByRowid(rids: readonly number[]): StoredLogRow[] {
    if (rids.length === 0) return [];
    const marks = rids.map(() => '?').join(',');
    return this.db.prepare(`SELECT rid, ${LOG_COLUMNS} FROM logs WHERE rid IN (${marks})`).all(...rids) as StoredLogRow[];
  }
  /** A counter that moves with every log write of a gateway (see migrations). */
  logGeneration(gatewayId: string): number {
    return this.stmts.generationGet.get(gatewayId)?.generation ?? 0;
  }
  /** Changes when any other connection commits; cheap enough to ask on every request. */
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
  /**
   * Applies a PATCH in one transaction; `afterWrite` runs inside it, so the in-memory projection is
   * updated in the same code path that commits (if it throws, nothing is committed).
   */
  patchLog(gatewayId: string, id: string, patch: LogPatch, afterWrite?: (row: StoredLogRow) => void): StoredLogRow | undefined {
    return this.db.transaction(() => {
      const row = this.getLog(gatewayId, id);
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
      if (sets.length > 0) {
        this.db.prepare(`UPDATE logs SET ${sets.join(', ')} WHERE rid = ?`).run(...params, row.rid);
        this.stmts.generationBump.run(gatewayId);
        afterWrite?.(row);
      }
      return row;
    })();
  }
  /**
   * Inserts logs in one transaction (all or nothing). With `dropIndexes` the log indexes are dropped first
   * and rebuilt once at the end, which is several times faster for a bulk load of millions of rows.
   */
  insertLogs(logs: Iterable<StoredLog>, options: { dropIndexes?: boolean } = {}): number {
    return this.db.transaction(() => {
      if (options.dropIndexes) for (const sql of DROP_LOG_INDEXES) this.db.exec(sql);
      let n = 0;
      const gateways = new Set<string>();
      for (const log of logs) {
        this.stmts.logInsert.run(log);
        gateways.add(log.gateway_id);
        n++;
      }
      if (options.dropIndexes) for (const sql of LOG_INDEXES) this.db.exec(sql);
      for (const g of gateways) this.stmts.generationBump.run(g);
      return n;
    })();
  }
}
