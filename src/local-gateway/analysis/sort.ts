/**
 * Sorts for the analysis' metric values, which the quantiles and histograms need ascending. The built-in
 * typed-array sort compares; at hundreds of thousands of values per group it was most of a breakdown's
 * time. Durations and token counts are small non-negative integers, so a counting sort is linear; costs
 * are non-negative doubles, whose bit patterns order as unsigned integers, so an LSD radix sort on 16-bit
 * digits is linear too. Anything else (negative values, a huge integer range, few values) falls back to
 * the built-in sort. Every function sorts in place and returns its argument, ascending as `.sort()` would.
 */

const SMALL = 256;
/** A counting sort's table may be this many times the values (or this many entries at least). */
const RANGE_FACTOR = 4;
const MIN_RANGE = 1 << 16;

/** Ascending integers: counting sort when the range is small against the count. */
export function sortIntegers(values: Int32Array): Int32Array {
  const n = values.length;
  if (n < SMALL) return values.sort();
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range > Math.max(RANGE_FACTOR * n, MIN_RANGE)) return values.sort();
  const counts = new Uint32Array(range);
  for (let i = 0; i < n; i++) counts[values[i]! - min]!++;
  let j = 0;
  for (let r = 0; r < range; r++) {
    const c = counts[r]!;
    if (c === 0) continue;
    values.fill(min + r, j, j + c);
    j += c;
  }
  return values;
}

/** Ascending non-negative doubles by LSD radix on their bits (4 passes of 16 bits; constant digits skipped). */
export function sortNonNegativeDoubles(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < SMALL) return values.sort();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Negative numbers, −0 and NaN do not order by their bits as unsigned integers.
    if (!(v > 0 || (v === 0 && 1 / v > 0))) return values.sort();
  }
  let src: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let spare: Uint32Array = new Uint32Array(2 * n);
  const counts = new Uint32Array(1 << 16);
  let inValues = true;
  // Little-endian doubles: word 2i holds the low 32 bits, 2i + 1 the high. Digits low to high.
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[2 * i + word]! >>> shift) & 0xffff]!++;
    // A digit every value shares moves nothing.
    if (counts[(src[word]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i]!;
      const hi = src[2 * i + 1]!;
      const at = 2 * counts[((word === 0 ? lo : hi) >>> shift) & 0xffff]!++;
      spare[at] = lo;
      spare[at + 1] = hi;
    }
    [src, spare] = [spare, src];
    inValues = !inValues;
  }
  if (!inValues) new Uint32Array(values.buffer, values.byteOffset, 2 * n).set(src);
  return values;
}

/** Several ascending arrays merged into one ascending array (a union of groups with no log in common). */
export function mergeSorted<T extends Float64Array | Int32Array>(parts: readonly T[], make: (n: number) => T): T {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = make(total);
  if (parts.length === 0) return out;
  let acc = parts[0]!;
  for (let k = 1; k < parts.length; k++) {
    const b = parts[k]!;
    const merged = k === parts.length - 1 ? out : make(acc.length + b.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < acc.length && j < b.length) merged[o++] = acc[i]! <= b[j]! ? acc[i++]! : b[j++]!;
    while (i < acc.length) merged[o++] = acc[i++]!;
    while (j < b.length) merged[o++] = b[j++]!;
    acc = merged;
  }
  if (parts.length === 1) out.set(acc);
  return out;
}
