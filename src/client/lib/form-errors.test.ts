import { describe, expect, it } from 'vitest';
import { mapServerErrors } from './form-errors.ts';

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
});
