import type Database from 'better-sqlite3';
import type { Dataset, DatasetInput } from '../../shared/datasets.ts';
import type { WireFilter } from '../../shared/filters.ts';
import { newResourceId } from '../ids.ts';
import { deleteReturning, gatewayListWhere, selectPage, type Page } from './list-query.ts';

interface DatasetRow {
  id: string;
  gateway_id: string;
  name: string;
  enable: number;
  filters: string;
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

/** Datasets, always addressed within their gateway: an id from another gateway is not found. */
export class DatasetRepository {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare<[string, string], DatasetRow>('SELECT * FROM datasets WHERE gateway_id = ? AND id = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO datasets (id, gateway_id, name, enable, filters, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.updateStmt = db.prepare('UPDATE datasets SET name = ?, enable = ?, filters = ?, modified_at = ? WHERE gateway_id = ? AND id = ?');
    this.deleteStmt = db.prepare('DELETE FROM datasets WHERE gateway_id = ? AND id = ?');
  }

  get(gatewayId: string, id: string): Dataset | undefined {
    const row = this.getStmt.get(gatewayId, id);
    return row ? toDataset(row) : undefined;
  }

  /** Newest first. `name` is a case-insensitive substring; `search` matches the id exactly or name/filters as text. */
  list(
    gatewayId: string,
    q: { page: number; per_page: number; name?: string | undefined; enable?: boolean | undefined; search?: string | undefined },
  ): Page<Dataset> {
    const where = gatewayListWhere(gatewayId, q, { column: 'enable', value: q.enable }, ['name', 'filters']);
    return selectPage(this.db, { table: 'datasets', ...where, orderBy: 'seq DESC' }, q, toDataset);
  }

  create(gatewayId: string, input: DatasetInput): Dataset {
    const id = newResourceId();
    const now = new Date().toISOString();
    this.db.transaction(() =>
      this.insertStmt.run(id, gatewayId, input.name, input.enable ? 1 : 0, JSON.stringify(input.filters), now, now),
    ).immediate();
    return this.get(gatewayId, id)!;
  }

  /** Full replace of name, enable and filters; undefined when the dataset is not in this gateway. */
  replace(gatewayId: string, id: string, input: DatasetInput): Dataset | undefined {
    const now = new Date().toISOString();
    const changed = this.db.transaction(
      () => this.updateStmt.run(input.name, input.enable ? 1 : 0, JSON.stringify(input.filters), now, gatewayId, id).changes,
    ).immediate();
    return changed ? this.get(gatewayId, id) : undefined;
  }

  /** Answers the deleted dataset, or undefined when it is not in this gateway. */
  delete(gatewayId: string, id: string): Dataset | undefined {
    return deleteReturning(
      this.db,
      () => this.get(gatewayId, id),
      () => this.deleteStmt.run(gatewayId, id),
    );
  }
}
