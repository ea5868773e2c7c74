/**
 * A correctly rounded floating-point sum (Shewchuk's algorithm, as Python's math.fsum). The result does
 * not depend on the order of the values, so an average computed here equals one recomputed from the same
 * logs fetched in any other order: evaluation results are exact, not "close".
 */
export class PreciseSum {
  private partials: number[] = [];

  add(value: number): void {
    let x = value;
    const partials = this.partials;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }

  /**
   * The exact sum as non-overlapping partials (their exact total is the sum). Adding another sum's
   * partials to this one is exact, so sums taken over parts of the data merge without rounding.
   */
  partialSums(): number[] {
    return [...this.partials];
  }

  value(): number {
    const partials = this.partials;
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even across the remaining partials, as fsum does.
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

export function preciseSum(values: Iterable<number>): number {
  const sum = new PreciseSum();
  for (const v of values) sum.add(v);
  return sum.value();
}
