import type Database from 'better-sqlite3';
import { cachedStatement } from './statements.ts';
import { foldCase } from '../filter-values.ts';

/** One page of a list and how many items the whole list has. */
export interface Page<T> {
  items: T[];
  total: number;
}

type SqlParam = string | number;


/**
 * The WHERE of a gateway's dataset or evaluation list: `name` is a case-insensitive substring, `flag`
 * (a 0/1 column) equals the given boolean, and `search` is the exact id or a case-insensitive substring
 * of any of `searchColumns`. Values only ever appear as placeholders.
 */
export function gatewayListWhere(
  gatewayId: string,
  q: { name?: string | undefined; search?: string | undefined },
  flag: { column: string; value: boolean | undefined },
  searchColumns: readonly string[],
): { where: string; params: SqlParam[] } {
  const clauses = ['gateway_id = ?'];
  const params: SqlParam[] = [gatewayId];
  if (q.name !== undefined) {
    // instr, not LIKE: a user's % or _ is a character to find; fold_case folds case over all of Unicode.
    clauses.push('instr(fold_case(name), ?) > 0');
    params.push(foldCase(q.name));
  }
  if (flag.value !== undefined) {
    clauses.push(`${flag.column} = ?`);
    params.push(flag.value ? 1 : 0);
  }
  if (q.search) {
    clauses.push(`(id = ? OR ${searchColumns.map((column) => `instr(fold_case(${column}), ?) > 0`).join(' OR ')})`);
    params.push(q.search, ...searchColumns.map(() => foldCase(q.search!)));
  }
  return { where: clauses.join(' AND '), params };
}

/**
 * One page of `table`'s rows matching `where` (empty: all rows), in `orderBy` order, with the total
 * count under the same WHERE. `table`, `where` and `orderBy` are SQL text from this module's callers,
 * never from a request.
 */
export function selectPage<Row, T>(
  db: Database.Database,
  query: { table: string; where: string; params: readonly SqlParam[]; orderBy: string },
  page: { page: number; per_page: number },
  toItem: (row: Row) => T,
): Page<T> {
  const where = query.where ? `WHERE ${query.where}` : '';
  // One read transaction (deferred: it only reads), so the count and the page see the same snapshot even
  // when another process commits between the two statements.
  const rows = db.transaction(() => {
    const total = (cachedStatement(db, `SELECT count(*) AS n FROM ${query.table} ${where}`).get(...query.params) as { n: number }).n;
    const items = cachedStatement(db, `SELECT * FROM ${query.table} ${where} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`)
      .all(...query.params, page.per_page, (page.page - 1) * page.per_page) as Row[];
    return { items, total };
  })();
  return { items: rows.items.map(toItem), total: rows.total };
}

/**
 * Reads a resource and deletes it in one transaction, answering what was deleted (the API returns the
 * deleted object), or undefined when there was nothing to delete.
 */
export function deleteReturning<T>(db: Database.Database, find: () => T | undefined, remove: () => void): T | undefined {
  // IMMEDIATE, as every write transaction of the store: it takes the write lock (waiting busy_timeout for
  // it) before reading, instead of failing with SQLITE_BUSY when a reader upgrades while another writes.
  return db.transaction(() => {
    const existing = find();
    if (existing) remove();
    return existing;
  }).immediate();
}
