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
});
export type GroupAnalysis = z.infer<typeof groupAnalysisSchema>;
export type NumberSummaryWire = z.infer<typeof numberSummarySchema>;
export type ShareSummaryWire = z.infer<typeof shareSummarySchema>;

export const analysisResultSchema = z.object({
  exclude_cached_failed: z.boolean(),
  groups: z.array(groupAnalysisSchema),
});
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

/** The BFF's answer for one evaluation: the datasets' groups, then the union as the last group. */
export const evaluationAnalysisSchema = analysisResultSchema.extend({
  evaluation_id: z.string(),
  until: z.string(),
  /** dataset id per group; null for the union. */
  dataset_ids: z.array(z.string().nullable()),
});
export type EvaluationAnalysis = z.infer<typeof evaluationAnalysisSchema>;

export const analysisQuerySchema = z.object({ exclude_cached_failed: queryBool.default(false) });
