import { describe, expect, it } from 'vitest';
import { changeRowKey, completeRows, rowsForReadBack } from './filter-rows.ts';
import { isoToLocalInput, localInputToIso } from './date-time-picker.tsx';

describe('filter rows', () => {
  it('keeps values across keys of the same kind and drops them otherwise', () => {
    expect(changeRowKey({ key: 'tokens', operator: 'lt', value: ['100'] }, 'duration')).toEqual({ key: 'duration', operator: 'lt', value: ['100'] });
    expect(changeRowKey({ key: 'provider', operator: 'contains', value: ['open'] }, 'cost')).toEqual({ key: 'cost', operator: 'gt', value: [] });
    expect(changeRowKey({ key: 'provider', operator: 'contains', value: ['open'] }, 'model')).toEqual({ key: 'model', operator: 'contains', value: ['open'] });
  });

  it('counts only complete rows, normalised', () => {
    expect(
      completeRows([
        { key: 'cost', operator: 'gt', value: ['0.5'] },
        { key: 'cost', operator: 'lt', value: ['x'] },
      ]),
    ).toEqual({ filters: [{ key: 'cost', operator: 'gt', value: [0.5] }], incomplete: 1 });
  });

  it('reads back half-typed rows as typed', () => {
    expect(rowsForReadBack([{ key: 'provider', operator: 'eq', value: [] }])).toEqual([{ key: 'provider', operator: 'eq', value: [] }]);
  });

  it('turns a local date-time into an absolute UTC time and back', () => {
    const iso = localInputToIso('2026-03-04T05:06');
    expect(iso).toMatch(/^2026-03-0\dT\d\d:\d\d:00Z$/);
    expect(isoToLocalInput(iso)).toBe('2026-03-04T05:06');
    expect(isoToLocalInput('nonsense')).toBe('');
  });
});
