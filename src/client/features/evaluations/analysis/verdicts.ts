import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import { holm, meanDifference, shareDifference, verdict, type Difference, type MetricWords, type Verdict } from '../../../../shared/stats-compare.ts';
import type { MetricUnit } from './analysis-format.ts';

export interface VerdictMetric {
  label: string;
  unit: MetricUnit;
  words: MetricWords;
  /** The difference of `other` against `baseline`, and the n each side counts. */
  compare: (baseline: GroupAnalysis, other: GroupAnalysis) => { d: Difference | null; nBaseline: number; nOther: number };
}

const means = (key: 'cost' | 'duration' | 'tokens_total') => (a: GroupAnalysis, b: GroupAnalysis) => ({
  d: meanDifference(a[key], b[key]),
  nBaseline: a[key].n,
  nOther: b[key].n,
});

export const VERDICT_METRICS: readonly VerdictMetric[] = [
  { label: 'Mean cost', unit: 'usd', words: { kind: 'mean', lower: 'cheaper', higher: 'more expensive', lowerIsBetter: true }, compare: means('cost') },
  { label: 'Mean duration', unit: 'ms', words: { kind: 'mean', lower: 'faster', higher: 'slower', lowerIsBetter: true }, compare: means('duration') },
  { label: 'Mean tokens', unit: 'tokens', words: { kind: 'mean', lower: 'fewer tokens', higher: 'more tokens', lowerIsBetter: true }, compare: means('tokens_total') },
  {
    label: 'Thumbs-up share',
    unit: 'share',
    words: { kind: 'share', lower: 'less liked', higher: 'better liked', lowerIsBetter: false },
    compare: (a, b) => ({ d: shareDifference(a.feedback.thumbs_up, b.feedback.thumbs_up), nBaseline: a.feedback.rated, nOther: b.feedback.rated }),
  },
  {
    label: 'Error rate',
    unit: 'share',
    words: { kind: 'share', lower: 'fewer errors', higher: 'more errors', lowerIsBetter: true },
    compare: (a, b) => ({ d: shareDifference(a.error_rate, b.error_rate), nBaseline: a.logs, nOther: b.logs }),
  },
];

export interface VerdictCell {
  group: string;
  d: Difference | null;
  verdict: Verdict;
  /** Holm-adjusted p (the raw p with one comparison). */
  pAdjusted: number | null;
}

/**
 * Every metric of every group against the baseline group, with Holm's correction over the comparisons of
 * one metric (one per non-baseline group).
 */
export function verdictRows(groups: readonly GroupAnalysis[], baseline: number): { metric: VerdictMetric; cells: VerdictCell[] }[] {
  const base = groups[baseline]!;
  const others = groups.filter((_, i) => i !== baseline);
  return VERDICT_METRICS.map((metric) => {
    const compared = others.map((g) => ({ g, ...metric.compare(base, g) }));
    const tested = compared.filter((c) => c.d);
    const adjusted = holm(tested.map((c) => c.d!.p));
    const cells = compared.map((c) => {
      const at = tested.indexOf(c);
      const pAdjusted = at >= 0 ? adjusted[at]! : null;
      return { group: c.g.label, d: c.d, pAdjusted, verdict: verdict(metric.words, c.d, c.nBaseline, c.nOther, pAdjusted) };
    });
    return { metric, cells };
  });
}
