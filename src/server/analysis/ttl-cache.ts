/**
 * A bounded map whose entries expire: the oldest entry goes when it is full (insertion order, refreshed on
 * write). Enough for counts and analyses that stay true for minutes, not a general cache.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A view of the keys under one prefix (one gateway's entries). */
  scoped(prefix: string): { get(key: string): V | undefined; set(key: string, value: V): void } {
    return { get: (key) => this.get(prefix + key), set: (key, value) => this.set(prefix + key, value) };
  }
}
