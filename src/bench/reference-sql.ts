import Database from 'better-sqlite3';
import type { BenchFilter } from './filter-set.ts';

export interface EvaluationAggregates {
  /** Distinct logs in the union of the datasets. */
  n: number;
  /** Logs that have a cost (what the cost evaluator averages over). */
  nCost: number;
  avgCost: number | null;
  avgDuration: number | null;
  /** Logs rated 👍, and rated at all (👍 or 👎). */
  up: number;
  rated: number;
}

/**
 * What a plain row store gives: hand-written SQL on the gateway's own SQLite file (its own indexes),
 * opened read-only in the bench process while the server keeps running.
 */
export class SqlReference {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  count(gatewayId: string, f: BenchFilter): number {
    const row = this.db.prepare(`SELECT count(*) AS n FROM logs WHERE gateway_id = ? AND ${f.sql}`).get(gatewayId, ...f.params);
    return (row as { n: number }).n;
  }

  /** The three evaluators' aggregates over the union of two datasets, in one scan. */
  evaluation(gatewayId: string, a: BenchFilter, b: BenchFilter): EvaluationAggregates {
    const row = this.db
      .prepare(
        `SELECT count(*) AS n, count(cost) AS nCost, avg(cost) AS avgCost, avg(duration) AS avgDuration,
                coalesce(sum(feedback = 1), 0) AS up, coalesce(sum(feedback <> 0), 0) AS rated
         FROM logs WHERE gateway_id = ? AND ((${a.sql}) OR (${b.sql}))`,
      )
      .get(gatewayId, ...a.params, ...b.params);
    return row as EvaluationAggregates;
  }

  close(): void {
    this.db.close();
  }
}
