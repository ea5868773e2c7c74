import { describe, expect, it } from 'vitest';
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import type { Evaluation, EvaluationType } from '../../../../shared/evaluations.ts';
import { unionMismatches } from './union-check.ts';

const type = (id: string, t: string, name: string) => ({ id, type: t, name }) as EvaluationType;
const TYPES = [type('c', 'cost', 'Cost'), type('s', 'speed', 'Speed'), type('p', 'performance', 'Human feedback')];
const result = (evaluation_type_id: string, value: string) => ({ evaluation_type_id, result: value }) as Evaluation['results'][number];
const union = { evaluator: { cost_sum: 0.3, cost_logs: 3, duration_sum: 900, duration_logs: 3, thumbs_up: 1, thumbs_down: 2 } } as GroupAnalysis;

describe('unionMismatches', () => {
  it('is empty when every result equals the recomputation exactly', () => {
    const evaluation = { results: [result('c', String(0.3 / 3)), result('s', '300'), result('p', String(100 / 3))] } as Evaluation;
    expect(unionMismatches(evaluation, TYPES, union)).toEqual([]);
  });

  it('names each evaluator that differs, even by one unit in the last place', () => {
    const evaluation = { results: [result('c', '0.1'), result('s', '301'), result('p', '')] } as Evaluation;
    expect(unionMismatches(evaluation, TYPES, union)).toEqual([
      { evaluator: 'Cost', reported: 0.1, recomputed: 0.3 / 3 },
      { evaluator: 'Speed', reported: 301, recomputed: 300 },
    ]);
  });

  it('leaves out sums estimated from log counts, and still compares the exact feedback', () => {
    const estimate = { estimated: ['evaluator.cost_sum', 'evaluator.duration_sum'], bounds: {}, omitted: [] };
    const evaluation = { results: [result('c', '0.1'), result('s', '301'), result('p', '50')] } as Evaluation;
    expect(unionMismatches(evaluation, TYPES, { ...union, estimate })).toEqual([{ evaluator: 'Human feedback', reported: 50, recomputed: 100 / 3 }]);
  });
});
