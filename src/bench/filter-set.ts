import type { WireFilter } from '../shared/filters.ts';

/** A filter of the representative set, as the API takes it and as hand-written SQL. */
export interface BenchFilter {
  /** Stable id used in metric names and to pick the loop reference. */
  id: 'one_row' | 'three_rows' | 'model_contains' | 'created_range' | 'feedback';
  label: string;
  filters: WireFilter[];
  /** Appended to `gateway_id = ? AND`; values only as placeholders. */
  sql: string;
  params: (string | number)[];
}

const DAY_MS = 86_400_000;

/**
 * The representative set of product §5. The created_at bounds are whole milliseconds taken at bench time,
 * so the API (ISO text), the SQL and the loop (numbers) all compare the same instants.
 */
export function benchFilters(nowMs: number): BenchFilter[] {
  const from = nowMs - 10 * DAY_MS;
  const to = nowMs - 3 * DAY_MS;
  return [
    {
      id: 'one_row',
      label: 'provider eq openai',
      filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }],
      sql: 'provider = ?',
      params: ['openai'],
    },
    {
      id: 'three_rows',
      label: 'success eq true, model contains gpt, cost gt 0.001',
      filters: [
        { key: 'success', operator: 'eq', value: [true] },
        { key: 'model', operator: 'contains', value: ['gpt'] },
        { key: 'cost', operator: 'gt', value: [0.001] },
      ],
      // LIKE is case-insensitive for ASCII in SQLite, as `contains` is; the needle has no wildcard.
      sql: "success = 1 AND model LIKE ? AND cost > ?",
      params: ['%gpt%', 0.001],
    },
    {
      id: 'model_contains',
      label: 'model contains llama',
      filters: [{ key: 'model', operator: 'contains', value: ['llama'] }],
      sql: 'model LIKE ?',
      params: ['%llama%'],
    },
    {
      id: 'created_range',
      label: 'created_at gt 10 days ago, lt 3 days ago',
      filters: [
        { key: 'created_at', operator: 'gt', value: [new Date(from).toISOString()] },
        { key: 'created_at', operator: 'lt', value: [new Date(to).toISOString()] },
      ],
      sql: 'created_at > ? AND created_at < ?',
      params: [from, to],
    },
    {
      id: 'feedback',
      label: 'feedback eq 1',
      filters: [{ key: 'feedback', operator: 'eq', value: [1] }],
      sql: 'feedback = ?',
      params: [1],
    },
  ];
}

/** The created_at bounds of the range filter, for the loop reference. */
export function rangeBounds(f: BenchFilter): { from: number; to: number } {
  return { from: Number(f.params[0]), to: Number(f.params[1]) };
}
