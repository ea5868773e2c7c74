import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Store } from '../store.ts';
import { LOG_COLUMNS, type StoredLog } from '../store/log-rows.ts';
import { cloudflareLogToStored, importLogSchema } from './cloudflare-log.ts';
import { addFileSource } from '../sync/log-sources.ts';
import { derivedLogId } from './log-ids.ts';
import { LineProblem, logpushEventSchema, logpushEventToStored, quickLogpushEvent, type DecryptOutcome, type LogExtras } from './logpush-event.ts';

/** The two line formats a file may hold; told by its first line. */
export type ImportFormat = 'cloudflare-logs' | 'logpush';

export interface FileImportOptions {
  /** Where the logs go: required for Cloudflare log objects; overrides a Logpush event's own `Gateway`. */
  gatewayId?: string | undefined;
  /** Decrypts Logpush's encrypted fields; without it they are kept out. */
  privateKey?: KeyObject | undefined;
  /** The file's name, recorded in `log_sources` with the logs it added (committed with them). */
  sourceLabel?: string | undefined;
}

export type FileImportResult =
  | {
      ok: true;
      format: ImportFormat | undefined;
      /** Lines read (blank ones included). */
      lines: number;
      imported: number;
      /** Lines whose log was already stored (the same file again, or a redelivered event). */
      alreadyPresent: number;
      /** Encrypted fields left out for want of a private key. */
      keptOut: number;
      /** New logs per gateway. */
      byGateway: Record<string, number>;
    }
  | { ok: false; errors: string[] };

const MAX_REPORTED = 20;
/**
 * Logs inserted per statement: one multi-row INSERT costs about what one single-row INSERT does, so
 * batching divides the per-statement cost (binding, stepping, the call into SQLite) by this much.
 * 128 rows of 20 values stay far below SQLite's 32,766 parameters.
 */
const BATCH = 128;

/**
 * The columns a format's rows fill. A Logpush event has no model type, content types, request type,
 * feedback or score: those columns keep their defaults (NULL, feedback 0, as the full insert would
 * write them), and a row binds 14 values instead of 20, which is a fifth of the insert's cost.
 */
const FULL_COLUMNS = LOG_COLUMNS.split(', ') as (keyof StoredLog)[];
const LOGPUSH_COLUMNS = FULL_COLUMNS.filter((c) => !['model_type', 'request_content_type', 'response_content_type', 'request_type', 'feedback', 'score'].includes(c));

