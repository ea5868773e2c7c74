import { z } from 'zod';
import { isIsoDateTime, wireFilterSchema } from './filters.ts';
import { queryBool } from './query.ts';

/**
 * The evaluation analysis (product design §6): per group of logs (a dataset, the union of an evaluation's
 * datasets, half of a dataset split at an instant) n, distributions with 95% intervals, feedback, error and
 * cache-hit rates and histograms, pinned to logs created at or before an instant.
 *
 * The local gateway answers it exactly at `POST …/gateways/:gw/x-local/logs-analysis`, an extension of
 * Cloudflare's API (Cloudflare has no such call); the BFF serves it per evaluation.
 */

const instantSchema = z.string().refine((s) => isIsoDateTime(s), 'must be an ISO 8601 date-time with a zone');

export const MAX_ANALYSIS_GROUPS = 12;
export const HISTOGRAM_BINS = 24;

/** One group: the logs matching any of `any_of` (each a dataset's filter rows), created in [from, until]. */
export const analysisGroupInputSchema = z.object({
  label: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  any_of: z.array(z.array(wireFilterSchema).max(50, 'at most 50 filter rows')).min(1, 'name at least one filter set').max(5, 'at most 5 filter sets'),
  /** Inclusive upper bound on created_at: the pin. */
  until: instantSchema,
  /** Inclusive lower bound on created_at, for the second half of a split. */
  from: instantSchema.optional(),
  /** Exclusive upper bound on created_at, for the first half of a split (kept apart from the pin). */
  before: instantSchema.optional(),
});
export type AnalysisGroupInput = z.infer<typeof analysisGroupInputSchema>;

export const analysisRequestSchema = z.object({
  groups: z.array(analysisGroupInputSchema).min(1, 'name at least one group').max(MAX_ANALYSIS_GROUPS, `at most ${MAX_ANALYSIS_GROUPS} groups`),
  /** Leave cached and failed logs out of cost, duration and token figures (a cache hit costs $0 in ~30 ms). */
  exclude_cached_failed: z.boolean().default(false),
});
export type AnalysisRequest = z.infer<typeof analysisRequestSchema>;

const interval = z.tuple([z.number(), z.number()]).nullable();
const nullableNumber = z.number().nullable();

export const numberSummarySchema = z.object({
  n: z.number(),
  sum: z.number(),
  mean: nullableNumber,
  /** Sample standard deviation (n − 1); null below two values. */
  sd: nullableNumber,
  mean_ci: interval,
  median: nullableNumber,
  median_ci: interval,
  p90: nullableNumber,
  p95: nullableNumber,
  p99: nullableNumber,
  min: nullableNumber,
  max: nullableNumber,
});

export const shareSummarySchema = z.object({ k: z.number(), n: z.number(), share: nullableNumber, ci: interval });

/** Counts per bin between `edges` (log-spaced for cost and duration); values ≤ 0 are counted in `zeros`. */
export const histogramSchema = z.object({
  scale: z.enum(['log', 'linear']),
  edges: z.array(z.number()),
  counts: z.array(z.number()),
  zeros: z.number(),
});
export type Histogram = z.infer<typeof histogramSchema>;

/** What the evaluators compute over a group, over all its logs whatever the exclusion: to check the union. */
export const evaluatorFiguresSchema = z.object({
  cost_sum: z.number(),
  cost_logs: z.number(),
  duration_sum: z.number(),
  duration_logs: z.number(),
  thumbs_up: z.number(),
  thumbs_down: z.number(),
});
export type EvaluatorFigures = z.infer<typeof evaluatorFiguresSchema>;

/**
 * How a Cloudflare-mode group was estimated from log counts. Counts (logs, feedback, errors, cache hits,
 * arrived since) stay exact; the figures named in `estimated` are estimates, each with `bounds`: an interval
 * the exact figure certainly lies in (quantiles between two counted edges, means between the sums the
 * counted bins allow). Figures in `omitted` were not estimated within the call budget and are null.
 */
export const groupEstimateSchema = z.object({
  /** Paths of estimated figures: 'cost.mean', 'duration.p95', 'cost_per_1k_tokens', 'histograms.cost', … */
  estimated: z.array(z.string()),
  /** Per estimated figure (same paths), [lo, hi] holding the exact value; absent where no such bound is known. */
  bounds: z.record(z.string(), z.tuple([z.number(), z.number()])),
  /** Paths of figures left null because the budget did not reach them. */
  omitted: z.array(z.string()),
});
export type GroupEstimate = z.infer<typeof groupEstimateSchema>;

