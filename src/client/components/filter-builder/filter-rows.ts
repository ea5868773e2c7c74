import type { z } from 'zod';
import { filterSchema, KEY_META, LOG_KEYS, type LogKey, type Operator, type WireFilter } from '../../../shared/filters.ts';

/** A row as the form holds it: what the user has typed so far (numbers may still be text). */
export type FilterRowInput = z.input<typeof filterSchema>;
/** Any form that has a `filters` list can host the builder. */
export interface FiltersFormValues {
  filters: FilterRowInput[];
}

export const isLogKey = (key: string): key is LogKey => (LOG_KEYS as readonly string[]).includes(key);

export function newFilterRow(key: LogKey = 'provider'): FilterRowInput {
  return { key, operator: KEY_META[key].operators[0]!, value: [] };
}

/**
 * The row after a key change: a key of the same kind (tokens → duration, provider → model) keeps the
 * operator and values; any other starts from the new key's first operator and no value.
 */
export function changeRowKey(row: FilterRowInput, key: LogKey): FilterRowInput {
  const meta = KEY_META[key];
  const sameKind = isLogKey(row.key) && KEY_META[row.key].picker === meta.picker && KEY_META[row.key].type === meta.type;
  // "is" on a provider means something else than "is" on a date: only a key of the same kind keeps the operator.
  const operator = sameKind && (meta.operators as readonly string[]).includes(row.operator) ? row.operator : meta.operators[0]!;
  const value = sameKind ? (meta.multiple ? row.value : row.value.slice(0, 1)) : [];
  return { key, operator, value };
}

/** Rows that pass the strict per-key rules, normalised (what a count or a save would send). */
export function completeRows(rows: readonly FilterRowInput[]): { filters: WireFilter[]; incomplete: number } {
  const filters: WireFilter[] = [];
  for (const row of rows) {
    const parsed = filterSchema.safeParse(row);
    if (parsed.success) filters.push(parsed.data);
  }
  return { filters, incomplete: rows.length - filters.length };
}

/**
 * Rows as best read so far, for the read-back sentence: strict where they parse, else as typed (so the
 * sentence follows the user's typing instead of dropping the row they are editing).
 */
export function rowsForReadBack(rows: readonly FilterRowInput[]): WireFilter[] {
  return rows.flatMap((row) => {
    const parsed = filterSchema.safeParse(row);
    if (parsed.success) return [parsed.data];
    if (!isLogKey(row.key) || !(KEY_META[row.key].operators as readonly string[]).includes(row.operator)) return [];
    const value = row.value.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v) && v !== '');
    return [{ key: row.key, operator: row.operator as Operator, value }];
  });
}

/** A wire row (from the URL or the API) as form input. */
export const toRowInput = (row: WireFilter): FilterRowInput => ({ key: row.key, operator: row.operator, value: [...row.value] });

/**
 * True when the rows say the same as `applied`, as the URL holds them: a number typed as "0.5" equals 0.5,
 * so only a real change makes a draft.
 */
export function sameFilters(rows: readonly FilterRowInput[], applied: readonly WireFilter[]): boolean {
  if (rows.length !== applied.length) return false;
  return rows.every((row, i) => {
    const a = applied[i]!;
    return row.key === a.key && row.operator === a.operator && row.value.length === a.value.length && row.value.every((v, j) => String(v) === String(a.value[j]));
  });
}
