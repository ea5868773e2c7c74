import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { splitServerErrors } from './form-errors.ts';

describe('splitServerErrors', () => {
  it('puts path errors on their fields and keeps the rest', () => {
    const error = new ApiError(400, [
      { code: 7001, message: 'dataset_ids › 1: not found', path: ['body', 'dataset_ids', '1'] },
      { code: 7001, message: 'Name is required', path: ['body', 'name'] },
      { code: 7001, message: 'Something else', path: ['query', 'x'] },
    ]);
    const { byField, other } = splitServerErrors(error, ['name', 'dataset_ids', 'evaluation_type_ids'] as const);
    expect(byField.get('dataset_ids')).toBe('dataset_ids › 1: not found');
    expect(byField.get('name')).toBe('Name is required');
    expect(other).toEqual(['Something else']);
  });
  it('keeps a network failure as a general message', () => {
    expect(splitServerErrors(new Error('offline'), ['name']).other).toEqual(['offline']);
  });
});