/** `line 3: cost must be a number` from a zod failure (the first issue, as the other readers report). */
function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}`;
}

/**
 * One file's import, fed line by line, inside ONE write transaction: good lines are inserted a batch at
 * a time (prepared statements, at most one batch kept in memory); the first bad line stops the inserts, the next
 * bad lines (up to 20) are still reported, and `finish` rolls everything back, so a refused file leaves
 * nothing of itself (not even a gateway it would have created). A log whose id is already stored in the
 * same gateway is skipped, which makes a second import of a file add nothing.
 *
 * The connection must not be used by anything else until `finish`: the transaction is begun by hand
 * because the lines arrive asynchronously, which better-sqlite3's `transaction()` cannot span.
 */
export class FileImport {
  private readonly errors: string[] = [];
  private format: ImportFormat | undefined;
  private lineCount = 0;
  private imported = 0;
  private alreadyPresent = 0;
  private readonly byGateway: Record<string, number> = {};
  private readonly knownGateways = new Set<string>();
  private readonly outcome: DecryptOutcome = { keptOut: 0 };
  private readonly db: Database.Database;
  /** Multi-row INSERTs by row count (the full batch, and the last, shorter one), for this file's format. */
  private readonly insertLogs = new Map<number, Database.Statement>();
  /** The validated lines waiting for their batch's INSERT: parallel arrays, no object per line. */
  private readonly pendingLogs: StoredLog[] = [];
  private readonly pendingExtras: (LogExtras | undefined)[] = [];
  private readonly pendingLines: number[] = [];
  private readonly params: unknown[] = [];
  private currentLine = 0;
  /**
   * The largest rowid in `logs`. An INSERT gives its new rows rowids above the largest (INTEGER PRIMARY
   * KEY without AUTOINCREMENT, and this transaction holds the write lock), so the rows a batch added are
   * those above the largest before it: read back only when the batch added fewer rows than it had.
   */
  private lastRid: number;
  private readonly insertExtras: Database.Statement;
  private readonly gatewayOfId: Database.Statement<[string], string>;
  private readonly idsAfter: Database.Statement<[number], string>;
  private readonly bumpGeneration: Database.Statement;
  private open = true;

  constructor(
    private readonly store: Store,
    private readonly options: FileImportOptions = {},
  ) {
    this.db = store.db;
    this.insertExtras = this.db.prepare(
      `INSERT INTO log_extras (log_id, requested_model, rate_limited, routing_decision_id, routing_reason, request_body, response_body)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.gatewayOfId = this.db.prepare<[string], string>('SELECT gateway_id FROM logs WHERE id = ?').pluck();
    this.bumpGeneration = this.db.prepare(
      'INSERT INTO log_state (gateway_id, generation) VALUES (?, 1) ON CONFLICT(gateway_id) DO UPDATE SET generation = generation + 1',
    );
    this.idsAfter = this.db.prepare<[number], string>('SELECT id FROM logs WHERE rid > ?').pluck();
    this.db.exec('BEGIN IMMEDIATE');
    this.lastRid = this.db.prepare<[], number>('SELECT coalesce(max(rid), 0) FROM logs').pluck().get()!;
  }

  /** Feeds line `number` (1-based). Answers false once enough problems are known to stop reading. */
  line(text: string, number: number): boolean {
    this.lineCount = number;
    if (this.errors.length >= MAX_REPORTED) return false;
    if (text.trim() === '') return true;
    this.currentLine = number;
    try {
      this.take(text);
      if (this.pendingLogs.length >= BATCH) this.flush();
    } catch (error) {
      if (error instanceof LineProblem) this.problem(number, error);
      else throw error;
    }
    return this.errors.length < MAX_REPORTED;
  }

  private problem(number: number, error: LineProblem): void {
    this.errors.push(`line ${number}: ${error.field ? `${error.field} ` : ''}${error.message}`);
    // The file is refused: what waits for its INSERT never needs writing.
    this.clearPending();
  }

  private clearPending(): void {
    this.pendingLogs.length = 0;
    this.pendingExtras.length = 0;
    this.pendingLines.length = 0;
  }

  private take(text: string): void {
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
      this.save(cloudflareLogToStored(parsed.data, this.options.gatewayId, (ms) => derivedLogId(text, ms)), undefined);
    } else {
      let event = quickLogpushEvent(raw as Record<string, unknown>);
      if (!event) {
        // Not a plain event: the schema reads what it tolerates (texts for numbers, say) or names the bad field.
        const parsed = logpushEventSchema.safeParse(raw);
        if (!parsed.success) throw new LineProblem(undefined, zodProblem(parsed.error));
        event = parsed.data;
      }
      const gatewayId = this.options.gatewayId ?? event.Gateway;
      if (!gatewayId) throw new LineProblem('Gateway', 'is missing: pass --gateway ID to say where these logs go');
      const { log, extras } = logpushEventToStored(event, gatewayId, derivedLogId(text, event.Timestamp), this.options.privateKey, this.outcome);
      this.save(log, extras);
    }
  }

  private save(log: StoredLog, extras: LogExtras | undefined): void {
    // After the first problem the file is refused anyway: keep validating, stop writing.
    if (this.errors.length > 0) return;
    if (!this.knownGateways.has(log.gateway_id)) {
      if (!this.store.gateways.get(log.gateway_id)) this.store.gateways.create(log.gateway_id);
      this.knownGateways.add(log.gateway_id);
    }
    this.pendingLogs.push(log);
    this.pendingExtras.push(extras);
    this.pendingLines.push(this.currentLine);
  }

  /** Inserts the waiting logs in one statement; the ids it did not insert were stored already. */
  private flush(): void {
    const rows = this.pendingLogs;
    if (rows.length === 0) return;
    const logpush = this.format === 'logpush';
    let insert = this.insertLogs.get(rows.length);
    if (!insert) {
      const columns = logpush ? LOGPUSH_COLUMNS : FULL_COLUMNS;
      const row = `(${columns.map(() => '?').join(', ')})`;
      insert = this.db.prepare(`INSERT INTO logs (${columns.join(', ')}) VALUES ${Array.from(rows, () => row).join(', ')} ON CONFLICT(id) DO NOTHING`);
      this.insertLogs.set(rows.length, insert);
    }
    const params = this.params;
    params.length = 0;
    // In LOGPUSH_COLUMNS' and FULL_COLUMNS' order (LOG_COLUMNS'), written out: a loop over column names costs more.
    if (logpush) {
      for (const log of rows) {
        params.push(log.id, log.gateway_id, log.created_at, log.provider, log.model, log.path, log.duration, log.success, log.cached, log.tokens_in, log.tokens_out, log.cost, log.status_code, log.metadata);
      }
    } else {
      for (const log of rows) {
        params.push(
          log.id, log.gateway_id, log.created_at, log.provider, log.model, log.model_type, log.path, log.duration, log.success, log.cached,
          log.tokens_in, log.tokens_out, log.cost, log.request_content_type, log.response_content_type, log.request_type, log.status_code,
          log.metadata, log.feedback, log.score,
        );
      }
    }
    const { changes, lastInsertRowid } = insert.run(params);
    // Every row new (the usual case): nothing to read back. Otherwise the rows added are those above lastRid.
    const fresh = changes === rows.length ? undefined : new Set(this.idsAfter.all(this.lastRid));
    if (changes > 0) this.lastRid = Number(lastInsertRowid);
    for (let i = 0; i < rows.length; i++) {
      const log = rows[i]!;
      if (fresh && !fresh.delete(log.id)) {
        // Stored before, or earlier in this batch (the same line twice): a redelivery, unless another gateway has it.
        const owner = this.gatewayOfId.get(log.id);
        if (owner !== log.gateway_id) {
          this.problem(this.pendingLines[i]!, new LineProblem('id', `${log.id} already exists in gateway ${owner}`));
          return;
        }
        this.alreadyPresent++;
        continue;
      }
      const extras = this.pendingExtras[i];
      if (extras) {
        this.insertExtras.run(log.id, extras.requested_model, extras.rate_limited, extras.routing_decision_id, extras.routing_reason, extras.request_body, extras.response_body);
      }
      this.imported++;
      this.byGateway[log.gateway_id] = (this.byGateway[log.gateway_id] ?? 0) + 1;
    }
    this.clearPending();
  }

  /** Refuses the file with a problem found outside its lines (an unreadable gzip stream, say). */
  fail(message: string): void {
    this.errors.push(message);
  }

  /** Commits the file's logs (moving each gateway's log generation in the same transaction), or rolls all back. */
  finish(): FileImportResult {
    if (!this.open) throw new Error('this import has finished');
    this.open = false;
    try {
      if (this.errors.length === 0) this.flush();
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    if (this.errors.length > 0) {
      this.db.exec('ROLLBACK');
      return { ok: false, errors: this.errors };
    }
    try {
      const at = new Date().toISOString();
      for (const [gatewayId, added] of Object.entries(this.byGateway)) {
        this.bumpGeneration.run(gatewayId);
        if (this.options.sourceLabel) addFileSource(this.db, gatewayId, this.options.sourceLabel, added, at);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
    return {
      ok: true,
      format: this.format,
      lines: this.lineCount,
      imported: this.imported,
      alreadyPresent: this.alreadyPresent,
      keptOut: this.outcome.keptOut,
      byGateway: this.byGateway,
    };
  }

  /** Rolls back after an unexpected failure (the caller rethrows it). */
  abort(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}

/** Cloudflare log objects carry `created_at`; Logpush events carry `Timestamp` (PascalCase fields). */
function detectFormat(raw: object): ImportFormat {
  if ('created_at' in raw) return 'cloudflare-logs';
  if ('Timestamp' in raw) return 'logpush';
  throw new LineProblem(undefined, 'is neither a Cloudflare log object (no created_at) nor a Logpush ai_gateway_events event (no Timestamp)');
}
