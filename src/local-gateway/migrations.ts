import type Database from 'better-sqlite3';

/**
 * Schema versions, applied in order; `PRAGMA user_version` records how many ran. Append new steps, never
 * edit a shipped one: a data dir made by an older build must upgrade in place.
 *
 * Log times are integer milliseconds (UTC) so range filters compare numbers, not strings; the API turns
 * them back into ISO 8601. `feedback` is -1/0/1 with 0 = none, so "no feedback" is a value a filter can
 * match. `log_state.generation` changes with every log write, which lets a process notice that another
 * one (the CLI) changed the logs under its in-memory projection.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE gateways (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    cache_invalidate_on_update INTEGER NOT NULL DEFAULT 0,
    cache_ttl INTEGER,
    collect_logs INTEGER NOT NULL DEFAULT 1,
    rate_limiting_interval INTEGER,
    rate_limiting_limit INTEGER,
    rate_limiting_technique TEXT
  ) STRICT;
  CREATE TABLE datasets (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    gateway_id TEXT NOT NULL REFERENCES gateways(id),
    name TEXT NOT NULL,
    enable INTEGER NOT NULL,
    filters TEXT NOT NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX datasets_gateway ON datasets(gateway_id, seq);
  CREATE TABLE evaluation_types (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT NOT NULL,
    enable INTEGER NOT NULL,
    mandatory INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE evaluations (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    gateway_id TEXT NOT NULL REFERENCES gateways(id),
    name TEXT NOT NULL,
    processed INTEGER NOT NULL DEFAULT 0,
    total_logs INTEGER NOT NULL DEFAULT 0,
    datasets TEXT NOT NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX evaluations_gateway ON evaluations(gateway_id, seq);
  CREATE INDEX evaluations_unprocessed ON evaluations(processed) WHERE processed = 0;
  CREATE TABLE evaluation_results (
    id TEXT PRIMARY KEY,
    evaluation_id TEXT NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    evaluation_type_id TEXT NOT NULL,
    result TEXT NOT NULL,
    status INTEGER NOT NULL,
    status_description TEXT NOT NULL,
    total_logs INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX evaluation_results_evaluation ON evaluation_results(evaluation_id, position);
  CREATE TABLE logs (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    gateway_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    model_type TEXT,
    path TEXT NOT NULL,
    duration INTEGER NOT NULL,
    success INTEGER NOT NULL,
    cached INTEGER NOT NULL,
    tokens_in INTEGER,
    tokens_out INTEGER,
    cost REAL,
    request_content_type TEXT,
    response_content_type TEXT,
    request_type TEXT,
    status_code INTEGER,
    metadata TEXT,
    feedback INTEGER NOT NULL DEFAULT 0,
    score REAL
  ) STRICT;
  CREATE TABLE log_state (gateway_id TEXT PRIMARY KEY, generation INTEGER NOT NULL) STRICT;
  `,
  // What a log keeps beyond the Logs API's columns (Logpush's fields without a column, decrypted request
  // and response bodies), only for logs that have any; and where each gateway's logs came from.
  `
  CREATE TABLE log_extras (
    log_id TEXT PRIMARY KEY,
    requested_model TEXT,
    rate_limited INTEGER,
    routing_decision_id TEXT,
    routing_reason TEXT,
    request_body TEXT,
    response_body TEXT
  ) STRICT;
  CREATE TABLE log_sources (
    seq INTEGER PRIMARY KEY,
    gateway_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    logs INTEGER NOT NULL,
    at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX log_sources_gateway ON log_sources(gateway_id, seq);
  `,
];

/** The log indexes, kept apart so a bulk load can drop them and build them once at the end. */
export const LOG_INDEXES: readonly string[] = [
  'CREATE UNIQUE INDEX IF NOT EXISTS logs_id ON logs(id)',
  'CREATE INDEX IF NOT EXISTS logs_gateway_time ON logs(gateway_id, created_at)',
];
export const DROP_LOG_INDEXES: readonly string[] = ['DROP INDEX IF EXISTS logs_id', 'DROP INDEX IF EXISTS logs_gateway_time'];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema up to date; each step and its version bump commit together. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`The store has schema version ${current}, newer than this build knows (${SCHEMA_VERSION}).`);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      if (version === 0) for (const sql of LOG_INDEXES) db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
