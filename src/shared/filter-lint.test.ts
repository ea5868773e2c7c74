import { describe, expect, it } from 'vitest';
import { lintFilters } from './filter-lint.ts';
import type { WireFilter } from './filters.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('lintFilters', () => {
  it('flags cost > 5 and cost < 1 as a contradiction naming both rows', () => {
    const filters: WireFilter[] = [
      { key: 'cost', operator: 'gt', value: [5] },
      { key: 'provider', operator: 'eq', value: ['openai'] },
      { key: 'cost', operator: 'lt', value: [1] },
    ];
    const lints = lintFilters(filters, { now });
    expect(lints).toHaveLength(1);
    expect(lints[0]!.rows).toEqual([0, 2]);
    expect(lints[0]!.message).toMatch(/Filter 1, Filter 3 contradict each other/);
  });

  it('accepts a consistent range on one key but still notes the key is used twice', () => {
    const lints = lintFilters(
      [
        { key: 'cost', operator: 'gt', value: [1] },
        { key: 'cost', operator: 'lt', value: [5] },
      ],
      { now },
    );
    expect(lints).toHaveLength(1);
    expect(lints[0]!.message).toMatch(/Cost is used in 2 rows/);
  });

  it('flags integer ranges with no whole number between them', () => {
    const lints = lintFilters(
      [
        { key: 'tokens', operator: 'gt', value: [10] },
        { key: 'tokens', operator: 'lt', value: [11] },
      ],
      { now },
    );
    expect(lints[0]!.message).toMatch(/contradict/);
  });

  it('flags eq rows on one key with disjoint values', () => {
    const lints = lintFilters(
      [
        { key: 'provider', operator: 'eq', value: ['openai'] },
        { key: 'provider', operator: 'eq', value: ['anthropic'] },
      ],
      { now },
    );
    expect(lints[0]!.message).toMatch(/Put the values in one row/);
  });

  it('flags an eq value outside a range', () => {
    const lints = lintFilters(
      [
        { key: 'duration', operator: 'eq', value: [100] },
        { key: 'duration', operator: 'gt', value: [500] },
      ],
      { now },
    );
    expect(lints.some((l) => /outside the range/.test(l.message))).toBe(true);
  });

  it('flags contradictory status rows', () => {
    const lints = lintFilters(
      [
        { key: 'success', operator: 'eq', value: [true] },
        { key: 'success', operator: 'eq', value: [false] },
      ],
      { now },
    );
    expect(lints[0]!.message).toMatch(/contradict/);
  });

  it('flags created_at after a future time, but not before one', () => {
    expect(lintFilters([{ key: 'created_at', operator: 'gt', value: ['2026-07-01T00:00:00Z'] }], { now })[0]!.message).toMatch(
      /in the future/,
    );
    expect(lintFilters([{ key: 'created_at', operator: 'lt', value: ['2026-07-01T00:00:00Z'] }], { now })).toEqual([]);
  });

  it('flags created_at ranges that cannot overlap', () => {
    const lints = lintFilters(
      [
        { key: 'created_at', operator: 'gt', value: ['2026-05-02T00:00:00Z'] },
        { key: 'created_at', operator: 'lt', value: ['2026-05-01T00:00:00Z'] },
      ],
      { now },
    );
    expect(lints[0]!.message).toMatch(/contradict/);
  });

  it('warns when the live count is zero, and only then', () => {
    const filters: WireFilter[] = [{ key: 'model', operator: 'contains', value: ['llama'] }];
    expect(lintFilters(filters, { now, matchCount: 0 })).toEqual([{ rows: [], message: 'No logs match these filters right now.' }]);
    expect(lintFilters(filters, { now, matchCount: 3 })).toEqual([]);
    expect(lintFilters(filters, { now })).toEqual([]);
  });

  it('says nothing about an empty list or distinct keys', () => {
    expect(lintFilters([], { now, matchCount: 0 })).toEqual([]);
    expect(
      lintFilters(
        [
          { key: 'provider', operator: 'eq', value: ['openai'] },
          { key: 'cost', operator: 'gt', value: [0.01] },
        ],
        { now },
      ),
    ).toEqual([]);
  });
});
