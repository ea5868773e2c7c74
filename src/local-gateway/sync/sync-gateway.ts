import type Database from 'better-sqlite3';
import type { Filter } from '../../shared/filters.ts';
import { cloudflareLogToStored, importLogSchema } from '../import/cloudflare-log.ts';
import { LOG_COLUMNS, type StoredLog } from '../store/log-rows.ts';
import type { Store } from '../store.ts';
import { recordSource } from './log-sources.ts';
import { SyncError, type LogsApi, type LogsApiSource } from './logs-api.ts';

/** The Logs API's largest page. */
export const PAGE_SIZE = 50;

/**
 * What a gateway's sync has stored, kept in the store's meta table under `sync:<gateway>` and written in
 * the same transaction as the logs it speaks of: every log created at or before `cursor` (ms) is stored.
 */
export interface SyncState {
  /** `<account id>/<gateway id>` the logs come from. */
  source: string;
  cursor: number | null;
  /** Logs this source has added to the local gateway, over every run. */
  synced: number;
  /** When the last run ended up to date (ISO), or null before the first one did. */
  lastSyncedAt: string | null;
  /**
   * The oldest stored log whose feedback has not been read yet (ms): feedback is read after the walk, so a
   * run killed before that leaves it here for the next run to cover.
   */
  feedbackFrom?: number | null;
}

export interface SyncProgress {
  gatewayId: string;
  /** New logs stored (committed) by this run. */
  stored: number;
  /** Logs the run met that were stored already (an overlap re-read, a resumed page). */
  alreadyPresent: number;
  /** Logs newer than the cursor when the run began (the API's total_count), or undefined before the first answer. */
  expected: number | undefined;
  calls: number;
  elapsedMs: number;
  /** Time left at this run's pace, once it has a pace. */
  etaMs: number | undefined;
}

export interface SyncOptions {
  /**
   * How far back an incremental run looks for logs that arrived late (a long request is logged with its
   * start time, after shorter ones that started later). One call counts that window; it is re-read only
   * when the account has more logs there than the store.
   */
  lateWindowMs?: number;
  /**
   * How far back each run reads feedback again (before the cursor): a thumbs-up given at Cloudflare a day
   * after the call is found by the next sync. The walks read only rated logs, so the cost is their pages.
   */
  feedbackWindowMs?: number;
  /** Pages stored per transaction (a kill loses at most these, and the resumed run reads them again). */
  pagesPerCommit?: number;
  onProgress?: (p: SyncProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export interface SyncResult {
  gatewayId: string;
  stored: number;
  alreadyPresent: number;
  /** Logs whose feedback was read by filtered walks (the list items carry none) and stored. */
  feedbackUpdated: number;
  calls: number;
  elapsedMs: number;
  state: SyncState;
}

const DEFAULT_LATE_WINDOW_MS = 10 * 60_000;
const DEFAULT_FEEDBACK_WINDOW_MS = 7 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const stateKey = (gatewayId: string) => `sync:${gatewayId}`;

export function readSyncState(store: Store, gatewayId: string): SyncState | undefined {
  const text = store.meta.get(stateKey(gatewayId));
  return text === undefined ? undefined : (JSON.parse(text) as SyncState);
}

/**
 * Copies the logs of `gatewayId` in the source account into the local gateway of the same name, created
 * when missing. The walk orders by `created_at` ascending and moves a `created_at gt <cursor>` window, so
 * logs arriving meanwhile (which are newer) neither shift nor repeat pages. A full page ending at instant M
 * proves every log before M is in hand: the cursor moves to M − 1 ms and the next call reads from there
 * (the page's logs at M are read again, and dropped by id). When a page's logs all share one instant, that instant
 * is read by page number inside `(cursor, M + 1 ms)`, a window of the past that no longer changes.
 *
 * Logs are stored by their own id; one already stored is skipped, so a log is stored exactly once however
 * often a run is interrupted. Each batch of pages commits with the cursor and the gateway's log
 * generation (so a running server rebuilds its projection), in one transaction: a kill at any moment
 * leaves the store as it was after the last commit, and the next run continues from that cursor.
 */
export async function syncGateway(store: Store, api: LogsApi, source: LogsApiSource, gatewayId: string, options: SyncOptions = {}): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const callsBefore = api.pacer.calls;
  const sourceName = `${source.accountId}/${gatewayId}`;
  const db = store.db;
  const saved = readSyncState(store, gatewayId);
  // Another source's cursor says nothing about this one's logs.
  const state: SyncState = saved && saved.source === sourceName ? { ...saved } : { source: sourceName, cursor: null, synced: 0, lastSyncedAt: null };
  const writer = new BatchWriter(db, store, gatewayId, state, options.pagesPerCommit ?? 10, now);
  let expected: number | undefined;
  let sawFeedbackField = false;

  const report = () => {
    if (!options.onProgress) return;
    const elapsedMs = now() - started;
    const seen = writer.stored + writer.alreadyPresent + writer.pendingCount;
    const rate = seen > 0 ? elapsedMs / seen : undefined;
    options.onProgress({
      gatewayId,
      stored: writer.stored,
      alreadyPresent: writer.alreadyPresent,
      expected,
      calls: api.pacer.calls - callsBefore,
      elapsedMs,
      etaMs: rate !== undefined && expected !== undefined ? Math.max(0, (expected - seen) * rate) : undefined,
    });
  };

  const fetchPage = async (filters: Filter[], page: number) => {
    const answer = await api.list({ gatewayId, filters, page, perPage: PAGE_SIZE }, options.signal);
    const logs = answer.items.map((item, index) => {
      if (typeof item === 'object' && item !== null && 'feedback' in item) sawFeedbackField = true;
      const parsed = importLogSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : `#${index + 1} of page ${page}`;
        throw new SyncError(`log ${id} of gateway ${gatewayId} cannot be stored: ${issue.path.join('.')} ${issue.message}`, false);
      }
      if (!parsed.data.id) throw new SyncError(`a log of gateway ${gatewayId} has no id`, false);
      return cloudflareLogToStored(parsed.data, gatewayId, () => parsed.data.id!);
    });
    return { logs, totalCount: answer.totalCount };
  };
  const after = (cursor: number | null): Filter[] => (cursor === null ? [] : [{ key: 'created_at', operator: 'gt', value: [iso(cursor)] }]);

