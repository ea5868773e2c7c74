import type Database from 'better-sqlite3';
import type { Filter } from '../shared/filters.ts';
import { boolValue, createdAtRange, foldCase, numberValue, registerFoldCase } from './filter-values.ts';

export interface SqlWhere {
  /** A boolean SQL expression over the `logs` table; values appear only as `?` placeholders. */
  sql: string;
  params: (string | number)[];
}

/** The SQL expression of each numeric key; `tokens` is NULL when either part is (missing never matches). */
const NUMERIC_COLUMN = {
  cost: 'cost',
  duration: 'duration',
  tokens_in: 'tokens_in',
  tokens_out: 'tokens_out',
  tokens: '(tokens_in + tokens_out)',
} as const;
const TEXT_COLUMN = {
  provider: 'provider',
  model: 'model',
  request_content_type: 'request_content_type',
  response_content_type: 'response_content_type',
} as const;

function rowSql(row: Filter): SqlWhere {
  switch (row.key) {
    case 'created_at': {
      const { from, to } = createdAtRange(row);
      const parts: string[] = [];
      const params: number[] = [];
      if (Number.isFinite(from)) {
        parts.push('created_at >= ?');
        params.push(from);
      }
      if (Number.isFinite(to)) {
        parts.push('created_at < ?');
        params.push(to);
      }
      return { sql: parts.join(' AND '), params };
    }
    case 'success':
    case 'cached':
      return { sql: `${row.key} IN (${row.value.map(() => '?').join(',')})`, params: row.value.map(boolValue) };
    case 'feedback':
      return { sql: `feedback IN (${row.value.map(() => '?').join(',')})`, params: row.value.map(numberValue) };
    case 'provider':
    case 'model':
    case 'request_content_type':
    case 'response_content_type': {
      const column = TEXT_COLUMN[row.key];
      if (row.operator === 'eq') return { sql: `${column} IN (${row.value.map(() => '?').join(',')})`, params: row.value.map(String) };
      // instr, not LIKE: a user's % or _ is a character to find, not a wildcard.
      return {
        sql: `(${row.value.map(() => `instr(fold_case(${column}), ?) > 0`).join(' OR ')})`,
        params: row.value.map((v) => foldCase(String(v))),
      };
    }
    case 'cost':
    case 'duration':
    case 'tokens':
    case 'tokens_in':
    case 'tokens_out': {
      const column = NUMERIC_COLUMN[row.key];
      const op = row.operator === 'gt' ? '>' : row.operator === 'lt' ? '<' : '=';
      return { sql: `(${row.value.map(() => `${column} ${op} ?`).join(' OR ')})`, params: row.value.map(numberValue) };
    }
  }
}

/**
 * Filters → a parameterised WHERE expression with the semantics of product §1: rows ANDed, values inside
 * a row ORed, a NULL (missing) value never matches (every comparison with NULL is NULL, hence false).
 * Input must have passed `filterSchema`; no value is ever spliced into the SQL text.
 */
export function filtersToSql(filters: readonly Filter[]): SqlWhere {
  if (filters.length === 0) return { sql: '1', params: [] };
  const parts = filters.map(rowSql);
  return { sql: parts.map((p) => `(${p.sql})`).join(' AND '), params: parts.flatMap((p) => p.params) };
}

/** `search` on logs: a case-insensitive substring of provider or model, or the exact log id. */
export function searchToSql(search: string): SqlWhere {
  const needle = foldCase(search);
  return { sql: '(instr(fold_case(provider), ?) > 0 OR instr(fold_case(model), ?) > 0 OR id = ?)', params: [needle, needle, search] };
}

/** Counts a gateway's matching logs with plain SQL: the reference the columnar path is checked against. */
export function countLogsBySql(db: Database.Database, gatewayId: string, filters: readonly Filter[], search?: string): number {
  registerFoldCase(db); // the connection may not be the store's (the benchmark opens its own)
  const where = filtersToSql(filters);
  const parts = [where];
  if (search) parts.push(searchToSql(search));
  const sql = `SELECT count(*) AS n FROM logs WHERE gateway_id = ? AND ${parts.map((p) => `(${p.sql})`).join(' AND ')}`;
  return (db.prepare(sql).get(gatewayId, ...parts.flatMap((p) => p.params)) as { n: number }).n;
}
