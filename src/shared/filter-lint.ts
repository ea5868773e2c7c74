import { KEY_META, type LogKey, type WireFilter } from './filters.ts';
import { describeFilter } from './read-back.ts';

/** A warning about a filter list: it is valid, but probably not what the author meant. */
export interface FilterLint {
  /** Rows the warning is about (0-based), in order. */
  rows: number[];
  message: string;
}

export interface LintContext {
  /** The live match count, when known: 0 means the filters select nothing. */
  matchCount?: number;
  now?: Date;
}

const rowList = (rows: number[]) => rows.map((r) => `Filter ${r + 1}`).join(', ');

/** Numbers for numeric keys, epoch ms for created_at; undefined when the value is not comparable. */
function comparable(key: LogKey, value: unknown): number | undefined {
  const type = KEY_META[key].type;
  if (type === 'date-time') {
    if (typeof value !== 'string') return undefined;
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (type === 'number' || type === 'integer' || type === 'feedback') return typeof value === 'number' ? value : undefined;
  return undefined;
}

/** Rows on one ordered key (numbers, created_at) that no value can satisfy together. */
function rangeContradictions(key: LogKey, rows: { index: number; row: WireFilter }[]): FilterLint[] {
  let lower: { v: number; index: number } | undefined; // strictly greater than v
  let upper: { v: number; index: number } | undefined; // strictly less than v
  for (const { index, row } of rows) {
    const v = comparable(key, row.value[0]);
    if (v === undefined || row.value.length !== 1) continue;
    if (row.operator === 'gt' && (!lower || v > lower.v)) lower = { v, index };
    if (row.operator === 'lt' && (!upper || v < upper.v)) upper = { v, index };
  }
  const out: FilterLint[] = [];
  // created_at `eq` on a day means a whole day, so only plain numbers are checked against eq.
  const isDay = (row: WireFilter) => typeof row.value[0] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(row.value[0]);
  if (lower && upper && lower.v >= upper.v - (KEY_META[key].type === 'integer' ? 1 : 0)) {
    const [a, b] = [lower.index, upper.index].sort((x, y) => x - y) as [number, number];
    out.push({
      rows: [a, b],
      message: `${rowList([a, b])} contradict each other: no log can have ${describeFilter(rows.find((r) => r.index === a)!.row)} and ${describeFilter(rows.find((r) => r.index === b)!.row)}.`,
    });
  }
  for (const { index, row } of rows) {
    if (row.operator !== 'eq' || isDay(row)) continue;
    const values = row.value.map((v) => comparable(key, v)).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    const outside = values.every((v) => (lower && v <= lower.v) || (upper && v >= upper.v));
    if (outside) {
      const other = [lower?.index, upper?.index].filter((i): i is number => i !== undefined);
      const involved = [...new Set([index, ...other])].sort((x, y) => x - y);
      out.push({ rows: involved, message: `${rowList(involved)} contradict each other: ${describeFilter(row)} is outside the range the other rows allow.` });
    }
  }
  return out;
}

/** `eq` rows on one key whose value sets do not overlap: rows are ANDed, so nothing matches. */
function eqContradictions(rows: { index: number; row: WireFilter }[]): FilterLint[] {
  const eqRows = rows.filter((r) => r.row.operator === 'eq' && !(typeof r.row.value[0] === 'string' && r.row.key === 'created_at'));
  if (eqRows.length < 2) return [];
  const [first, ...rest] = eqRows;
  let common = new Set(first!.row.value.map((v) => JSON.stringify(v)));
  for (const r of rest) common = new Set(r.row.value.map((v) => JSON.stringify(v)).filter((v) => common.has(v)));
  if (common.size > 0) return [];
  const involved = eqRows.map((r) => r.index);
  return [
    {
      rows: involved,
      message: `${rowList(involved)} contradict each other: rows are combined with "and", so ${eqRows.map((r) => describeFilter(r.row)).join(' and ')} can never all hold. Put the values in one row to match any of them.`,
    },
  ];
}

/**
 * Warnings (never errors) about a filter list that the strict rules accept: contradictions (cost > 5 and
 * cost < 1), the same key twice, a list that matches no logs, created_at in the future.
 */
export function lintFilters(filters: readonly WireFilter[], context: LintContext = {}): FilterLint[] {
  const now = (context.now ?? new Date()).getTime();
  const byKey = new Map<LogKey, { index: number; row: WireFilter }[]>();
  filters.forEach((row, index) => byKey.set(row.key, [...(byKey.get(row.key) ?? []), { index, row }]));

  const lints: FilterLint[] = [];
  for (const [key, rows] of byKey) {
    if (rows.length < 2) continue;
    const contradictions = [...rangeContradictions(key, rows), ...eqContradictions(rows)];
    if (contradictions.length) lints.push(...contradictions);
    else {
      const involved = rows.map((r) => r.index);
      lints.push({
        rows: involved,
        message: `${KEY_META[key].label} is used in ${rows.length} rows (${rowList(involved)}); rows are combined with "and", so a log must satisfy all of them.`,
      });
    }
  }

  filters.forEach((row, index) => {
    if (row.key !== 'created_at' || row.operator === 'lt') return;
    const at = comparable('created_at', row.value[0]);
    if (at !== undefined && at > now)
      lints.push({ rows: [index], message: `${rowList([index])}: ${describeFilter(row)} is in the future, so no log matches it yet.` });
  });

  if (context.matchCount === 0 && filters.length > 0)
    lints.push({ rows: [], message: 'No logs match these filters right now.' });
  return lints;
}
