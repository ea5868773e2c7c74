/**
 * What a write storm was told: for each key (a dataset's name, a log's feedback, an evaluation), the value
 * last acknowledged with a 2xx and the values sent after it whose answers never came (the process died).
 * After a crash the store must hold the acknowledged value or one of those in flight, never an older one.
 */
export class WriteLedger<V> {
  private readonly acked = new Map<string, V>();
  private readonly inFlight = new Map<string, V[]>();

  send(key: string, value: V) {
    const list = this.inFlight.get(key) ?? [];
    list.push(value);
    this.inFlight.set(key, list);
  }

  ack(key: string, value: V) {
    this.acked.set(key, value);
    // Sent before this one and answered or not, they can no longer be the latest.
    this.inFlight.set(key, []);
  }

  /** Values that may legitimately be stored for an acknowledged key. */
  allowed(key: string): V[] {
    const acked = this.acked.get(key);
    return acked === undefined ? [] : [acked, ...(this.inFlight.get(key) ?? [])];
  }

  ackedKeys(): string[] {
    return [...this.acked.keys()];
  }

  get size() {
    return this.acked.size;
  }
}
