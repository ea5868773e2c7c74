import type { Filter } from '../../shared/filters.ts';
import type { ColumnArrays, TextKey } from './layout.ts';
import { boolValue, foldCase, numberValue } from '../filter-values.ts';

/**
 * One row filter as a pass: `run` narrows the candidate positions in place and returns how many remain;
 * `scan` (where cheap to write) reads a position range directly, so the first pass need not fill the
 * candidate buffer first. `share` estimates the fraction of logs kept; passes run most selective first.
 */
export interface Pass {
  run: (cand: Uint32Array, k: number) => number;
  scan?: (out: Uint32Array, lo: number, hi: number) => number;
  share: number;
}

/** Share assumed for a range comparison, whose selectivity is not tracked. */
const UNKNOWN_SHARE = 0.5;

/** The fraction of logs whose code the table keeps, from the per-code row counts. */
function shareOf(cols: ColumnArrays, table: Uint8Array, counts: ArrayLike<number>): number {
  let kept = 0;
  for (let c = 0; c < table.length; c++) if (table[c]) kept += counts[c] ?? 0;
  return cols.length ? kept / cols.length : 0;
}

/** Keeps the positions whose code the table marks; also the form of the boolean keys (code = 0/1). */
function codePass(codes: Uint32Array | Uint8Array, table: Uint8Array, share: number): Pass {
  return {
    share,
    run: (c, k) => {
      let j = 0;
      for (let i = 0; i < k; i++) {
        const r = c[i]!;
        if (table[codes[r]!]) c[j++] = r;
      }
      return j;
    },
    scan: (out, lo, hi) => {
      let j = 0;
      for (let r = lo; r < hi; r++) if (table[codes[r]!]) out[j++] = r;
      return j;
    },
  };
}

function textPass(cols: ColumnArrays, key: TextKey, row: Filter): Pass {
  const { codes, dict } = cols.text[key];
  const wanted = row.value.map(String);
  const table =
    row.operator === 'eq'
      ? dict.table((v) => wanted.includes(v))
      : ((needles) => dict.table((v) => needles.some((n) => foldCase(v).includes(n))))(wanted.map(foldCase));
  return codePass(codes, table, shareOf(cols, table, dict.counts));
}

/** Feedback is -1/0/1, so its table is indexed at value + 1 (a code pass cannot take a negative code). */
function feedbackPass(cols: ColumnArrays, row: Filter): Pass {
  const table = new Uint8Array(3);
  for (const v of row.value) table[numberValue(v) + 1] = 1;
  const fb = cols.feedback;
  return {
    share: shareOf(cols, table, cols.valueCounts.feedback),
    run: (c, k) => {
      let j = 0;
      for (let i = 0; i < k; i++) if (table[fb[c[i]!]! + 1]) c[j++] = c[i]!;
      return j;
    },
    scan: (out, lo, hi) => {
      let j = 0;
      for (let r = lo; r < hi; r++) if (table[fb[r]! + 1]) out[j++] = r;
      return j;
    },
  };
}

function numberRun(column: Float64Array | Int32Array, row: Filter, missingBelowZero: boolean): Pass['run'] {
  const values = row.value.map(numberValue);
  const op = row.operator;
  if (values.length === 1) {
    const v = values[0]!;
    // One specialised loop per operator: no branch on the operator inside the hot loop. NaN (missing
    // cost) fails every comparison; -1 (missing integer) is excluded explicitly.
    if (op === 'gt')
      return (c, k) => {
        let j = 0;
        for (let i = 0; i < k; i++) {
          const r = c[i]!;
          const x = column[r]!;
          if (x > v && (!missingBelowZero || x >= 0)) c[j++] = r;
        }
        return j;
      };
    if (op === 'lt')
      return (c, k) => {
        let j = 0;
        for (let i = 0; i < k; i++) {
          const r = c[i]!;
          const x = column[r]!;
          if (x < v && (!missingBelowZero || x >= 0)) c[j++] = r;
        }
        return j;
      };
    return (c, k) => {
      let j = 0;
      for (let i = 0; i < k; i++) {
        const r = c[i]!;
        const x = column[r]!;
        if (x === v && (!missingBelowZero || x >= 0)) c[j++] = r;
      }
      return j;
    };
  }
  const test = (x: number) => (missingBelowZero && x < 0 ? false : values.some((v) => (op === 'gt' ? x > v : op === 'lt' ? x < v : x === v)));
  return (c, k) => {
    let j = 0;
    for (let i = 0; i < k; i++) if (test(column[c[i]!]!)) c[j++] = c[i]!;
    return j;
  };
}

/** `missingBelowZero`: the column marks a missing value as -1 (integers), not NaN (cost). */
function numberPass(column: Float64Array | Int32Array, row: Filter, missingBelowZero: boolean): Pass {
  return { run: numberRun(column, row, missingBelowZero), share: UNKNOWN_SHARE };
}

/** `tokens` is tokens_in + tokens_out, missing when either part is. */
function tokensPass(cols: ColumnArrays, row: Filter): Pass {
  const values = row.value.map(numberValue);
  const op = row.operator;
  const tin = cols.tokensIn;
  const tout = cols.tokensOut;
  const test = (x: number) => values.some((v) => (op === 'gt' ? x > v : op === 'lt' ? x < v : x === v));
  return {
    share: UNKNOWN_SHARE,
    run: (c, k) => {
      let j = 0;
      for (let i = 0; i < k; i++) {
        const r = c[i]!;
        const a = tin[r]!;
        const b = tout[r]!;
        if (a >= 0 && b >= 0 && test(a + b)) c[j++] = r;
      }
      return j;
    },
  };
}

/** One filter row as a pass. `created_at` never comes here: the columns are sorted by it, so it is a range. */
export function compilePass(cols: ColumnArrays, row: Filter): Pass {
  switch (row.key) {
    case 'created_at':
      throw new Error('created_at is answered by range, not by a pass');
    case 'provider':
    case 'model':
    case 'request_content_type':
    case 'response_content_type':
      return textPass(cols, row.key, row);
    case 'success':
    case 'cached': {
      const table = new Uint8Array(2);
      for (const v of row.value) table[boolValue(v)] = 1;
      return codePass(row.key === 'success' ? cols.success : cols.cached, table, shareOf(cols, table, cols.valueCounts[row.key]));
    }
    case 'feedback':
      return feedbackPass(cols, row);
    case 'cost':
      return numberPass(cols.cost, row, false);
    case 'duration':
      return numberPass(cols.duration, row, true);
    case 'tokens_in':
      return numberPass(cols.tokensIn, row, true);
    case 'tokens_out':
      return numberPass(cols.tokensOut, row, true);
    case 'tokens':
      return tokensPass(cols, row);
  }
}

/** `search` on logs: a case-insensitive substring of provider or model, or the log at `idPosition`. */
export function searchPass(cols: ColumnArrays, search: string, idPosition: number): Pass {
  const needle = foldCase(search);
  const p = cols.text.provider;
  const m = cols.text.model;
  const pt = p.dict.table((v) => foldCase(v).includes(needle));
  const mt = m.dict.table((v) => foldCase(v).includes(needle));
  return {
    share: UNKNOWN_SHARE,
    run: (c, k) => {
      let j = 0;
      for (let i = 0; i < k; i++) {
        const r = c[i]!;
        if (pt[p.codes[r]!] || mt[m.codes[r]!] || r === idPosition) c[j++] = r;
      }
      return j;
    },
  };
}