export const groupAnalysisSchema = z.object({
  label: z.string(),
  /** Logs in the group (pinned). */
  logs: z.number(),
  /** Logs matching the group's filters created after `until`. */
  arrived_since: z.number(),
  /** Logs the cost, duration and token figures count (all, or those neither cached nor failed). */
  measured_logs: z.number(),
  cost: numberSummarySchema,
  duration: numberSummarySchema,
  tokens_in: numberSummarySchema,
  tokens_out: numberSummarySchema,
  tokens_total: numberSummarySchema,
  /** 1,000 × Σ cost / Σ tokens over the measured logs that have both. */
  cost_per_1k_tokens: nullableNumber,
  feedback: z.object({
    up: z.number(),
    down: z.number(),
    rated: z.number(),
    /** 👍 of rated. */
    thumbs_up: shareSummarySchema,
    /** Rated of all logs. */
    rated_share: shareSummarySchema,
  }),
  /** Failed logs of all logs. */
  error_rate: shareSummarySchema,
  /** Cached logs of all logs. */
  cache_hit_rate: shareSummarySchema,
  histograms: z.object({ cost: histogramSchema, duration: histogramSchema }),
  evaluator: evaluatorFiguresSchema,
  /** Null when every figure is exact (local mode); in Cloudflare mode, which figures are estimates and how close. */
  estimate: groupEstimateSchema.nullable().default(null),
});
export type GroupAnalysis = z.infer<typeof groupAnalysisSchema>;

export type NumberSummaryWire = z.infer<typeof numberSummarySchema>;
export type ShareSummaryWire = z.infer<typeof shareSummarySchema>;

export const analysisResultSchema = z.object({
  exclude_cached_failed: z.boolean(),
  groups: z.array(groupAnalysisSchema),
});
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

/** Cloudflare mode: how the estimate was made (null in local mode, where every figure is exact). */
export const analysisEstimateSchema = z.object({
  /** In words, for a footnote: what was counted and how figures follow from the counts. */
  method: z.string(),
  /** Upstream calls this analysis made when it was computed (a cached answer makes none now). */
  upstream_calls: z.number(),
  /** The most calls one analysis may make. */
  call_budget: z.number(),
  /** True when this answer came from the cache (a pinned analysis does not change but for feedback). */
  from_cache: z.boolean(),
  /** When the counts were taken: feedback figures are as of then. */
  computed_at: z.string(),
});
export type AnalysisEstimate = z.infer<typeof analysisEstimateSchema>;

/** A dataset of the evaluation split at an instant: "<dataset> before <at>" and "<dataset> from <at>", both pinned. */
export const analysisSplitSchema = z.object({
  dataset_id: z.string(),
  /** The instant, normalised to ISO 8601 UTC with milliseconds. */
  at: z.string(),
  /** [before, from]: created before `at`, and created at or after `at` up to the evaluation's created_at. */
  groups: z.tuple([groupAnalysisSchema, groupAnalysisSchema]),
});
export type AnalysisSplit = z.infer<typeof analysisSplitSchema>;

/**
 * The BFF's answer for one evaluation: the datasets' groups, then the union as the last group; with
 * `split_dataset` and `split_at`, also the two halves of that dataset in `split` (histogram edges shared by
 * every group of the answer, so the bars line up).
 */
export const evaluationAnalysisSchema = analysisResultSchema.extend({
  evaluation_id: z.string(),
  until: z.string(),
  /** dataset id per group; null for the union. */
  dataset_ids: z.array(z.string().nullable()),
  split: analysisSplitSchema.nullable().default(null),
  estimate: analysisEstimateSchema.nullable().default(null),
});
export type EvaluationAnalysis = z.infer<typeof evaluationAnalysisSchema>;

/**
 * `GET …/evaluations/:id/analysis` query. `split_dataset` (a dataset id of the evaluation) and `split_at`
 * (an ISO 8601 instant, at or before the evaluation's created_at) go together; the server checks the
 * dataset belongs to the evaluation and the instant is not after its pin.
 */
export const analysisQuerySchema = z
  .object({
    exclude_cached_failed: queryBool.default(false),
    split_dataset: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    split_at: instantSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.split_dataset !== undefined && q.split_at === undefined)
      ctx.addIssue({ code: 'custom', path: ['split_at'], message: 'is required with split_dataset (the instant to split at)' });
    if (q.split_at !== undefined && q.split_dataset === undefined)
      ctx.addIssue({ code: 'custom', path: ['split_dataset'], message: 'is required with split_at (the dataset to split)' });
  });
export type AnalysisQuery = z.infer<typeof analysisQuerySchema>;
