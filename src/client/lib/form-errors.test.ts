import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { applyServerErrors, mapServerErrors } from './form-errors.ts';

describe('mapServerErrors', () => {
  it('lands a row value error on that row field', () => {
    expect(
      mapServerErrors(
        [{ code: 7001, message: 'filters › Filter 2 › value › 0: Cost must be a number (USD)', path: ['body', 'filters', '1', 'value', '0'] }],
        ['name', 'enable', 'filters'],
      ),
    ).toEqual({ fields: [{ name: 'filters.1.value', message: 'Cost must be a number (USD)' }], other: [] });
  });

  it('lands a name error on Name and keeps the rest for the alert', () => {
    expect(
      mapServerErrors(
        [
          { message: 'name: Name is required', path: ['body', 'name'] },
          { message: 'Dataset not found', code: 7002 },
          { message: 'gw: bad', path: ['path', 'gw'] },
        ],
        ['name', 'enable', 'filters'],
      ),
    ).toEqual({ fields: [{ name: 'name', message: 'Name is required' }], other: ['Dataset not found', 'gw: bad'] });
  });

  it('an item of a list field lands on the list; a second error for a field goes to the alert', () => {
    expect(
      mapServerErrors(
        [
          { code: 7001, message: 'dataset_ids › 1: no dataset "x" in gateway "g"', path: ['body', 'dataset_ids', '1'] },
          { code: 7001, message: 'dataset_ids › 2: no dataset "y" in gateway "g"', path: ['body', 'dataset_ids', '2'] },
          { code: 7001, message: 'Something else', path: ['query', 'x'] },
        ],
        ['name', 'dataset_ids', 'evaluation_type_ids'],
      ),
    ).toEqual({
      fields: [{ name: 'dataset_ids', message: 'no dataset "x" in gateway "g"' }],
      other: ['dataset_ids › 2: no dataset "y" in gateway "g"', 'Something else'],
    });
  });

  it('an error on a filter row as a whole, with no field of its own, goes to the alert', () => {
    expect(mapServerErrors([{ message: 'filters › Filter 1: duplicate row', path: ['body', 'filters', '0'] }], ['filters'])).toEqual({
      fields: [],
      other: ['filters › Filter 1: duplicate row'],
    });
  });
});

describe('applyServerErrors', () => {
  it('sets each field error, focusing the first, and returns the rest for the alert', () => {
    const setError = vi.fn();
    const error = new ApiError(400, [
      { code: 7001, message: 'name: Name is required', path: ['body', 'name'] },
      { code: 7001, message: 'dataset_ids › 0: no dataset "x" in gateway "g"', path: ['body', 'dataset_ids', '0'] },
      { code: 7002, message: 'Gateway not found' },
    ]);
    expect(applyServerErrors(error, setError, ['name', 'dataset_ids'])).toEqual(['Gateway not found']);
    expect(setError.mock.calls).toEqual([
      ['name', { type: 'server', message: 'Name is required' }, { shouldFocus: true }],
      ['dataset_ids', { type: 'server', message: 'no dataset "x" in gateway "g"' }, { shouldFocus: false }],
    ]);
  });

  it('an API failure without items, or a failure that is not the API, is still one message', () => {
    const setError = vi.fn();
    expect(applyServerErrors(new ApiError(0, []), setError, ['name'])).toEqual(['The server could not be reached']);
    expect(applyServerErrors(new Error('offline'), setError, ['name'])).toEqual(['offline']);
    expect(setError).not.toHaveBeenCalled();
  });
});
