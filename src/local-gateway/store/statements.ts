import type Database from 'better-sqlite3';

/** Past this many distinct texts the cache starts over; the texts the store builds are a few dozen. */
const MAX_STATEMENTS = 256;

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement for SQL text built per request (list WHEREs, `IN (?, …)` of a page, PATCH SETs).
 * Preparing costs about as much as running a small list, so each distinct text is prepared once per
 * connection. Only SQL text written by the store is passed here (values are always parameters), so the
 * set of texts is small and bounded; the cap is a guard, not a policy.
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
