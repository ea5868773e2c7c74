import type { AnalysisEstimate, GroupAnalysis } from '../../../../shared/analysis.ts';
import { COMPARE_METHODS, MIN_N } from '../../../../shared/stats-compare.ts';
import { METHODS } from '../../../../shared/stats.ts';
import { formatCount, formatFigure, formatInterval } from './analysis-format.ts';
import { INTERVAL_METRICS, intervalAxisMax, intervalBars, type IntervalBar } from './chart-data.ts';
import { verdictRows } from './verdicts.ts';
import type { MetricUnit } from './analysis-format.ts';

/**
 * The one-page report for stakeholders, as data: the printed page and the PDF both draw this, so they say
 * the same thing. Dates are absolute and in UTC (a report is read elsewhere and later).
 */
export interface ReportModel {
  title: string;
  kind: string;
  facts: [string, string][];
  verdicts: string[];
  table: { columns: string[]; rows: string[][] };
  charts: { title: string; unit: MetricUnit; bars: IntervalBar[]; max: number }[];
  readBacks: string[];
  caveats: string[];
  fileName: string;
}

export interface ReportInput {
  kind: 'evaluation' | 'comparison';
  title: string;
  gateway: string;
  /** Groups as the page shows them; for an evaluation the union comes last. */
  groups: readonly GroupAnalysis[];
  /** The groups the verdicts compare (the datasets of an evaluation, the evaluations of a comparison). */
  compared: readonly GroupAnalysis[];
  baseline: number;
  /** The instants the figures are pinned to, per compared item ("OpenAI vs Claude" → its created_at). */
  pins: readonly { label: string; at: string }[];
  /** "OpenAI only: provider is openai" per dataset. */
  readBacks: readonly string[];
  excluded: boolean;
  estimate?: AnalysisEstimate | null;
  /** A dataset split at an instant, as the page shows it: its name, the instant, and [before, from]. */
  split?: { dataset: string; at: string; halves: readonly [GroupAnalysis, GroupAnalysis] } | null;
  generatedAt: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-02 16:55 UTC": absolute, zone stated, the same for every reader. */
export function formatUtc(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const valueAndInterval = (unit: MetricUnit, value: number | null, ci: [number, number] | null) =>
  ci ? `${formatFigure(unit, value)}\n(${formatInterval(unit, ci)})` : formatFigure(unit, value);

/** One sentence per group against the baseline: every metric's verdict in words. */
export function verdictSentences(compared: readonly GroupAnalysis[], baseline: number): string[] {
  if (compared.length < 2) return [];
  const rows = verdictRows(compared, baseline);
  const base = compared[baseline]!.label;
  const others = compared.filter((_, i) => i !== baseline);
  return others.map((g, i) => {
    const parts = rows.map(({ metric, cells }) => {
      const v = cells[i]!.verdict;
      const what = metric.label.toLowerCase();
      return v.tone === 'too-few' ? `too few logs to judge ${what}` : v.tone === 'noise' || v.tone === 'none' ? `${what}: ${v.text}` : `${v.text} (${what})`;
    });
    return `${g.label} against ${base}: ${parts.join('; ')}.`;
  });
}

export function reportFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'evaluation'}-report.pdf`;
}

export function buildReport(input: ReportInput): ReportModel {
  const { groups, excluded } = input;
  const pins = input.pins.map((p) => (input.pins.length > 1 ? `${p.label}: at or before ${formatUtc(p.at)}` : `at or before ${formatUtc(p.at)}`));
  const facts: [string, string][] = [
    ['Gateway', input.gateway],
    ['Logs counted', `created ${pins.join('; ')}`],
    ['Cost and speed count', excluded ? 'logs neither cached nor failed' : 'every log, cached and failed ones included'],
    ['Report made', formatUtc(input.generatedAt)],
  ];
  const verdicts = verdictSentences(input.compared, input.baseline);
  if (verdicts.length === 0) verdicts.push('One group only: nothing to compare it with. Its figures are below.');
  // A split on screen is part of what the reader was shown: its halves get a fact, a verdict and table rows,
  // labelled in UTC like every other instant of the report.
  const split = input.split;
  const halves = split
    ? ([
        { ...split.halves[0], label: `${split.dataset} before ${formatUtc(split.at)}` },
        { ...split.halves[1], label: `${split.dataset} from ${formatUtc(split.at)}` },
      ] as const)
    : [];
  if (split) {
    facts.splice(2, 0, ['Split', `${split.dataset} at ${formatUtc(split.at)}, both halves within the same pin`]);
    verdicts.push(...verdictSentences(halves, 0));
  }
  const columns = ['Group', 'Logs', 'Mean cost (95% CI)', 'Mean duration (95% CI)', 'p95 duration', 'Thumbs-up share (95% CI)', 'Error rate'];
  const rows = [...groups, ...halves].map((g) => [
    g.label,
    formatCount(g.logs),
    valueAndInterval('usd', g.cost.mean, g.cost.mean_ci),
    valueAndInterval('ms', g.duration.mean, g.duration.mean_ci),
    formatFigure('ms', g.duration.p95),
    `${valueAndInterval('share', g.feedback.thumbs_up.share, g.feedback.thumbs_up.ci)}\nof ${formatCount(g.feedback.rated)} rated`,
    formatFigure('share', g.error_rate.share),
  ]);
  const charts = INTERVAL_METRICS.map((m) => {
    const bars = intervalBars(groups, m);
    return { title: `${m.title}, 95% intervals`, unit: m.unit, bars, max: intervalAxisMax(bars, m.unit) };
  });
  const caveats = [
    `Means and shares are over the n logs shown; no verdict below ${MIN_N} logs a group ("too few logs").`,
    'Cost is Cloudflare\'s estimate per request, not an invoice.',
    'Feedback is as of when this report was made: ratings can change after the evaluation; the logs themselves cannot.',
    `${METHODS.mean}. ${METHODS.share}. ${COMPARE_METHODS.mean} ${COMPARE_METHODS.share}${input.compared.length > 2 ? ` ${COMPARE_METHODS.holm}` : ''}`,
  ];
  if (input.estimate) caveats.unshift(`Estimated from log counts (${input.estimate.upstream_calls} API calls): ${input.estimate.method}`);
  return {
    title: input.title,
    kind: input.kind === 'evaluation' ? 'Evaluation report' : 'Comparison report',
    facts,
    verdicts,
    table: { columns, rows },
    charts,
    readBacks: [...input.readBacks],
    caveats,
    fileName: reportFileName(input.title),
  };
}