  try {
    if (!store.gateways.get(gatewayId)) store.gateways.create(gatewayId);
    let cursor = state.cursor;
    const lateWindow = options.lateWindowMs ?? DEFAULT_LATE_WINDOW_MS;
    // Late arrivals: one call counts the account's logs in the window just before the cursor.
    if (cursor !== null && lateWindow > 0) {
      const from = cursor - lateWindow;
      const window: Filter[] = [...after(from), { key: 'created_at', operator: 'lt', value: [iso(cursor + 1)] }];
      const remote = (await api.list({ gatewayId, filters: window, page: 1, perPage: 1 }, options.signal)).totalCount;
      const local = (db.prepare('SELECT count(*) AS n FROM logs WHERE gateway_id = ? AND created_at > ? AND created_at <= ?').get(gatewayId, from, cursor) as { n: number }).n;
      if (remote === undefined || remote > local) cursor = from;
    }
    // The ids of the last page's logs at its last instant: the next call reads them again (the cursor stops
    // 1 ms before that instant), and they are dropped there so that they count neither as new nor as
    // "already here" (which speaks of logs an earlier run or file stored).
    let reread = new Set<string>();
    for (;;) {
      const { logs, totalCount } = await fetchPage(after(cursor), 1);
      expected ??= totalCount;
      const fresh = reread.size === 0 ? logs : logs.filter((l) => !reread.has(l.id));
      if (logs.length < PAGE_SIZE) {
        writer.add(fresh);
        if (logs.length > 0) cursor = Math.max(cursor ?? -Infinity, logs[logs.length - 1]!.created_at);
        writer.commit(cursor);
        report();
        break;
      }
      const last = logs[logs.length - 1]!.created_at;
      const next = last - 1;
      if (cursor === null || next > cursor) {
        writer.add(fresh);
        cursor = next;
        reread = new Set(logs.filter((l) => l.created_at === last).map((l) => l.id));
      } else {
        // Every log of the page is at one instant (to the millisecond): read that instant page by page.
        const instant: Filter[] = [...after(cursor), { key: 'created_at', operator: 'lt', value: [iso(last + 1)] }];
        for (let page = 1; ; page++) {
          const { logs: more } = await fetchPage(instant, page);
          writer.add(reread.size === 0 ? more : more.filter((l) => !reread.has(l.id)));
          report();
          if (more.length < PAGE_SIZE) break;
        }
        cursor = last;
        reread = new Set();
      }
      writer.maybeCommit(cursor);
      report();
    }
    let feedbackUpdated = 0;
    // Feedback is read by filtered walks: over the logs stored since it was last read when the list items
    // carry none, and over the feedback window in any case (feedback given after a log was synced).
    const unread = sawFeedbackField ? null : (writer.state.feedbackFrom ?? null);
    const feedbackWindow = options.feedbackWindowMs ?? DEFAULT_FEEDBACK_WINDOW_MS;
    if (cursor !== null && (unread !== null || feedbackWindow > 0)) {
      const from = Math.min(unread ?? Infinity, feedbackWindow > 0 ? cursor - feedbackWindow : Infinity);
      feedbackUpdated = await syncFeedback(db, store, gatewayId, from, cursor, (filters, page) => api.list({ gatewayId, filters, page, perPage: PAGE_SIZE }, options.signal));
    }
    writer.finish(cursor);
    return { gatewayId, stored: writer.stored, alreadyPresent: writer.alreadyPresent, feedbackUpdated, calls: api.pacer.calls - callsBefore, elapsedMs: now() - started, state: writer.state };
  } catch (error) {
    // What was read since the last commit is dropped; the stored cursor still describes the store.
    writer.drop();
    throw error;
  }
}

