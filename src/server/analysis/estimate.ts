import type { AnalysisGroupInput, AnalysisRequest, AnalysisResult, GroupAnalysis, GroupEstimate, Histogram } from '../../shared/analysis.ts';
import type { LogKey, WireFilter } from '../../shared/filters.ts';
import type { LogResultInfo } from '../../shared/logs.ts';
import { meanInterval, quantileIntervalRanks, summarizeShare, type NumberSummary } from '../../shared/stats.ts';
import { unionTerms, type CountAnswer, type Counter, type Term } from './count-terms.ts';

/** The most upstream calls one analysis makes (Cloudflare allows 1,200 per 5 minutes per user). */
export const ESTIMATE_CALL_BUDGET = 100;
/** Splits counted per refinement round (a round's calls go out together). */
const SPLITS_PER_ROUND = 6;
/** Refinement stops once no figure's bounds are wider than this relative half-width (0.2%). */
const GOOD_ENOUGH = 0.002;
/** Bins of the first, evenly log-spaced grid per metric; the histograms are drawn on it. */
const FIRST_BINS = { cost: 8, duration: 8, tokens_total: 4, tokens_in: 3, tokens_out: 3 } as const;

export const ESTIMATE_METHOD =
  'Estimated from log counts of the official API (result_info.total_count of logs.list, per_page 1), each count ' +
  "with the group's filters and created_at before the evaluation's created_at. Logs, feedback, error and cache-hit " +
  'counts are exact; a union of datasets is counted by inclusion–exclusion over their intersections. For cost, ' +
  'duration and tokens the logs are counted below a grid of values (log-spaced between the exact min and max of ' +
  'meta_info, then refined where figures are least certain); quantiles are interpolated inside the bin holding ' +
  'their rank and means from the bins (log-uniform within a bin), each with bounds that certainly hold the exact ' +
  `figure. At most ${ESTIMATE_CALL_BUDGET} calls per analysis; the answer is cached.`;

type MetricField = keyof typeof FIRST_BINS;
interface MetricSpec {
  field: MetricField;
  filterKey: LogKey;
  info: 'cost' | 'duration' | 'total_tokens' | 'tokens_in' | 'tokens_out';
  integer: boolean;
  /** How much its figures' precision matters when the budget is shared out. */
  weight: number;
}

/** In order of priority: a metric later in the list is dropped first when the budget runs short. */
const METRICS: MetricSpec[] = [
  { field: 'cost', filterKey: 'cost', info: 'cost', integer: false, weight: 1 },
  { field: 'duration', filterKey: 'duration', info: 'duration', integer: true, weight: 1 },
  { field: 'tokens_total', filterKey: 'tokens', info: 'total_tokens', integer: true, weight: 0.6 },
  { field: 'tokens_in', filterKey: 'tokens_in', info: 'tokens_in', integer: true, weight: 0.4 },
  { field: 'tokens_out', filterKey: 'tokens_out', info: 'tokens_out', integer: true, weight: 0.4 },
];

const rangeOf = (info: LogResultInfo, m: MetricSpec): [number, number] | null => {
  const min = info[`min_${m.info}`];
  const max = info[`max_${m.info}`];
  return typeof min === 'number' && typeof max === 'number' && max >= min ? [min, max] : null;
};

/** A counted set of logs a group's figures are summed from: its measured rows, count and ranges. */
interface MeasuredTerm {
  rows: WireFilter[];
  sign: 1 | -1;
  answer: CountAnswer;
  /** Per metric: exact smallest positive value (when the metric has values ≤ 0) to anchor the log grid. */
  minPositive: Partial<Record<MetricField, number>>;
}

