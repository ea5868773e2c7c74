import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { LOG_COLUMNS, type StoredLog } from '../store/log-rows.ts';
import { cloudflareLogToStored, importLogSchema } from './cloudflare-log.ts';
import { derivedLogId } from './log-ids.ts';
import { LineProblem, logpushEventSchema, logpushEventToStored, quickLogpushEvent, type DecryptOutcome, type LogExtras } from './logpush-event.ts';

/** The two line formats a file may hold; told by its first line. */
export type ImportFormat = 'cloudflare-logs' | 'logpush';

/** Problems reported per refused file; reading stops at this many. */
export const MAX_REPORTED = 20;

/**
 * Logs inserted per statement: one multi-row INSERT costs about what one single-row INSERT does, so
 * batching divides the per-statement cost (binding, stepping, the call into SQLite) by this much.
 * 128 rows of 20 values stay far below SQLite's 32,766 parameters.
 */
export const BATCH = 128;

/**
 * The columns a format's rows fill. A Logpush event has no model type, content types, request type,
 * feedback or score: those columns keep their defaults (NULL, feedback 0, as the full insert would
 * write them), and a row binds 14 values instead of 20, which is a fifth of the insert's cost.
 */
const FULL_COLUMNS: readonly string[] = LOG_COLUMNS.split(', ');
const LOGPUSH_COLUMNS = FULL_COLUMNS.filter((c) => !['model_type', 'request_content_type', 'response_content_type', 'request_type', 'feedback', 'score'].includes(c));

export const columnsOf = (format: ImportFormat): readonly string[] => (format === 'logpush' ? LOGPUSH_COLUMNS : FULL_COLUMNS);

/** Where a row's id and gateway sit among its values (first and second in both column lists). */
export const ID_AT = 0;
export const GATEWAY_AT = 1;

/** Appends a log's values in columnsOf(format)'s order; written out, as a loop over the names costs more. */
export function pushRow(values: unknown[], format: ImportFormat, log: StoredLog): void {
  if (format === 'logpush') {
    values.push(log.id, log.gateway_id, log.created_at, log.provider, log.model, log.path, log.duration, log.success, log.cached, log.tokens_in, log.tokens_out, log.cost, log.status_code, log.metadata);
  } else {
    values.push(
      log.id, log.gateway_id, log.created_at, log.provider, log.model, log.model_type, log.path, log.duration, log.success, log.cached,
      log.tokens_in, log.tokens_out, log.cost, log.request_content_type, log.response_content_type, log.request_type, log.status_code,
      log.metadata, log.feedback, log.score,
    );
  }
}

/**
 * Rows waiting for their INSERTs, as plain values (what a worker thread can post cheaply): the rows'
 * values one after another in columnsOf(format)'s order, and per row its extras and line number.
 */
export interface RowBatch {
  format: ImportFormat;
  values: unknown[];
  extras: (LogExtras | undefined)[];
  lines: number[];
}

/** `line 3: Metrics.cost must be a number`. */
export function problemText(number: number, error: LineProblem): string {
  return `line ${number}: ${error.field ? `${error.field} ` : ''}${error.message}`;
}

/** `cost must be a number` from a zod failure (the first issue, as the other readers report). */
function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}`;
}

/**
 * Reads a file's lines into stored logs: the format is told by the first line, and every line is
 * checked as that format. Pure (no store), so it runs on the thread that writes or on a reading one.
 */
export class LineReader {
  format: ImportFormat | undefined;
  readonly outcome: DecryptOutcome = { keptOut: 0 };

  constructor(private readonly options: { gatewayId?: string | undefined; privateKey?: KeyObject | undefined }) {}

  /** One non-blank line's log; throws a LineProblem naming what is wrong. */
  read(text: string): { log: StoredLog; extras: LogExtras | undefined } {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new LineProblem(undefined, 'not valid JSON');
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LineProblem(undefined, 'must be a JSON object');
    this.format ??= detectFormat(raw);
    if (this.format === 'cloudflare-logs') {
      if (!this.options.gatewayId) throw new LineProblem(undefined, 'is a Cloudflare log object, which names no gateway: pass --gateway ID');
      const parsed = importLogSchema.safeParse(raw);
      if (!parsed.success) throw new LineProblem(undefined, zodProblem(parsed.error));
      return { log: cloudflareLogToStored(parsed.data, this.options.gatewayId, (ms) => derivedLogId(text, ms)), extras: undefined };
    }
    let event = quickLogpushEvent(raw as Record<string, unknown>);
    if (!event) {
      // Not a plain event: the schema reads what it tolerates (texts for numbers, say) or names the bad field.
      const parsed = logpushEventSchema.safeParse(raw);
      if (!parsed.success) throw new LineProblem(undefined, zodProblem(parsed.error));
      event = parsed.data;
    }
    const gatewayId = this.options.gatewayId ?? event.Gateway;
    if (!gatewayId) throw new LineProblem('Gateway', 'is missing: pass --gateway ID to say where these logs go');
    return logpushEventToStored(event, gatewayId, derivedLogId(text, event.Timestamp), this.options.privateKey, this.outcome);
  }
}

/** Cloudflare log objects carry `created_at`; Logpush events carry `Timestamp` (PascalCase fields). */
function detectFormat(raw: object): ImportFormat {
  if ('created_at' in raw) return 'cloudflare-logs';
  if ('Timestamp' in raw) return 'logpush';
  throw new LineProblem(undefined, 'is neither a Cloudflare log object (no created_at) nor a Logpush ai_gateway_events event (no Timestamp)');
}
