import { describe, expect, it } from 'vitest';
import { mergeSorted, sortIntegers, sortNonNegativeDoubles } from './sort.ts';

/** A small seeded generator, so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const nativeSorted = <T extends Float64Array | Int32Array>(a: T): T => a.slice().sort() as T;

describe('sortIntegers', () => {
  it.each([
    ['small range', 5000, (r: () => number) => Math.floor(r() * 3000)],
    ['all equal', 3000, () => 7],
    ['a huge range (falls back)', 3000, (r: () => number) => Math.floor(r() * 2 ** 30)],
    ['negatives and one outlier', 3000, (r: () => number, i: number) => (i === 5 ? 1_000_000 : Math.floor(r() * 200) - 100)],
    ['few values', 10, (r: () => number) => Math.floor(r() * 50)],
  ])('%s: as the built-in sort', (_, n, value) => {
    const r = random(n);
    const a = Int32Array.from({ length: n }, (_, i) => value(r, i));
    expect([...sortIntegers(a.slice())]).toEqual([...nativeSorted(a)]);
  });
  it('an empty array', () => expect(sortIntegers(new Int32Array(0)).length).toBe(0));
});

describe('sortNonNegativeDoubles', () => {
  it.each([
    ['spread over decades with zeros', 20_000, (r: () => number) => (r() < 0.1 ? 0 : 10 ** (-7 + 6 * r()))],
    ['all equal', 1000, () => 0.0025],
    ['integers and tiny values', 5000, (r: () => number) => (r() < 0.5 ? Math.floor(r() * 100) : Number.MIN_VALUE * Math.floor(r() * 1000))],
    ['a negative value (falls back)', 2000, (r: () => number, i: number) => (i === 3 ? -1 : r())],
    ['negative zero (falls back)', 2000, (r: () => number, i: number) => (i === 9 ? -0 : r())],
  ])('%s: as the built-in sort', (_, n, value) => {
    const r = random(n + 1);
    const a = Float64Array.from({ length: n }, (_, i) => value(r, i));
    const got = sortNonNegativeDoubles(a.slice());
    const want = nativeSorted(a);
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) expect([i, got[i]]).toEqual([i, want[i]]);
  });
  it('sorts a view into a larger buffer in place, leaving the rest', () => {
    const whole = new Float64Array([9, 3, 2, 1, ...Array.from({ length: 600 }, (_, i) => (600 - i) / 7), 42]);
    const view = whole.subarray(1, whole.length - 1);
    const want = nativeSorted(view.slice());
    sortNonNegativeDoubles(view);
    expect([...view]).toEqual([...want]);
    expect(whole[0]).toBe(9);
    expect(whole[whole.length - 1]).toBe(42);
  });
});

describe('mergeSorted', () => {
  it('merges ascending parts into the sort of their concatenation', () => {
    const r = random(3);
    const parts = [50, 0, 700, 1].map((n) => Float64Array.from({ length: n }, () => r()).sort());
    const merged = mergeSorted(parts, (n) => new Float64Array(n));
    const all = new Float64Array(parts.flatMap((p) => [...p])).sort();
    expect([...merged]).toEqual([...all]);
    expect([...mergeSorted([Int32Array.of(1, 4)], (n) => new Int32Array(n))]).toEqual([1, 4]);
    expect(mergeSorted([], (n) => new Int32Array(n)).length).toBe(0);
  });
});