interface GroupCounts {
  input: AnalysisGroupInput;
  terms: Term[];
  measured: MeasuredTerm[];
  logs: number;
  arrivedSince: number;
  measuredLogs: number;
  up: number;
  down: number;
  failed: number;
  hits: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The group's time bounds as created_at rows: ≤ until and < before as one `lt`, ≥ from as `gt` a millisecond earlier. */
function timeRows(g: AnalysisGroupInput): WireFilter[] {
  const upper = Math.min(Date.parse(g.until) + 1, g.before === undefined ? Infinity : Date.parse(g.before));
  const rows: WireFilter[] = [{ key: 'created_at', operator: 'lt', value: [iso(upper)] }];
  if (g.from !== undefined) rows.push({ key: 'created_at', operator: 'gt', value: [iso(Date.parse(g.from) - 1)] });
  return rows;
}

const signedSum = <T>(items: readonly T[], sign: (t: T) => number, value: (t: T) => number) => items.reduce((s, t) => s + sign(t) * value(t), 0);

/**
 * The count of a term's measured logs below `v` for one metric where it is known without a call: none at or
 * below its min; its values ≤ 0 alone up to its smallest positive value; all of them above its max (the top
 * edge's count). Undefined when a call is needed (or the count it follows from is not known yet).
 */
function freeCount(t: MeasuredTerm, grid: Grid, v: number): number | undefined {
  const { m, top, zeroEdge } = grid;
  const known = grid.counts.get(termKey(t));
  const r = rangeOf(t.answer.info, m);
  if (!r || t.answer.total === 0) return 0;
  if (v <= r[0]) return 0;
  const pos = t.minPositive[m.field];
  if (zeroEdge !== null && v > zeroEdge && pos !== undefined && v <= pos) return known?.get(zeroEdge);
  if (v > r[1] && v !== top) return known?.get(top);
  return undefined;
}

/** The metric's value grid shared by every group (so a union's counts add up edge by edge, and bars line up). */
interface Grid {
  m: MetricSpec;
  /** Ascending edges whose counts are known for every measured term. */
  edges: number[];
  /** Edges of the first grid (the histogram's), ascending, without the zero edge. */
  histogramEdges: number[];
  zeroEdge: number | null;
  top: number;
  min: number;
  max: number;
  /** Count below each edge per term key. */
  counts: Map<string, Map<number, number>>;
}

const termKey = (t: MeasuredTerm) => JSON.stringify(t.rows);

/** The figures of one metric for one group from its edge counts: value bounds and estimates. */
interface MetricFigures {
  summary: NumberSummary;
  bounds: Record<string, [number, number]>;
  /** Per bin index (edges[i]..edges[i+1]), how much refining it would help, weighted. */
  scores: Map<number, number>;
  histogram: Histogram;
}

function logUniformMoments(lo: number, hi: number): [number, number] {
  if (lo > 0 && hi / lo > 1.0001) {
    const l = Math.log(hi / lo);
    return [(hi - lo) / l, (hi * hi - lo * lo) / (2 * l)];
  }
  return [(lo + hi) / 2, (lo * lo + lo * hi + hi * hi) / 3];
}

function metricFigures(grid: Grid, terms: readonly MeasuredTerm[], withHistogram: boolean): MetricFigures {
  const { m, edges } = grid;
  const plus = terms.filter((t) => t.sign === 1);
  const ranges = plus.map((t) => rangeOf(t.answer.info, m)).filter((r): r is [number, number] => r !== null);
  const countAt = (e: number) => signedSum(terms, (t) => t.sign, (t) => grid.counts.get(termKey(t))?.get(e) ?? 0);
  const n = countAt(grid.top);
  const empty: NumberSummary = { n: 0, sum: 0, mean: null, sd: null, mean_ci: null, median: null, median_ci: null, p90: null, p95: null, p99: null, min: null, max: null };
  const noHistogram: Histogram = { scale: 'log', edges: [], counts: [], zeros: 0 };
  if (n <= 0 || ranges.length === 0) return { summary: empty, bounds: {}, scores: new Map(), histogram: noHistogram };
  const gmin = Math.min(...ranges.map((r) => r[0]));
  const gmax = Math.max(...ranges.map((r) => r[1]));
  const C = edges.map(countAt);
  // Bins: below the first edge (values ≤ 0 when there is a zero edge, else none), then [eᵢ, eᵢ₊₁).
  interface Bin {
    index: number;
    count: number;
    below: number;
    lo: number;
    hi: number;
  }
  const bins: Bin[] = [];
  if (C[0]! > 0) bins.push({ index: -1, count: C[0]!, below: 0, lo: Math.min(gmin, 0), hi: Math.min(0, gmax) });
  for (let i = 0; i + 1 < edges.length; i++) {
    const count = C[i + 1]! - C[i]!;
    if (count <= 0) continue;
    const upper = m.integer ? edges[i + 1]! - 1 : edges[i + 1]!;
    bins.push({ index: i, count, below: C[i]!, lo: Math.max(edges[i]!, gmin), hi: Math.min(upper, gmax) });
  }
  const scores = new Map<number, number>();
  const score = (index: number, s: number) => {
    if (index >= 0) scores.set(index, Math.max(scores.get(index) ?? 0, s * m.weight));
  };
  /** Bounds and an estimate of the k-th smallest value (1-based). */
  const orderStat = (k: number): { lo: number; hi: number; est: number; bin: Bin } => {
    const bin = bins.find((b) => k <= b.below + b.count) ?? bins[bins.length - 1]!;
    if (k <= 1) return { lo: gmin, hi: gmin, est: gmin, bin };
    if (k >= n) return { lo: gmax, hi: gmax, est: gmax, bin };
    const f = (k - bin.below - 0.5) / bin.count;
    const est = bin.lo > 0 && bin.hi > bin.lo ? bin.lo * (bin.hi / bin.lo) ** f : bin.lo + f * (bin.hi - bin.lo);
    return { lo: bin.lo, hi: bin.hi, est, bin };
  };
  const bounds: Record<string, [number, number]> = {};
  const rel = (lo: number, hi: number) => (hi > lo ? (hi - lo) / (Math.abs(hi) + Math.abs(lo)) : 0);
  const quantile = (p: number, name: string): number => {
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const f = h - j;
    const a = orderStat(j + 1);
    const b = orderStat(Math.min(j + 2, n));
    const lo = (1 - f) * a.lo + f * b.lo;
    const hi = (1 - f) * a.hi + f * b.hi;
    bounds[`${m.field}.${name}`] = [lo, hi];
    const r = rel(lo, hi);
    score(a.bin.index, r);
    score(b.bin.index, r);
    return (1 - f) * a.est + f * b.est;
  };
  let sumLo = 0;
  let sumHi = 0;
  let sum = 0;
  let squares = 0;
  for (const b of bins) {
    const [m1, m2] = logUniformMoments(b.lo, b.hi);
    sumLo += b.count * b.lo;
    sumHi += b.count * b.hi;
    sum += b.count * m1;
    squares += b.count * m2;
  }
  const mean = sum / n;
  for (const b of bins) score(b.index, (b.count * (b.hi - b.lo)) / (Math.abs(sumHi) + Math.abs(sumLo) || 1));
  bounds[`${m.field}.mean`] = [sumLo / n, sumHi / n];
  bounds[`${m.field}.sum`] = [sumLo, sumHi];
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : NaN;
  const sd = n > 1 ? Math.sqrt(variance) : null;
  const median = quantile(0.5, 'median');
  const ranks = quantileIntervalRanks(n, 0.5);
  const summary: NumberSummary = {
    n,
    sum,
    mean,
    sd,
    mean_ci: sd === null ? null : meanInterval(mean, sd, n),
    median,
    median_ci: ranks ? [orderStat(ranks[0]).est, orderStat(ranks[1]).est] : null,
    p90: quantile(0.9, 'p90'),
    p95: quantile(0.95, 'p95'),
    p99: quantile(0.99, 'p99'),
    min: gmin,
    max: gmax,
  };
  let histogram = noHistogram;
  if (withHistogram && grid.histogramEdges.length >= 2) {
    const he = grid.histogramEdges;
    const at = (e: number) => countAt(e);
    const counts = he.slice(0, -1).map((e, i) => (i + 2 === he.length ? n : at(he[i + 1]!)) - at(e));
    const display = [...he];
    display[display.length - 1] = grid.max;
    histogram = { scale: 'log', edges: display, counts, zeros: grid.zeroEdge === null ? 0 : at(grid.zeroEdge) };
  }
  return { summary, bounds, scores, histogram };
}

/** Log-spaced edges strictly between lo and top (integers rounded and deduplicated). */
function logGrid(lo: number, top: number, bins: number, integer: boolean): number[] {
  const out = new Set<number>();
  if (!(lo > 0) || !(top > lo)) return [];
  for (let i = 1; i < bins; i++) {
    let v = lo * (top / lo) ** (i / bins);
    if (integer) v = Math.round(v);
    if (v > lo && v < top) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Where to split the bin [a, b): its geometric middle (arithmetic near zero), or null when it holds one value. */
function splitPoint(a: number, b: number, integer: boolean): number | null {
  let v = a > 0 ? Math.sqrt(a * b) : (a + b) / 2;
  if (integer) v = Math.round(v);
  if (!(v > a && v < b)) {
    if (integer) return b - a >= 2 ? a + 1 : null;
    return null;
  }
  if (!integer && b / a < 1 + 1e-9) return null;
  return v;
}

/**
 * The analysis of a request from log counts only (Cloudflare mode): every group's exact counts, then per
 * metric a shared grid of values counted for every term, refined bin by bin where a figure is least certain
 * until the call budget is spent or every bound is within 0.2%. Deterministic for the same counts.
 */
export async function estimateAnalysis(counter: Counter, request: AnalysisRequest): Promise<{ result: AnalysisResult }> {
  const exclude = request.exclude_cached_failed;
  const run = (rows: WireFilter[], meta = false) => counter.run(rows, meta);
  const measuredRowsOf = (rows: WireFilter[]): WireFilter[] =>
    exclude ? [...rows, { key: 'success', operator: 'eq', value: [true] }, { key: 'cached', operator: 'eq', value: [false] }] : rows;

  // 1. Exact counts per group (terms of the union, then feedback, errors, cache hits, arrivals since).
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const groups: GroupCounts[] = await Promise.all(
    request.groups.map(async (input): Promise<GroupCounts> => {
      const terms = await unionTerms(counter, input.any_of, timeRows(input));
      const after: WireFilter[] = [{ key: 'created_at', operator: 'gt', value: [input.until] }];
      const arrived = input.any_of.length === 1 ? [{ rows: [...input.any_of[0]!, ...after], sign: 1 as const }] : await unionTerms(counter, input.any_of, after);
      const extra = (row: WireFilter) => Promise.all(terms.map((t) => run([...t.rows, row]).then((a) => t.sign * a.total)));
      const [up, down, failed, hits, arrivedSince, measured] = await Promise.all([
        extra({ key: 'feedback', operator: 'eq', value: [1] }),
        extra({ key: 'feedback', operator: 'eq', value: [-1] }),
        extra({ key: 'success', operator: 'eq', value: [false] }),
        extra({ key: 'cached', operator: 'eq', value: [true] }),
        Promise.all(arrived.map((t) => run(t.rows).then((a) => t.sign * a.total))),
        Promise.all(
          terms.map(async (t): Promise<MeasuredTerm> => {
            const rows = measuredRowsOf(t.rows);
            return { rows, sign: t.sign, answer: exclude ? await run(rows, true) : t.answer, minPositive: {} };
          }),
        ),
      ]);
      return {
        input,
        terms,
        measured,
        logs: signedSum(terms, (t) => t.sign, (t) => t.answer.total),
        arrivedSince: sum(arrivedSince),
        measuredLogs: signedSum(measured, (t) => t.sign, (t) => t.answer.total),
        up: sum(up),
        down: sum(down),
        failed: sum(failed),
        hits: sum(hits),
      };
    }),
  );

  // Distinct measured terms over all groups: every grid edge is counted once per term.
  const allTerms = new Map<string, MeasuredTerm>();
  for (const g of groups) for (const t of g.measured) if (!allTerms.has(termKey(t))) allTerms.set(termKey(t), t);
  // The groups refer to the shared objects, so the counts found for one serve all.
  for (const g of groups) g.measured = g.measured.map((t) => ({ ...allTerms.get(termKey(t))!, sign: t.sign }));
  const terms = [...allTerms.values()];

  const grids: Grid[] = [];
  const omitted = new Set<string>();
  const belowRow = (m: MetricSpec, v: number): WireFilter => ({ key: m.filterKey, operator: 'lt', value: [v] });

  /** Counts of every term below each of `values` for a grid, calling only where the count is not known. */
  const countEdges = async (grid: Grid, values: number[]) => {
    const calls: Promise<void>[] = [];
    for (const t of terms) {
      const known = grid.counts.get(termKey(t))!;
      for (const v of values) {
        if (known.has(v)) continue;
        const free = freeCount(t, grid, v);
        if (free !== undefined) known.set(v, free);
        else calls.push(run([...t.rows, belowRow(grid.m, v)]).then((a) => void known.set(v, a.total)));
      }
    }
    await Promise.all(calls);
  };
  /** How many calls `countEdges` would make (an upper bound: counts it could find free later are included). */
  const callsFor = (grid: Grid, values: number[]) => {
    let calls = 0;
    for (const t of terms)
      for (const v of values) {
        if (grid.counts.get(termKey(t))!.has(v) || freeCount(t, grid, v) !== undefined) continue;
        if (counter.isNew([...t.rows, belowRow(grid.m, v)], false)) calls++;
      }
    return calls;
  };

  // 2. A first grid per metric, in priority order, while the budget allows it.
  for (const m of METRICS) {
    const ranges = terms.map((t) => rangeOf(t.answer.info, m)).filter((r): r is [number, number] => r !== null);
    if (ranges.length === 0) continue; // no log has the metric: empty summaries, exactly
    const min = Math.min(...ranges.map((r) => r[0]));
    const max = Math.max(...ranges.map((r) => r[1]));
    const top = m.integer ? Math.floor(max) + 1 : max + Math.max(Math.abs(max) * 1e-12, 1e-300);
    const hasZeros = min <= 0;
    const zeroEdge = hasZeros ? (m.integer ? 1 : Number.MIN_VALUE) : null;
    // With values ≤ 0 the grid starts at the smallest positive value: one count with meta_info per term.
    const positiveRows = (t: MeasuredTerm): WireFilter[] => [...t.rows, { key: m.filterKey, operator: 'gt', value: [0] }];
    const anchorCalls = hasZeros ? terms.filter((t) => counter.isNew(positiveRows(t), true)).length : 0;
    const grid: Grid = { m, edges: [], histogramEdges: [], zeroEdge, top, min, max, counts: new Map(terms.map((t) => [termKey(t), new Map<number, number>()])) };
    let low = min;
    if (hasZeros) {
      if (anchorCalls > counter.remaining) {
        omitted.add(m.field);
        continue;
      }
      const answers = await Promise.all(terms.map((t) => run(positiveRows(t), true)));
      const positives: number[] = [];
      answers.forEach((a, i) => {
        const r = rangeOf(a.info, m);
        if (r) {
          terms[i]!.minPositive[m.field] = r[0];
          positives.push(r[0]);
        }
      });
      low = positives.length ? Math.min(...positives) : top;
    }
    const interior = logGrid(low, top, FIRST_BINS[m.field], m.integer);
    const first = [...(zeroEdge !== null ? [zeroEdge] : []), ...(low < top ? [low] : []), ...interior, top];
    const needed = callsFor(grid, [top]) + callsFor(grid, first.slice(0, -1));
    if (needed > counter.remaining) {
      omitted.add(m.field);
      continue;
    }
    // The top and zero edges first: the other edges' free counts read them.
    await countEdges(grid, zeroEdge !== null ? [top, zeroEdge] : [top]);
    await countEdges(grid, first);
    grid.edges = first;
    grid.histogramEdges = [...(low < top ? [low] : []), ...interior, top];
    grids.push(grid);
  }

  // 3. Refinement: split the bins where a figure of some group is least certain, while calls remain.
  for (let round = 0; round < 200; round++) {
    const candidates: { grid: Grid; index: number; score: number }[] = [];
    for (const grid of grids) {
      const scores = new Map<number, number>();
      for (const g of groups)
        for (const [i, s] of metricFigures(grid, g.measured, false).scores) scores.set(i, Math.max(scores.get(i) ?? 0, s));
      for (const [index, score] of scores) if (score > GOOD_ENOUGH) candidates.push({ grid, index, score });
    }
    candidates.sort((a, b) => b.score - a.score);
    const picked: { grid: Grid; v: number }[] = [];
    let planned = 0;
    for (const c of candidates) {
      if (picked.length >= SPLITS_PER_ROUND) break;
      const v = splitPoint(c.grid.edges[c.index]!, c.grid.edges[c.index + 1]!, c.grid.m.integer);
      if (v === null || picked.some((p) => p.grid === c.grid && p.v === v)) continue;
      const calls = callsFor(c.grid, [v]);
      if (planned + calls > counter.remaining) continue;
      planned += calls;
      picked.push({ grid: c.grid, v });
    }
    if (picked.length === 0) break;
    await Promise.all(picked.map((p) => countEdges(p.grid, [p.v])));
    for (const p of picked) p.grid.edges = [...new Set([...p.grid.edges, p.v])].sort((a, b) => a - b);
  }

  // 4. The figures.
  const empty: NumberSummary = { n: 0, sum: 0, mean: null, sd: null, mean_ci: null, median: null, median_ci: null, p90: null, p95: null, p99: null, min: null, max: null };
  const out: GroupAnalysis[] = groups.map((g) => {
    const estimate: GroupEstimate = { estimated: [], bounds: {}, omitted: [...omitted] };
    const figure = (field: MetricField, histogram: boolean): { summary: NumberSummary; histogram: Histogram } => {
      const grid = grids.find((x) => x.m.field === field);
      if (!grid) return { summary: empty, histogram: { scale: 'log', edges: [], counts: [], zeros: 0 } };
      const f = metricFigures(grid, g.measured, histogram);
      for (const name of ['mean', 'sd', 'mean_ci', 'median', 'median_ci', 'p90', 'p95', 'p99', 'sum']) {
        const v = (f.summary as unknown as Record<string, unknown>)[name];
        if (v !== null) estimate.estimated.push(`${field}.${name}`);
      }
      Object.assign(estimate.bounds, f.bounds);
      return f;
    };
    const cost = figure('cost', true);
    const duration = figure('duration', true);
    const tokensTotal = figure('tokens_total', false);
    const tokensIn = figure('tokens_in', false);
    const tokensOut = figure('tokens_out', false);
    let costPer1k: number | null = null;
    if (cost.summary.n > 0 && tokensTotal.summary.n > 0 && tokensTotal.summary.sum > 0) {
      costPer1k = (1000 * cost.summary.sum) / tokensTotal.summary.sum;
      estimate.estimated.push('cost_per_1k_tokens');
      const c = estimate.bounds['cost.sum'];
      const t = estimate.bounds['tokens_total.sum'];
      // A bound only when both sums count the same logs (every measured log has cost and tokens).
      if (c && t && t[0] > 0 && cost.summary.n === tokensTotal.summary.n && cost.summary.n === g.measuredLogs)
        estimate.bounds.cost_per_1k_tokens = [(1000 * c[0]) / t[1], (1000 * c[1]) / t[0]];
    }
    // The evaluators' sums count every log; with cached and failed logs left out they are not estimated.
    if (exclude) estimate.omitted.push('evaluator.cost_sum', 'evaluator.duration_sum', 'evaluator.cost_logs', 'evaluator.duration_logs');
    else estimate.estimated.push('evaluator.cost_sum', 'evaluator.duration_sum');
    const rated = g.up + g.down;
    return {
      label: g.input.label,
      logs: g.logs,
      arrived_since: g.arrivedSince,
      measured_logs: g.measuredLogs,
      cost: cost.summary,
      duration: duration.summary,
      tokens_in: tokensIn.summary,
      tokens_out: tokensOut.summary,
      tokens_total: tokensTotal.summary,
      cost_per_1k_tokens: costPer1k,
      feedback: { up: g.up, down: g.down, rated, thumbs_up: summarizeShare(g.up, rated), rated_share: summarizeShare(rated, g.logs) },
      error_rate: summarizeShare(g.failed, g.logs),
      cache_hit_rate: summarizeShare(g.hits, g.logs),
      histograms: { cost: cost.histogram, duration: duration.histogram },
      evaluator: {
        cost_sum: exclude ? 0 : cost.summary.sum,
        cost_logs: exclude ? 0 : cost.summary.n,
        duration_sum: exclude ? 0 : duration.summary.sum,
        duration_logs: exclude ? 0 : duration.summary.n,
        thumbs_up: g.up,
        thumbs_down: g.down,
      },
      estimate,
    };
  });
  return { result: { exclude_cached_failed: exclude, groups: out } };
}
