import type { Evaluation, EvaluationType } from '../../../shared/evaluations.ts';
import { formatResult, parseResult, resultKind, UNITS, type ResultKind } from './format-result.ts';
import { resultStatusLabel } from './evaluation-status.ts';

/** One evaluator's figure as the detail page, its chart and the exports all show it. */
export interface ResultRow {
  id: string;
  evaluationTypeId: string;
  evaluator: string;
  kind: ResultKind;
  unit: string;
  raw: string;
  value: number | null;
  display: string;
  logs: number;
  status: number;
  statusLabel: string;
  description: string;
  updatedAt: string;
}

/** An evaluator the types list does not know (deleted, or made elsewhere) still shows, by its id. */
export function evaluatorName(typeId: string, types: readonly EvaluationType[]): string {
  return types.find((t) => t.id === typeId)?.name ?? `Evaluator ${typeId}`;
}

export function resultRows(evaluation: Pick<Evaluation, 'results'>, types: readonly EvaluationType[]): ResultRow[] {
  const order = new Map(types.map((t, i) => [t.id, i]));
  return [...evaluation.results]
    .sort((a, b) => (order.get(a.evaluation_type_id) ?? 99) - (order.get(b.evaluation_type_id) ?? 99))
    .map((r) => {
      const type = types.find((t) => t.id === r.evaluation_type_id);
      const kind = resultKind(type);
      return {
        id: r.id,
        evaluationTypeId: r.evaluation_type_id,
        evaluator: evaluatorName(r.evaluation_type_id, types),
        kind,
        unit: UNITS[kind],
        raw: r.result,
        value: parseResult(r.result),
        display: formatResult(kind, r.result),
        logs: r.total_logs,
        status: r.status,
        statusLabel: resultStatusLabel(r.status),
        description: r.status_description,
        updatedAt: r.modified_at,
      };
    });
}
