import { describe, expect, it } from 'vitest';
import { KEY_META, LOG_KEYS, OPERATORS, filterSchema, filtersSchema, oddFilterRows, valueProblem, type LogKey, type ValueType } from './filters.ts';
import { datasetInputSchema } from './datasets.ts';
import { zodToApiErrors } from './envelope.ts';

/** One valid and several invalid raw values per value type, as a browser or a query string may send them. */
const SAMPLES: Record<ValueType, { valid: unknown[]; invalid: unknown[] }> = {
  'date-time': { valid: ['2026-01-31T12:00:00Z', '2026-01-31T12:00:00.123+02:00'], invalid: ['yesterday', 12, true, '2026-13-40T00:00:00Z'] },
  string: { valid: ['openai', 'application/json'], invalid: ['', '   ', 3, false] },
  boolean: { valid: [true, false, 'true', 'false'], invalid: ['yes', 1, 0, 'True'] },
  number: { valid: [0, 0.01, '0.5', 12], invalid: ['cheap', -1, 'NaN', true, '1e999'] },
  integer: { valid: [0, 120, '300'], invalid: ['many', 1.5, -3, false] },
  feedback: { valid: [1, -1, 0, '1'], invalid: [2, 'up', true, 0.5] },
};

describe('filterSchema: every key × operator × value type', () => {
  for (const key of LOG_KEYS) {
    const meta = KEY_META[key];
    for (const operator of OPERATORS) {
      const allowed = meta.operators.includes(operator);
      const samples = SAMPLES[meta.type];
      if (!allowed) {
        it(`${key} refuses ${operator}, naming the operator`, () => {
          const r = filterSchema.safeParse({ key, operator, value: [samples.valid[0]] });
          expect(r.success).toBe(false);
          expect(r.error?.issues[0]?.path).toEqual(['operator']);
          expect(r.error?.issues[0]?.message).toContain(meta.label);
        });
        continue;
      }
      for (const value of samples.valid) {
        it(`${key} ${operator} accepts ${JSON.stringify(value)} and parsing is idempotent`, () => {
          const once = filterSchema.parse({ key, operator, value: [value] });
          expect(filterSchema.parse(once)).toEqual(once);
        });
      }
      for (const value of samples.invalid) {
        it(`${key} ${operator} refuses ${JSON.stringify(value)} on the value`, () => {
          const r = filterSchema.safeParse({ key, operator, value: [value] });
          expect(r.success).toBe(false);
          expect(r.error?.issues[0]?.path).toEqual(['value', 0]);
          expect(r.error?.issues[0]?.message).toContain(meta.label);
        });
      }
    }
  }
});