/** Writes `feedback` for the logs the account rated, walking `feedback eq 1` and `eq -1` over (from − 1 ms, to]. */
async function syncFeedback(
  db: Database.Database,
  store: Store,
  gatewayId: string,
  from: number,
  to: number,
  list: (filters: Filter[], page: number) => Promise<{ items: unknown[] }>,
): Promise<number> {
  const update = db.prepare('UPDATE logs SET feedback = ? WHERE gateway_id = ? AND id = ? AND feedback <> ?');
  let updated = 0;
  for (const value of [1, -1] as const) {
    const filters: Filter[] = [
      { key: 'created_at', operator: 'gt', value: [iso(from - 1)] },
      { key: 'created_at', operator: 'lt', value: [iso(to + 1)] },
      { key: 'feedback', operator: 'eq', value: [value] },
    ];
    for (let page = 1; ; page++) {
      const { items } = await list(filters, page);
      const ids = items.flatMap((item) => (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : []));
      db.transaction(() => {
        let changed = 0;
        for (const id of ids) changed += update.run(value, gatewayId, id, value).changes;
        if (changed > 0) store.db.prepare('INSERT INTO log_state (gateway_id, generation) VALUES (?, 1) ON CONFLICT(gateway_id) DO UPDATE SET generation = generation + 1').run(gatewayId);
        updated += changed;
      }).immediate();
      if (items.length < PAGE_SIZE) break;
    }
  }
  return updated;
}

/** Holds read pages until a batch is full, then stores them, the cursor and the provenance in one transaction. */
class BatchWriter {
  stored = 0;
  alreadyPresent = 0;
  private pending: StoredLog[] = [];
  private pages = 0;
  private readonly insert: Database.Statement;
  private readonly bump: Database.Statement;
  private readonly ownerOf: Database.Statement<[string], string>;

  constructor(
    private readonly db: Database.Database,
    private readonly store: Store,
    private readonly gatewayId: string,
    readonly state: SyncState,
    private readonly pagesPerCommit: number,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare(`INSERT INTO logs (${LOG_COLUMNS}) VALUES (${LOG_COLUMNS.split(', ').map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`);
    this.bump = db.prepare('INSERT INTO log_state (gateway_id, generation) VALUES (?, 1) ON CONFLICT(gateway_id) DO UPDATE SET generation = generation + 1');
    this.ownerOf = db.prepare<[string], string>('SELECT gateway_id FROM logs WHERE id = ?').pluck();
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  add(logs: StoredLog[]): void {
    this.pending.push(...logs);
    this.pages++;
  }

  maybeCommit(cursor: number | null): void {
    if (this.pages >= this.pagesPerCommit) this.commit(cursor);
  }

  commit(cursor: number | null, finished = false): void {
    const logs = this.pending;
    this.db.transaction(() => {
      let added = 0;
      let present = 0;
      let oldestAdded = Infinity;
      for (const log of logs) {
        const changes = this.insert.run(
          log.id, log.gateway_id, log.created_at, log.provider, log.model, log.model_type, log.path, log.duration, log.success, log.cached,
          log.tokens_in, log.tokens_out, log.cost, log.request_content_type, log.response_content_type, log.request_type, log.status_code,
          log.metadata, log.feedback, log.score,
        ).changes;
        if (changes === 1) {
          added++;
          oldestAdded = Math.min(oldestAdded, log.created_at);
          continue;
        }
        const owner = this.ownerOf.get(log.id);
        if (owner !== this.gatewayId) throw new SyncError(`log ${log.id} of gateway ${this.gatewayId} is stored already in local gateway ${owner}; log ids are unique across gateways`, false);
        present++;
      }
      if (added > 0) this.bump.run(this.gatewayId);
      const next: SyncState = {
        ...this.state,
        cursor,
        synced: this.state.synced + added,
        lastSyncedAt: finished ? new Date(this.now()).toISOString() : this.state.lastSyncedAt,
        // Finished means the feedback walk (if one was needed) is done too.
        feedbackFrom: finished ? null : added > 0 ? Math.min(this.state.feedbackFrom ?? Infinity, oldestAdded) : (this.state.feedbackFrom ?? null),
      };
      this.store.meta.set(stateKey(this.gatewayId), JSON.stringify(next));
      if (added > 0 || finished) recordSource(this.db, { gatewayId: this.gatewayId, kind: 'sync', label: `account ${next.source.replace('/', ', gateway ')}`, logs: next.synced, at: next.lastSyncedAt ?? new Date(this.now()).toISOString() });
      Object.assign(this.state, next);
      this.stored += added;
      this.alreadyPresent += present;
    }).immediate();
    this.pending = [];
    this.pages = 0;
  }

  finish(cursor: number | null): void {
    this.commit(cursor, true);
  }

  drop(): void {
    this.pending = [];
    this.pages = 0;
  }
}
