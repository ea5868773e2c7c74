import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { buildComparison, delta, formatDelta } from './compare.ts';

const types = [
  { id: 'c', name: 'Cost', type: 'cost', description: '', enable: true, mandatory: true, created_at: '', modified_at: '' },
  { id: 's', name: 'Speed', type: 'speed', description: '', enable: true, mandatory: true, created_at: '', modified_at: '' },
  { id: 'h', name: 'Human feedback', type: 'performance', description: '', enable: true, mandatory: false, created_at: '', modified_at: '' },
];
function evaluation(id: string, results: [string, string, number][]): Evaluation {
  return {
    id, gateway_id: 'gw', name: id, created_at: '', modified_at: '', processed: true, total_logs: 100, datasets: [],
    results: results.map(([typeId, result, n], i) => ({
      id: `${id}-${i}`, evaluation_id: id, evaluation_type_id: typeId, result, status: result ? 1 : 2,
      status_description: '', total_logs: n, created_at: '', modified_at: '',
    })),
  };
}

describe('delta', () => {
  it('is absolute and relative to the baseline', () => {
    expect(delta(120, 100)).toEqual({ absolute: 20, percent: 20 });
    expect(delta(80, 100)).toEqual({ absolute: -20, percent: -20 });
    expect(delta(5, 0)).toEqual({ absolute: 5, percent: null });
  });
  it('formats with the unit and sign', () => {
    expect(formatDelta('speed', delta(880, 1000))).toBe('−120 ms (−12.0%)');
    expect(formatDelta('cost', delta(0.0015, 0.001))).toBe('+$0.0005 (+50.0%)');
    expect(formatDelta('feedback', delta(85, 80))).toBe('+5.0 pp (+6.3%)');
    expect(formatDelta('cost', delta(0.5, 0))).toBe('+$0.50');
  });
});

describe('buildComparison', () => {
  const a = evaluation('a', [['c', '0.002', 500], ['s', '1000', 500], ['h', '80', 40]]);
  const b = evaluation('b', [['s', '750', 20], ['c', '0.003', 400], ['h', '', 0]]);
  const rows = buildComparison([a, b], types, 'a');

  it('has a row per evaluator in the types order and a cell per evaluation', () => {
    expect(rows.map((r) => r.evaluator)).toEqual(['Cost', 'Speed', 'Human feedback']);
    expect(rows[0]!.cells.map((c) => c.evaluationId)).toEqual(['a', 'b']);
  });
  it('gives deltas against the baseline, none on the baseline itself', () => {
    expect(rows[0]!.cells[0]!.delta).toBeUndefined();
    expect(rows[0]!.cells[1]!.delta!.absolute).toBeCloseTo(0.001);
    expect(rows[0]!.cells[1]!.delta!.percent).toBeCloseTo(50);
    expect(rows[1]!.cells[1]!.delta).toEqual({ absolute: -250, percent: -25 });
  });
  it('flags small samples (n < 30) and gives no delta where a side has no number', () => {
    expect(rows[1]!.cells[1]!.smallSample).toBe(true);
    expect(rows[1]!.cells[0]!.smallSample).toBe(false);
    expect(rows[2]!.cells[1]!.delta).toBeUndefined();
    expect(rows[2]!.cells[1]!.smallSample).toBe(false);
  });
  it('follows the chosen baseline', () => {
    const other = buildComparison([a, b], types, 'b');
    expect(other[1]!.cells[0]!.delta).toEqual({ absolute: 250, percent: (250 / 750) * 100 });
  });
  it('keeps an evaluator only one evaluation has', () => {
    const c = evaluation('c', [['c', '0.001', 50]]);
    const r = buildComparison([c, a], types, 'c');
    expect(r.map((x) => x.evaluator)).toEqual(['Cost', 'Speed', 'Human feedback']);
    expect(r[1]!.cells[0]!.row).toBeUndefined();
  });
});

describe('deltaTone', () => {
  it('knows which way is better per evaluator', async () => {
    const { deltaTone } = await import('./compare.ts');
    expect(deltaTone('cost', delta(1, 2))).toBe('better');
    expect(deltaTone('speed', delta(3, 2))).toBe('worse');
    expect(deltaTone('feedback', delta(90, 80))).toBe('better');
    expect(deltaTone('feedback', delta(80, 80))).toBe('same');
    expect(deltaTone('other', delta(1, 2))).toBe('neutral');
  });
});
