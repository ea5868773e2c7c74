import type Database from 'better-sqlite3';
import type { Gateway } from '../../shared/gateways.ts';
import { selectPage, type Page } from './list-query.ts';
import { foldCase } from '../filter-values.ts';

type GatewayRow = Record<string, unknown>;

const toGateway = (row: GatewayRow): Gateway => ({
  id: row.id as string,
  created_at: row.created_at as string,
  modified_at: row.modified_at as string,
  cache_invalidate_on_update: row.cache_invalidate_on_update === 1,
  cache_ttl: row.cache_ttl as number | null,
  collect_logs: row.collect_logs === 1,
  rate_limiting_interval: row.rate_limiting_interval as number | null,
  rate_limiting_limit: row.rate_limiting_limit as number | null,
  rate_limiting_technique: row.rate_limiting_technique as string | null,
});

/** Gateways of the local account. Created with Cloudflare's defaults; the API only reads them. */
export class GatewayRepository {
  private readonly getStmt;
  private readonly insertStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare<[string], GatewayRow>('SELECT * FROM gateways WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO gateways (id, created_at, modified_at, cache_invalidate_on_update, cache_ttl, collect_logs,
         rate_limiting_interval, rate_limiting_limit, rate_limiting_technique)
       VALUES (?, ?, ?, 0, 300, 1, 60, 100, 'fixed')`,
    );
  }

  create(id: string, now = new Date().toISOString()): void {
    this.db.transaction(() => this.insertStmt.run(id, now, now)).immediate();
  }

  get(id: string): Gateway | undefined {
    const row = this.getStmt.get(id);
    return row ? toGateway(row) : undefined;
  }

  /** Oldest first; `search` is a case-insensitive substring of the id. */
  list(q: { page: number; per_page: number; search?: string | undefined }): Page<Gateway> {
    const query = q.search ? { where: 'instr(fold_case(id), ?) > 0', params: [foldCase(q.search)] } : { where: '', params: [] };
    return selectPage(this.db, { table: 'gateways', ...query, orderBy: 'created_at, id' }, q, toGateway);
  }

  /** Every gateway's id, oldest first. */
  ids(): string[] {
    return (this.db.prepare('SELECT id FROM gateways ORDER BY created_at, id').all() as { id: string }[]).map((r) => r.id);
  }
}
