/**
 * A text column's values as small integer codes, so a filter on text resolves once per distinct value
 * instead of once per log. Code 0 is "no value".
 */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  /** Rows per code, to estimate how much of the data a row filter keeps (to run the most selective first). */
  readonly counts: number[] = [0];
  private readonly index = new Map<string, number>();

  /** Refills an empty dictionary with saved values and counts (code = index; code 0 is "no value"). */
  restore(values: readonly (string | null)[], counts: readonly number[]): void {
    this.values.length = 0;
    this.counts.length = 0;
    this.index.clear();
    values.forEach((value, code) => {
      this.values.push(code === 0 ? null : value);
      this.counts.push(counts[code] ?? 0);
      if (code > 0 && value !== null) this.index.set(value, code);
    });
  }

  /** The value's code, adding it on first sight; counts the row either way. */
  code(value: string | null): number {
    if (value === null) {
      this.counts[0]!++;
      return 0;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.counts.push(0);
      this.index.set(value, code);
    }
    this.counts[code]!++;
    return code;
  }

  /** A lookup table code → 1/0, resolved once per query (so a `contains` costs one table read per log). */
  table(test: (value: string) => boolean): Uint8Array {
    const table = new Uint8Array(this.values.length);
    for (let c = 1; c < this.values.length; c++) if (test(this.values[c]!)) table[c] = 1;
    return table;
  }

  /** code → rank in the values' sort order (missing first), for ordering a list by this column. */
  ranks(): Uint32Array {
    const order = this.values.map((_, c) => c).slice(1);
    order.sort((a, b) => (this.values[a]! < this.values[b]! ? -1 : this.values[a]! > this.values[b]! ? 1 : 0));
    const ranks = new Uint32Array(this.values.length);
    order.forEach((code, i) => (ranks[code] = i + 1));
    return ranks;
  }
}
