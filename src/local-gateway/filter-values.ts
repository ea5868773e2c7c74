import type { Filter } from '../shared/filters.ts';

/**
 * Value rules shared by both query paths (SQL and the columnar projection), so they cannot drift apart.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A created_at row as a half-open millisecond range [from, to). `eq` on a `YYYY-MM-DD` is that UTC day;
 * `eq` on a full date-time is that instant; `gt`/`lt` are strict.
 */
export function createdAtRange(row: Filter): { from: number; to: number } {
  const text = String(row.value[0]);
  if (row.operator === 'eq' && ISO_DAY.test(text)) {
    const from = Date.parse(`${text}T00:00:00Z`);
    return { from, to: from + DAY_MS };
  }
  const at = Date.parse(text);
  if (row.operator === 'gt') return { from: Math.floor(at) + 1, to: Number.POSITIVE_INFINITY };
  if (row.operator === 'lt') return { from: Number.NEGATIVE_INFINITY, to: Math.ceil(at) };
  return { from: at, to: at + 1 };
}

/**
 * Case folding for `contains` and `search`, over all of Unicode ("É" finds "é"). SQL uses the store's
 * `fold_case` function (registered by registerFoldCase), which is this same function, so SQL and the
 * in-memory path agree on every text; SQLite's own lower() folds A–Z only.
 */
export const foldCase = (text: string): string => text.toLowerCase();

/** Registers `fold_case(text)` on a connection (idempotent): deterministic, so SQLite may cache it. */
export function registerFoldCase(db: { function: (name: string, options: { deterministic: boolean }, fn: (text: unknown) => unknown) => unknown }): void {
  db.function('fold_case', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldCase(text) : text));
}

/** Boolean and feedback values arrive normalised by filterSchema; these turn them into stored numbers. */
export const boolValue = (v: unknown): number => (v === true || v === 'true' ? 1 : 0);
export const numberValue = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
