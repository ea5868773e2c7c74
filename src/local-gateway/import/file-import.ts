import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Store } from '../store.ts';
import type { StoredLog } from '../store/log-rows.ts';
import { addFileSource } from '../sync/log-sources.ts';
import { BATCH, columnsOf, GATEWAY_AT, ID_AT, LineReader, MAX_REPORTED, problemText, pushRow, type ImportFormat, type RowBatch } from './line-reader.ts';
import { LineProblem, type LogExtras } from './logpush-event.ts';

export type { ImportFormat } from './line-reader.ts';

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

/**
 * One file's import, fed line by line, inside ONE write transaction: good lines are inserted a batch at
 * a time (prepared statements, at most one batch kept in memory); the first bad line stops the inserts, the next
 * bad lines (up to 20) are still reported, and `finish` rolls everything back, so a refused file leaves
 * nothing of itself (not even a gateway it would have created). A log whose id is already stored in the
 * same gateway is skipped, which makes a second import of a file add nothing.
 *
 * The lines come one by one (`line`), or read into rows by another thread (`rows`, then `readElsewhere`).
 *
 * The connection must not be used by anything else until `finish`: the transaction is begun by hand
 * because the lines arrive asynchronously, which better-sqlite3's `transaction()` cannot span.
 */
export class FileImport {
  private readonly errors: string[] = [];
  private lineCount = 0;
  private imported = 0;
  private alreadyPresent = 0;
  private readonly byGateway: Record<string, number> = {};
  private readonly knownGateways = new Set<string>();
  private readonly reader: LineReader;
  /** keptOut as counted by the thread that read the lines, when another one did. */
  private keptOutElsewhere = 0;
  private readonly db: Database.Database;
  /** Multi-row INSERTs by format and row count (the full batch, and the last, shorter one). */
  private readonly insertLogs = new Map<string, Database.Statement>();
  /** The validated lines waiting for their batch's INSERT (lines fed here one by one; `format` set once known). */
  private readonly pending: RowBatch = { format: 'logpush', values: [], extras: [], lines: [] };
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
    this.reader = new LineReader(options);
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
    try {
      const { log, extras } = this.reader.read(text);
      this.save(log, extras, number);
      if (this.pending.lines.length >= BATCH) this.flush();
    } catch (error) {
      if (error instanceof LineProblem) this.problem(number, error);
      else throw error;
    }
    return this.errors.length < MAX_REPORTED;
  }

  /**
   * Takes rows read by another thread from the file's next lines (at most BATCH of them), and the
   * problems of those lines. Answers false once enough problems are known to stop reading.
   */
  rows(batch: RowBatch | undefined, problems: readonly string[]): boolean {
    if (batch) this.reader.format ??= batch.format;
    for (const problem of problems) {
      if (this.errors.length >= MAX_REPORTED) break;
      this.errors.push(problem);
    }
    if (this.errors.length > 0 || !batch) {
      this.clearPending();
      return this.errors.length < MAX_REPORTED;
    }
    const width = columnsOf(batch.format).length;
    let checked: unknown;
    for (let at = GATEWAY_AT; at < batch.values.length; at += width) {
      // A file names one or a few gateways: compare with the last one before the set.
      const gatewayId = batch.values[at];
      if (gatewayId !== checked) this.ensureGateway((checked = gatewayId) as string);
    }
    this.insertRows(batch);
    return this.errors.length < MAX_REPORTED;
  }

  /** The line count and kept-out fields counted by the thread that read the file. */
  readElsewhere(counts: { lines: number; keptOut: number }): void {
    this.lineCount = counts.lines;
    this.keptOutElsewhere = counts.keptOut;
  }

  private problem(number: number, error: LineProblem): void {
    this.errors.push(problemText(number, error));
    // The file is refused: what waits for its INSERT never needs writing.
    this.clearPending();
  }

  private clearPending(): void {
    this.pending.values.length = 0;
    this.pending.extras.length = 0;
    this.pending.lines.length = 0;
  }

  private save(log: StoredLog, extras: LogExtras | undefined, line: number): void {
    // After the first problem the file is refused anyway: keep validating, stop writing.
    if (this.errors.length > 0) return;
    this.ensureGateway(log.gateway_id);
    this.pending.format = this.reader.format!;
    pushRow(this.pending.values, this.pending.format, log);
    this.pending.extras.push(extras);
    this.pending.lines.push(line);
  }

  private ensureGateway(gatewayId: string): void {
    if (this.knownGateways.has(gatewayId)) return;
    if (!this.store.gateways.get(gatewayId)) this.store.gateways.create(gatewayId);
    this.knownGateways.add(gatewayId);
  }

  private flush(): void {
    this.insertRows(this.pending);
    this.clearPending();
  }

  /** Inserts rows in one statement; the ids it did not insert were stored already. */
  private insertRows({ format, values, extras, lines }: RowBatch): void {
    const count = lines.length;
    if (count === 0) return;
    const columns = columnsOf(format);
    const width = columns.length;
    const key = `${format} ${count}`;
    let insert = this.insertLogs.get(key);
    if (!insert) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      insert = this.db.prepare(`INSERT INTO logs (${columns.join(', ')}) VALUES ${Array.from(lines, () => row).join(', ')} ON CONFLICT(id) DO NOTHING`);
      this.insertLogs.set(key, insert);
    }
    const { changes, lastInsertRowid } = insert.run(values);
    // Every row new (the usual case): nothing to read back. Otherwise the rows added are those above lastRid.
    const fresh = changes === count ? undefined : new Set(this.idsAfter.all(this.lastRid));
    if (changes > 0) this.lastRid = Number(lastInsertRowid);
    for (let i = 0; i < count; i++) {
      const id = values[i * width + ID_AT] as string;
      const gatewayId = values[i * width + GATEWAY_AT] as string;
      if (fresh && !fresh.delete(id)) {
        // Stored before, or earlier in this batch (the same line twice): a redelivery, unless another gateway has it.
        const owner = this.gatewayOfId.get(id);
        if (owner !== gatewayId) {
          this.problem(lines[i]!, new LineProblem('id', `${id} already exists in gateway ${owner}`));
          return;
        }
        this.alreadyPresent++;
        continue;
      }
      const x = extras[i];
      if (x) this.insertExtras.run(id, x.requested_model, x.rate_limited, x.routing_decision_id, x.routing_reason, x.request_body, x.response_body);
      this.imported++;
      this.byGateway[gatewayId] = (this.byGateway[gatewayId] ?? 0) + 1;
    }
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
      format: this.reader.format,
      lines: this.lineCount,
      imported: this.imported,
      alreadyPresent: this.alreadyPresent,
      keptOut: this.reader.outcome.keptOut + this.keptOutElsewhere,
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
