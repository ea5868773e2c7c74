import { describe, expect, it } from 'vitest';
import { MISSING } from '../../lib/format.ts';
import { formatResult, parseResult, resultKind } from './format-result.ts';

describe('resultKind', () => {
  it('reads the type first', () => {
    expect(resultKind({ type: 'cost', name: 'Whatever' })).toBe('cost');
    expect(resultKind({ type: 'speed', name: 'x' })).toBe('speed');
    expect(resultKind({ type: 'performance', name: 'Human feedback' })).toBe('feedback');
  });
  it('falls back to the name when the type is unknown', () => {
    expect(resultKind({ type: 'x1', name: 'Human feedback' })).toBe('feedback');
    expect(resultKind({ type: 'x2', name: 'Average latency' })).toBe('speed');
    expect(resultKind({ type: 'x3', name: 'Toxicity' })).toBe('other');
    expect(resultKind(undefined)).toBe('other');
  });
});

describe('formatResult', () => {
  it('shows cost in USD with enough precision for fractions of a cent', () => {
    expect(formatResult('cost', '0.000123456')).toBe('$0.000123');
    expect(formatResult('cost', '0.0123456')).toBe('$0.0123');
    expect(formatResult('cost', '12.5')).toBe('$12.50');
    expect(formatResult('cost', '1234.5')).toBe('$1,234.50');
    expect(formatResult('cost', '0')).toBe('$0.00');
  });
  it('shows speed in ms and human feedback in %', () => {
    expect(formatResult('speed', '1234.56')).toBe('1,234.6 ms');
    expect(formatResult('speed', '850')).toBe('850 ms');
    expect(formatResult('feedback', '87.5')).toBe('87.5%');
    expect(formatResult('feedback', '100')).toBe('100.0%');
  });
  it('shows the raw text when the result does not parse', () => {
    expect(formatResult('cost', 'n/a (no cost data)')).toBe('n/a (no cost data)');
    expect(formatResult('speed', '12ms')).toBe('12ms');
    expect(formatResult('feedback', 'NaN')).toBe('NaN');
    expect(formatResult('feedback', 'Infinity')).toBe('Infinity');
  });
  it('shows a dash when the result is missing', () => {
    expect(formatResult('cost', '')).toBe(MISSING);
    expect(formatResult('speed', '   ')).toBe(MISSING);
    expect(formatResult('feedback', undefined)).toBe(MISSING);
    expect(formatResult('cost', null)).toBe(MISSING);
  });
  it('shows an unknown evaluator as a plain number', () => {
    expect(formatResult('other', '0.5')).toBe('0.5');
  });
});

describe('parseResult', () => {
  it('accepts only plain decimals', () => {
    expect(parseResult(' 1.5 ')).toBe(1.5);
    expect(parseResult('1e-4')).toBe(0.0001);
    expect(parseResult('0x10')).toBeNull();
    expect(parseResult('')).toBeNull();
  });
});
