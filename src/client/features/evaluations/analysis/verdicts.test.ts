import { describe, expect, it } from 'vitest';
import { testGroup } from './test-groups.ts';
import { verdictRows } from './verdicts.ts';

const group = testGroup;

describe('verdictRows', () => {
  it('words each metric against the baseline and corrects for two comparisons with Holm', () => {
    const rows = verdictRows([group('A', 1, 500, 200, 60, 100), group('B', 0.62, 900, 200, 80, 100), group('C', 1, 500, 10, 5, 10)], 0);
    const cost = rows.find((r) => r.metric.label === 'Mean cost')!;
    expect(cost.cells.map((c) => c.verdict.text)).toEqual(['38% cheaper', 'too few logs']);
    const speed = rows.find((r) => r.metric.label === 'Mean duration')!;
    expect(speed.cells[0]!.verdict.text).toBe('1.8× slower');
    // Holm over two p-values: the smaller one is doubled.
    expect(speed.cells[0]!.pAdjusted).toBe(Math.min(1, 2 * Math.min(speed.cells[0]!.d!.p, speed.cells[1]!.d!.p)));
    const tokens = rows.find((r) => r.metric.label === 'Mean tokens')!;
    expect(tokens.cells[0]!.verdict.text).toBe('could be noise');
    const liked = rows.find((r) => r.metric.label === 'Thumbs-up share')!;
    expect(liked.cells[0]!.verdict).toEqual({ text: '20 points better liked', tone: 'better' });
  });

  it('another baseline swaps the words', () => {
    const rows = verdictRows([group('A', 1, 500, 200, 60, 100), group('B', 0.5, 500, 200, 60, 100)], 1);
    expect(rows[0]!.cells[0]!.verdict.text).toBe('2.0× more expensive');
  });
});
