/**
 * The logs a query selects, as positions in created_at order. When only created_at rows narrowed it, the
 * selection is the whole window [lo, hi) of the sorted columns and is kept as those two numbers: its count
 * is a subtraction and a page by time reads the window directly, with no candidate list written. Callers
 * that need the positions one by one (ranges, other orderings, evaluation masks) materialise it.
 */
export class Selection {
  private constructor(
    /** The window every position lies in. */
    readonly lo: number,
    readonly hi: number,
    /** The positions, or null when the selection is the whole window. */
    private list: Uint32Array | null,
    /** Where a whole window is materialised, at the same indexes as its positions (a query's buffer). */
    private readonly buffer: Uint32Array,
  ) {}

  static window(lo: number, hi: number, buffer: Uint32Array): Selection {
    return new Selection(lo, Math.max(lo, hi), null, buffer);
  }

  static list(positions: Uint32Array): Selection {
    return new Selection(positions[0] ?? 0, (positions[positions.length - 1] ?? -1) + 1, positions, positions);
  }

  /** True when the selection is the whole window [lo, hi). */
  get isWindow(): boolean {
    return this.list === null;
  }

  get length(): number {
    return this.list ? this.list.length : this.hi - this.lo;
  }

  /** The i-th selected position (0 ≤ i < length). */
  at(i: number): number {
    return this.list ? this.list[i]! : this.lo + i;
  }

  /** The positions as an array (a view on the query's buffer: valid as long as it is). */
  positions(): Uint32Array {
    if (!this.list) {
      // Index p holds position p: inside the window's own part of the buffer, so slices never overlap.
      const out = this.buffer.subarray(this.lo, this.hi);
      for (let i = 0; i < out.length; i++) out[i] = this.lo + i;
      this.list = out;
    }
    return this.list;
  }
}
