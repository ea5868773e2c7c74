import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Evaluation, EvaluationResult, evaluationDatasetSchema } from '../../shared/evaluations.ts';
import { RESULT_STATUS } from '../../shared/evaluations.ts';
import { newResourceId } from '../ids.ts';
import { deleteReturning, gatewayListWhere, selectPage, type Page } from './list-query.ts';

/** A dataset as an evaluation keeps it: a snapshot taken at create, with the account it belonged to. */
export type EvaluationDataset = z.infer<typeof evaluationDatasetSchema>;

/** What an evaluator computed, ready to store in its pending result. */
export interface FinishedResult {
  id: string;
  result: string;
  status: number;
  status_description: string;
  total_logs: number;
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

/**
 * Evaluations and their results. An evaluation is created unprocessed with one pending result per
 * evaluator; a job later fills every result and flips `processed` at once.
 */
export class EvaluationRepository {
  private readonly getStmt;
  private readonly byIdStmt;
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly finishStmt;
  private readonly unprocessedStmt;
  private readonly resultsOfStmt;
  private readonly resultInsertStmt;
  private readonly resultFinishStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare<[string, string], EvaluationRow>('SELECT * FROM evaluations WHERE gateway_id = ? AND id = ?');
    this.byIdStmt = db.prepare<[string], EvaluationRow>('SELECT * FROM evaluations WHERE id = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO evaluations (id, gateway_id, name, processed, total_logs, datasets, created_at, modified_at) VALUES (?, ?, ?, 0, 0, ?, ?, ?)',
    );
    this.deleteStmt = db.prepare('DELETE FROM evaluations WHERE gateway_id = ? AND id = ?');
    this.finishStmt = db.prepare('UPDATE evaluations SET processed = 1, total_logs = ?, modified_at = ? WHERE id = ? AND processed = 0');
    this.unprocessedStmt = db.prepare<[], { id: string }>('SELECT id FROM evaluations WHERE processed = 0 ORDER BY seq');
    this.resultsOfStmt = db.prepare<[string], EvaluationResult>(
      `SELECT id, evaluation_id, evaluation_type_id, result, status, status_description, total_logs, created_at, modified_at
       FROM evaluation_results WHERE evaluation_id = ? ORDER BY position`,
    );
    this.resultInsertStmt = db.prepare(
      `INSERT INTO evaluation_results (id, evaluation_id, position, evaluation_type_id, result, status, status_description, total_logs, created_at, modified_at)
       VALUES (?, ?, ?, ?, '', ?, 'Pending', 0, ?, ?)`,
    );
    this.resultFinishStmt = db.prepare(
      'UPDATE evaluation_results SET result = ?, status = ?, status_description = ?, total_logs = ?, modified_at = ? WHERE id = ?',
    );
  }

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
      results: this.resultsOfStmt.all(row.id),
    };
  }

  get(gatewayId: string, id: string): Evaluation | undefined {
    const row = this.getStmt.get(gatewayId, id);
    return row ? this.toEvaluation(row) : undefined;
  }

  /** By id alone, for the job runner, which is not answering for a gateway. */
  getById(id: string): Evaluation | undefined {
    const row = this.byIdStmt.get(id);
    return row ? this.toEvaluation(row) : undefined;
  }

  /** Newest first. `name` is a case-insensitive substring; `search` matches the id exactly or the name as text. */
  list(
    gatewayId: string,
    q: { page: number; per_page: number; name?: string | undefined; processed?: boolean | undefined; search?: string | undefined },
  ): Page<Evaluation> {
    const where = gatewayListWhere(gatewayId, q, { column: 'processed', value: q.processed }, ['name']);
    return selectPage(this.db, { table: 'evaluations', ...where, orderBy: 'seq DESC' }, q, (row: EvaluationRow) => this.toEvaluation(row));
  }

  /** Creates an unprocessed evaluation with one pending result per evaluator, and the datasets as they are now. */
  create(gatewayId: string, name: string, datasets: EvaluationDataset[], typeIds: readonly string[]): Evaluation {
    const id = newResourceId();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.insertStmt.run(id, gatewayId, name, JSON.stringify(datasets), now, now);
      typeIds.forEach((typeId, position) => this.resultInsertStmt.run(newResourceId(), id, position, typeId, RESULT_STATUS.pending, now, now));
    }).immediate();
    return this.get(gatewayId, id)!;
  }

  /** Answers the deleted evaluation, or undefined when it is not in this gateway. */
  delete(gatewayId: string, id: string): Evaluation | undefined {
    return deleteReturning(
      this.db,
      () => this.get(gatewayId, id),
      () => this.deleteStmt.run(gatewayId, id),
    );
  }

  /** Writes every result and flips `processed` in one transaction, so a reader never sees half an evaluation. */
  finish(id: string, totalLogs: number, results: readonly FinishedResult[]): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of results) this.resultFinishStmt.run(r.result, r.status, r.status_description, r.total_logs, now, r.id);
      this.finishStmt.run(totalLogs, now, id);
    }).immediate();
  }

  /** Oldest first, so resumed jobs run in the order they were asked for. */
  unprocessedIds(): string[] {
    return this.unprocessedStmt.all().map((r) => r.id);
  }
}
