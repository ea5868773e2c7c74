import type { Store } from './store.ts';
import { GatewayColumns } from './column-store.ts';

/**
 * Keeps one columnar projection per gateway in step with SQLite. This process's own log writes update the
 * projection inside their transaction; writes by another process (the CLI importing or seeding while the
 * server runs) are noticed through `PRAGMA data_version` and the gateway's log generation, and the
 * affected projection is rebuilt before it answers.
 */
export class Projections {
  private readonly columns = new Map<string, GatewayColumns>();
  private readonly generations = new Map<string, number>();
  private dataVersion = -1;

  constructor(private readonly store: Store) {}

  /** Builds every gateway's projection (at open, so the first request is fast). */
  loadAll(): void {
    this.dataVersion = this.store.dataVersion();
    for (const id of this.store.gateways.ids()) this.rebuild(id);
  }

  rebuild(gatewayId: string): GatewayColumns {
    // Read the generation and the rows in one read transaction so they describe the same state.
    const cols = this.store.db.transaction(() => {
      this.generations.set(gatewayId, this.store.logs.generation(gatewayId));
      return GatewayColumns.load(this.store.db, gatewayId);
    })();
    this.columns.set(gatewayId, cols);
    return cols;
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

  /** Records that this process's own write moved the generation (called inside the write's transaction). */
  noteOwnWrite(gatewayId: string): void {
    this.generations.set(gatewayId, this.store.logs.generation(gatewayId));
  }

  clear(): void {
    this.columns.clear();
    this.generations.clear();
  }
}