describe('filterSchema: structural refusals', () => {
  it('refuses neq, an unknown key and an empty value list', () => {
    expect(filterSchema.safeParse({ key: 'model', operator: 'neq', value: ['x'] }).error?.issues[0]?.path).toEqual(['operator']);
    expect(filterSchema.safeParse({ key: 'color', operator: 'eq', value: ['x'] }).error?.issues[0]?.path).toEqual(['key']);
    expect(filterSchema.safeParse({ key: 'model', operator: 'eq', value: [] }).error?.issues[0]?.message).toBe('Model needs a value');
  });

  it('allows several values only where the key takes them', () => {
    expect(filterSchema.safeParse({ key: 'provider', operator: 'eq', value: ['openai', 'anthropic'] }).success).toBe(true);
    expect(filterSchema.safeParse({ key: 'cost', operator: 'gt', value: [1, 2] }).success).toBe(false);
  });

  it('refuses impossible days and times rather than rolling them over', () => {
    for (const bad of ['2026-02-31', '2025-02-29', '2026-00-10', '2026-04-31']) {
      expect(filterSchema.safeParse({ key: 'created_at', operator: 'eq', value: [bad] }).success, bad).toBe(false);
    }
    for (const bad of ['2026-02-31T10:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z', '2026-01-01T10:00:00+25:00']) {
      expect(filterSchema.safeParse({ key: 'created_at', operator: 'gt', value: [bad] }).success, bad).toBe(false);
    }
    expect(filterSchema.safeParse({ key: 'created_at', operator: 'eq', value: ['2024-02-29'] }).success).toBe(true);
    expect(filterSchema.safeParse({ key: 'created_at', operator: 'lt', value: ['2024-02-29T23:59:59.999-05:30'] }).success).toBe(true);
  });

  it('accepts a YYYY-MM-DD day only with eq on created_at', () => {
    expect(filterSchema.safeParse({ key: 'created_at', operator: 'eq', value: ['2026-01-31'] }).success).toBe(true);
    expect(filterSchema.safeParse({ key: 'created_at', operator: 'gt', value: ['2026-01-31'] }).success).toBe(false);
  });

  it('names the row in API errors as people count it', () => {
    const r = datasetInputSchema.safeParse({
      name: 'n',
      enable: true,
      filters: [
        { key: 'provider', operator: 'eq', value: ['openai'] },
        { key: 'cost', operator: 'gt', value: ['cheap'] },
      ],
    });
    expect(r.success).toBe(false);
    const [error] = zodToApiErrors('body', r.error!);
    expect(error).toEqual({ code: 7001, message: 'filters › Filter 2 › value › 0: Cost must be a number (USD)', path: ['body', 'filters', '1', 'value', '0'] });
  });

  it('refuses more than 50 rows', () => {
    const rows = Array.from({ length: 51 }, () => ({ key: 'success', operator: 'eq', value: [true] }));
    expect(filtersSchema.safeParse(rows).success).toBe(false);
  });

  it('flags odd rows of data made elsewhere without throwing', () => {
    const odd = oddFilterRows([
      { key: 'created_at', operator: 'eq', value: ['string'] },
      { key: 'success', operator: 'eq', value: [true] },
    ]);
    expect(odd).toHaveLength(1);
    expect(odd[0]?.index).toBe(0);
  });
});

describe('datasetInputSchema', () => {
  it('is idempotent over a whole dataset body', () => {
    const input = {
      name: '  gpt-4o successes ',
      enable: true,
      filters: [
        { key: 'model' as LogKey, operator: 'contains', value: ['gpt'] },
        { key: 'tokens' as LogKey, operator: 'lt', value: ['1000'] },
        { key: 'success' as LogKey, operator: 'eq', value: ['true'] },
      ],
    };
    const once = datasetInputSchema.parse(input);
    expect(once.name).toBe('gpt-4o successes');
    expect(once.filters[1]?.value).toEqual([1000]);
    expect(datasetInputSchema.parse(once)).toEqual(once);
  });

  it('refuses a name with control characters and a missing enable', () => {
    expect(datasetInputSchema.safeParse({ name: 'a\u0000b', enable: true, filters: [] }).success).toBe(false);
    expect(datasetInputSchema.safeParse({ name: 'a', filters: [] }).success).toBe(false);
  });
});

describe('error messages quote the input only boundedly', () => {
  it('names a 10,000-character key without echoing it whole', () => {
    const long = 'k'.repeat(10_000);
    const r = datasetInputSchema.safeParse({ name: 'n', enable: true, filters: [{ key: long, operator: 'eq', value: ['x'] }] });
    const errors = zodToApiErrors('body', r.error!);
    expect(errors[0]?.message.length).toBeLessThanOrEqual(501);
    expect(errors[0]?.path).toEqual(['body', 'filters', '0', 'key']);
  });
});

describe('valueProblem: the as-you-type check', () => {
  it('says what the schema says, naming the key and its unit, and passes good values', () => {
    expect(valueProblem('cost', 'gt', ['cheap'])).toEqual({ index: 0, message: 'Cost must be a number (USD)' });
    expect(valueProblem('duration', 'lt', ['1.5'])).toEqual({ index: 0, message: 'Duration must be a whole number' });
    expect(valueProblem('provider', 'eq', ['openai', ' '])).toEqual({ index: 1, message: 'Provider must be a non-empty text' });
    expect(valueProblem('cost', 'gt', ['0.5'])).toBeUndefined();
    const parsed = filterSchema.safeParse({ key: 'cost', operator: 'gt', value: ['cheap'] });
    expect(parsed.success ? undefined : parsed.error.issues[0]?.message).toBe(valueProblem('cost', 'gt', ['cheap'])?.message);
  });
});
