import { describe, expect, it } from 'vitest';
import { readBack } from './read-back.ts';

describe('readBack', () => {
  it('renders rows as one sentence joined by "and"', () => {
    expect(
      readBack([
        { key: 'success', operator: 'eq', value: [true] },
        { key: 'model', operator: 'contains', value: ['llama'] },
        { key: 'cost', operator: 'gt', value: [0.01] },
      ]),
    ).toBe('Logs where status is Success and model contains "llama" and cost > $0.01');
  });

  it('reads several values as alternatives, and units, dates and feedback in words', () => {
    expect(readBack([{ key: 'provider', operator: 'eq', value: ['openai', 'anthropic', 'groq'] }])).toBe(
      'Logs where provider is any of "openai", "anthropic" or "groq"',
    );
    expect(readBack([{ key: 'duration', operator: 'lt', value: [1500] }])).toBe('Logs where duration < 1,500 ms');
    expect(readBack([{ key: 'created_at', operator: 'gt', value: ['2026-01-01T00:00:00Z'] }])).toBe(
      'Logs where created after 2026-01-01T00:00:00Z',
    );
    expect(readBack([{ key: 'feedback', operator: 'eq', value: [-1] }])).toBe('Logs where feedback is thumbs down');
    expect(readBack([])).toBe('All logs');
  });

  it('shows odd values as they are rather than failing', () => {
    expect(readBack([{ key: 'cached', operator: 'eq', value: ['maybe'] }])).toBe('Logs where cache is "maybe"');
  });
});
