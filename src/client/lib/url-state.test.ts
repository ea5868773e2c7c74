import { describe, expect, it } from 'vitest';
import { filtersToParam, idsToParam, parseFiltersParam, parseIdsParam, readBoolParam, readIntParam, withParams } from './url-state.ts';

describe('url state', () => {
  it('round-trips filters through the URL', () => {
    const filters = [
      { key: 'provider' as const, operator: 'eq' as const, value: ['openai', 'anthropic'] },
      { key: 'cost' as const, operator: 'gt' as const, value: [0.01] },
    ];
    const params = new URLSearchParams({ filters: filtersToParam(filters)! });
    expect(parseFiltersParam(new URLSearchParams(params.toString()).get('filters'))).toEqual(filters);
  });

  it('reads odd but well-shaped rows, and nothing from junk', () => {
    expect(parseFiltersParam('[{"key":"cost","operator":"contains","value":["x"]}]')).toEqual([
      { key: 'cost', operator: 'contains', value: ['x'] },
    ]);
    expect(parseFiltersParam('not json')).toEqual([]);
    expect(parseFiltersParam('{"key":"cost"}')).toEqual([]);
    expect(parseFiltersParam('[{"key":"nope","operator":"eq","value":[1]}]')).toEqual([]);
    expect(parseFiltersParam(null)).toEqual([]);
    expect(filtersToParam([])).toBeUndefined();
  });

  it('reads and clamps numbers and booleans', () => {
    const p = new URLSearchParams('page=7&per_page=500&bad=x&on=true&off=false&odd=yes');
    expect(readIntParam(p, 'page', 1, 1, 100)).toBe(7);
    expect(readIntParam(p, 'per_page', 25, 1, 50)).toBe(50);
    expect(readIntParam(p, 'bad', 3, 1, 10)).toBe(3);
    expect(readIntParam(p, 'missing', 3, 1, 10)).toBe(3);
    expect(readBoolParam(p, 'on')).toBe(true);
    expect(readBoolParam(p, 'off')).toBe(false);
    expect(readBoolParam(p, 'odd')).toBeUndefined();
  });

  it('reads distinct ids and writes them back', () => {
    expect(parseIdsParam('a, b,,a')).toEqual(['a', 'b']);
    expect(parseIdsParam(null)).toEqual([]);
    expect(idsToParam(['a', 'b'])).toBe('a,b');
  });

  it('drops emptied params and keeps the others', () => {
    expect(withParams(new URLSearchParams('a=1&b=2'), { a: undefined, b: '', c: 3 }).toString()).toBe('c=3');
  });
});
