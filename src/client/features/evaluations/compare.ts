import type { Evaluation, EvaluationType } from '../../../shared/evaluations.ts';
import { formatOneDecimal } from '../../lib/format.ts';
import { formatValue, type ResultKind } from './format-result.ts';
import { resultRows, type ResultRow } from './result-rows.ts';

/** Below this many logs a figure is flagged: an average of a handful of logs says little. */
export const SMALL_SAMPLE = 30;

export interface Delta {
  /** value − baseline, in the evaluator's unit (percentage points for human feedback). */
  absolute: number;
  /** The change relative to the baseline, in %; null when the baseline is 0. */
  percent: number | null;
}

export interface CompareCell {
  evaluationId: string;
  row: ResultRow | undefined;
  smallSample: boolean;
  /** Absent for the baseline itself, and when either side has no number. */
  delta?: Delta;
}

export interface CompareRow {
  evaluationTypeId: string;
  evaluator: string;
  kind: ResultKind;
  cells: CompareCell[];
}

export function delta(value: number, baseline: number): Delta {
  const absolute = value - baseline;
  return { absolute, percent: baseline === 0 ? null : (absolute / Math.abs(baseline)) * 100 };
}

/** One row per evaluator present in any of the evaluations, one cell per evaluation, in the given order. */
export function buildComparison(
  evaluations: readonly Evaluation[],
  types: readonly EvaluationType[],
  baselineId: string,
): CompareRow[] {
  const perEvaluation = evaluations.map((e) => ({ id: e.id, rows: resultRows(e, types) }));
  const baseline = perEvaluation.find((p) => p.id === baselineId);
  const typeIds: string[] = [];
  for (const p of perEvaluation) for (const r of p.rows) if (!typeIds.includes(r.evaluationTypeId)) typeIds.push(r.evaluationTypeId);
  const order = new Map(types.map((t, i) => [t.id, i]));
  typeIds.sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));

  return typeIds.map((typeId) => {
    const base = baseline?.rows.find((r) => r.evaluationTypeId === typeId);
    const cells = perEvaluation.map((p): CompareCell => {
      const row = p.rows.find((r) => r.evaluationTypeId === typeId);
      const cell: CompareCell = { evaluationId: p.id, row, smallSample: row !== undefined && row.value !== null && row.logs < SMALL_SAMPLE };
      if (p.id !== baselineId && row?.value != null && base?.value != null) cell.delta = delta(row.value, base.value);
      return cell;
    });
    const first = cells.find((c) => c.row)?.row;
    return { evaluationTypeId: typeId, evaluator: first?.evaluator ?? typeId, kind: first?.kind ?? 'other', cells };
  });
}

const signOf = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');

/** "+$0.0012 (+12.5%)", "−120 ms (−8.0%)", "+5.0 pp (+6.1%)". */
export function formatDelta(kind: ResultKind, d: Delta): string {
  const magnitude = Math.abs(d.absolute);
  const abs =
    kind === 'feedback'
      ? `${formatOneDecimal(magnitude)} pp`
      : formatValue(kind, magnitude);
  const pct =
    d.percent === null
      ? ''
      : ` (${signOf(d.percent)}${formatOneDecimal(Math.abs(d.percent))}%)`;
  return `${signOf(d.absolute)}${abs}${pct}`;
}

/** Cost and speed are better lower; human feedback is better higher. Unknown evaluators have no direction. */
export function deltaTone(kind: ResultKind, d: Delta): 'better' | 'worse' | 'same' | 'neutral' {
  if (d.absolute === 0) return 'same';
  if (kind === 'other') return 'neutral';
  const up = d.absolute > 0;
  return (kind === 'feedback' ? up : !up) ? 'better' : 'worse';
}
