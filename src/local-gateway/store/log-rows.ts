import type { LogEntry } from '../../shared/logs.ts';

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

/**
 * The largest duration, tokens_in or tokens_out a log may have: the columnar projection keeps them in
 * Int32Arrays, where a larger value would wrap negative and read as "no value" (while SQL sees the number).
 */
export const MAX_LOG_COUNT = 2_147_483_647;

/** The StoredLog fields the projection holds as 32-bit integers. */
export const INT32_LOG_FIELDS = ['duration', 'tokens_in', 'tokens_out'] as const;

/** A stored log with its SQLite rowid, which the columnar projection uses to find it again. */
export type StoredLogRow = StoredLog & { rid: number };

/** Every `StoredLog` column, in the order the insert statement names them. */
export const LOG_COLUMNS =
  'id, gateway_id, created_at, provider, model, model_type, path, duration, success, cached, tokens_in, tokens_out, cost, request_content_type, response_content_type, request_type, status_code, metadata, feedback, score';

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
  // Optional wire fields are left out rather than sent as null: the spec types them without null.
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
