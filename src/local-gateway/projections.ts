import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store.ts';
import { GatewayColumns } from './column-store.ts';
import { readSnapshot, writeSnapshot, type SnapshotKey } from './column-store/snapshot.ts';
import { SCHEMA_VERSION } from './migrations.ts';

/** Folder of the saved projections, inside the data directory. */
export const PROJECTIONS_DIR_NAME = 'projections';

/**
 * Keeps one columnar projection per gateway in step with SQLite. This process's own log writes update the
 * projection inside their transaction; writes by another process (the CLI importing or seeding while the
 * server runs) are noticed through `PRAGMA data_version` and the gateway's log generation, and the
 * affected projection is rebuilt before it answers.
 *
 * A projection is also saved beside the store (column-store/snapshot.ts) and read back at the next start
 * instead of decoding every log from SQLite, but only when it was saved at the gateway's current log
 * generation and count: SQLite stays the source of truth, the file is a cache that any write invalidates.
 */
export class Projections {
  private readonly columns = new Map<string, GatewayColumns>();
  private readonly generations = new Map<string, number>();
  /** The generation each gateway's saved file holds, when it is known to be current on disk. */
  private readonly saved = new Map<string, number>();
  private dataVersion = -1;
  private saveTimer: NodeJS.Timeout | undefined;

  /** `onDrop` hears of a projection this set no longer holds (replaced or dropped), so workers let go of it. */
  constructor(
    private readonly store: Store,
    private readonly onDrop: (cols: GatewayColumns) => void = () => {},
  ) {}

  /** Builds every gateway's projection (at open, so the first request is fast). */
  loadAll(): void {
    this.dataVersion = this.store.dataVersion();
    for (const id of this.store.gateways.ids()) this.rebuild(id);
  }

  rebuild(gatewayId: string): GatewayColumns {
    // Read the generation and the rows in one read transaction so they describe the same state.
    const cols = this.store.db.transaction(() => {
      const generation = this.store.logs.generation(gatewayId);
      this.generations.set(gatewayId, generation);
      const key = this.snapshotKey(gatewayId, generation);
      const saved = key && readSnapshot(this.snapshotPath(gatewayId), key, GatewayColumns.allocate);
      if (saved) {
        this.saved.set(gatewayId, generation);
        return saved;
      }
      return GatewayColumns.load(this.store.db, gatewayId);
    })();
    const old = this.columns.get(gatewayId);
    this.columns.set(gatewayId, cols);
    if (old && old !== cols) this.onDrop(old);
    return cols;
  }

  /**
   * The gateway's log count when its projection is current, else undefined: a cheap read that never
   * rebuilds (a rebuild decodes every log), for callers that can count another way meanwhile.
   */
  currentCount(gatewayId: string): number | undefined {
    const cols = this.columns.get(gatewayId);
    return cols && this.generations.get(gatewayId) === this.store.logs.generation(gatewayId) ? cols.length : undefined;
  }

  /** The gateway's projection, rebuilt first if another process changed its logs. */
  get(gatewayId: string): GatewayColumns {
    const version = this.store.dataVersion();
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      for (const [id] of this.columns) {
        if (this.store.logs.generation(id) !== this.generations.get(id)) this.rebuild(id);
      }
    }
    return this.columns.get(gatewayId) ?? this.rebuild(gatewayId);
  }

  /**
   * Records that this process's own write moved the generation (called inside the write's transaction,
   * after the bump). `generationBefore` is the generation just before that bump: when it is not the one
   * the projection was built at, another process committed log writes in between (after `get()`, before
   * the write took the lock), so the projection lacks them. Noting the new generation as ours would hide
   * them for good; the gateway is dropped instead and the next `get()` rebuilds it.
   */
  noteOwnWrite(gatewayId: string, generationBefore: number): void {
    if (this.generations.get(gatewayId) === generationBefore) {
      this.generations.set(gatewayId, this.store.logs.generation(gatewayId));
    } else {
      const old = this.columns.get(gatewayId);
      this.columns.delete(gatewayId);
      this.generations.delete(gatewayId);
      if (old) this.onDrop(old);
    }
  }

  /** Saves the projections a moment after start-up, off the path of the first answers. */
  saveSoon(delayMs = 1000): void {
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined;
      this.save();
    }, delayMs).unref();
  }

  /**
   * Saves every projection whose file is not current. Only outside a transaction (a projection built
   * inside one, at first start, may yet be rolled back) and only when SQLite is still at the projection's
   * generation. A failure (disk full, say) costs the next start a rebuild, nothing else.
   */
  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.store.db.open || this.store.db.inTransaction) return;
    for (const [id, cols] of this.columns) {
      const generation = this.generations.get(id);
      if (generation === undefined || this.saved.get(id) === generation) continue;
      const key = this.snapshotKey(id, generation);
      if (!key || this.store.logs.generation(id) !== generation || key.count !== cols.length) continue;
      try {
        mkdirSync(join(this.store.dataDir, PROJECTIONS_DIR_NAME), { recursive: true });
        writeSnapshot(this.snapshotPath(id), cols, key);
        this.saved.set(id, generation);
      } catch (error) {
        console.error(`local gateway: could not save the projection of ${id} (the next start rebuilds it):`, error instanceof Error ? error.message : error);
      }
    }
  }

  clear(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    for (const cols of this.columns.values()) this.onDrop(cols);
    this.columns.clear();
    this.generations.clear();
    this.saved.clear();
  }

  /** Gateway ids match ^[a-z0-9_]+(?:-[a-z0-9_]+)*$, so they are safe file names. */
  private snapshotPath(gatewayId: string): string {
    return join(this.store.dataDir, PROJECTIONS_DIR_NAME, `${gatewayId}.columns`);
  }

  private snapshotKey(gatewayId: string, generation: number): SnapshotKey | undefined {
    const accountId = this.store.meta.get('account_id');
    if (!accountId) return undefined;
    return { accountId, schemaVersion: SCHEMA_VERSION, gatewayId, generation, count: this.store.logs.count(gatewayId) };
  }
}
