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

/** How a packed value is kept: a number in `numbers`, null, a repeated word, or a text of its own. */
const NUMBER = 0;
const NULL = 1;
const WORD = 2;
const TEXT = 3;

/**
 * Rows packed to be posted between threads. Structured cloning writes and reads every string on its own,
 * and a batch's gateway, provider, model and path are the same few strings row after row: here each value
 * is a kind and a number (the value, or the index of its string), the repeated strings are sent once per
 * batch, and only ids and metadata (unique per row) as strings of their own.
 */
export interface PackedRows {
  format: ImportFormat;
  kinds: Uint8Array;
  numbers: Float64Array;
  words: string[];
  texts: string[];
  lines: number[];
  /** Rows that have extras (indexes into lines), and their extras. */
  extrasAt: number[];
  extras: LogExtras[];
}

/** Columns whose values differ on every row: kept as texts, not looked up as words. */
const UNIQUE_COLUMNS = new Set(['id', 'metadata']);

/** Packs rows (see PackedRows) on the thread that reads; `take` hands over a batch and starts the next. */
export class RowPacker {
  private readonly width: number;
  private readonly unique: boolean[];
  private readonly row: unknown[] = [];
  private kinds: Uint8Array;
  private numbers: Float64Array;
  private wordIndex = new Map<string, number>();
  private words: string[] = [];
  private texts: string[] = [];
  private lines: number[] = [];
  private extrasAt: number[] = [];
  private extras: LogExtras[] = [];

  constructor(
    private readonly format: ImportFormat,
    private readonly capacity: number,
  ) {
    const columns = columnsOf(format);
    this.width = columns.length;
    this.unique = columns.map((c) => UNIQUE_COLUMNS.has(c));
    this.kinds = new Uint8Array(this.width * capacity);
    this.numbers = new Float64Array(this.width * capacity);
  }

  get count(): number {
    return this.lines.length;
  }

  add(log: StoredLog, extras: LogExtras | undefined, line: number): void {
    const row = this.row;
    row.length = 0;
    pushRow(row, this.format, log);
    let at = this.lines.length * this.width;
    for (let j = 0; j < this.width; j++, at++) {
      const value = row[j];
      if (typeof value === 'number') {
        this.kinds[at] = NUMBER;
        this.numbers[at] = value;
      } else if (value === null) {
        this.kinds[at] = NULL;
      } else if (typeof value !== 'string') {
        throw new TypeError(`column ${columnsOf(this.format)[j]} of log ${String(row[ID_AT])} is neither a number, a text nor null`);
      } else if (this.unique[j]) {
        this.kinds[at] = TEXT;
        this.numbers[at] = this.texts.push(value as string) - 1;
      } else {
        let index = this.wordIndex.get(value as string);
        if (index === undefined) this.wordIndex.set(value as string, (index = this.words.push(value as string) - 1));
        this.kinds[at] = WORD;
        this.numbers[at] = index;
      }
    }
    if (extras) {
      this.extrasAt.push(this.lines.length);
      this.extras.push(extras);
    }
    this.lines.push(line);
  }

  /** Drops the batch (its file is refused). */
  clear(): void {
    this.take();
  }

  take(): PackedRows {
    const used = this.lines.length * this.width;
    const packed: PackedRows = {
      format: this.format,
      kinds: this.kinds.subarray(0, used),
      numbers: this.numbers.subarray(0, used),
      words: this.words,
      texts: this.texts,
      lines: this.lines,
      extrasAt: this.extrasAt,
      extras: this.extras,
    };
    // Fresh arrays: the packed ones are posted (their buffers transferred).
    this.kinds = new Uint8Array(this.width * this.capacity);
    this.numbers = new Float64Array(this.width * this.capacity);
    this.wordIndex = new Map();
    this.words = [];
    this.texts = [];
    this.lines = [];
    this.extrasAt = [];
    this.extras = [];
    return packed;
  }
}

/** The rows again, as the writer inserts them. */
export function unpackRows(packed: PackedRows): RowBatch {
  const { kinds, numbers, words, texts } = packed;
  const values: unknown[] = new Array(kinds.length);
  for (let at = 0; at < kinds.length; at++) {
    const kind = kinds[at];
    values[at] = kind === NUMBER ? numbers[at] : kind === NULL ? null : kind === WORD ? words[numbers[at]!] : texts[numbers[at]!];
  }
  const extras: (LogExtras | undefined)[] = new Array(packed.lines.length).fill(undefined);
  for (let i = 0; i < packed.extrasAt.length; i++) extras[packed.extrasAt[i]!] = packed.extras[i];
  return { format: packed.format, values, extras, lines: packed.lines };
}
