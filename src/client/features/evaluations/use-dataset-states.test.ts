import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { datasetStateOf } from './use-dataset-states.ts';

describe('datasetStateOf', () => {
  const created = '2026-01-10T12:00:00Z';
  it('flags a dataset modified after the evaluation', () => {
    expect(datasetStateOf(created, { modified_at: '2026-01-10T12:00:01Z' }, null)).toBe('modified');
    expect(datasetStateOf(created, { modified_at: '2026-01-10T11:59:59Z' }, null)).toBe('unchanged');
  });
  it('calls a 404 deleted and other failures unknown', () => {
    expect(datasetStateOf(created, undefined, new ApiError(404, [{ code: 7002, message: 'Not Found' }]))).toBe('deleted');
    expect(datasetStateOf(created, undefined, new ApiError(500, [{ message: 'boom' }]))).toBe('unknown');
    expect(datasetStateOf(created, undefined, null)).toBe('unknown');
  });
});
