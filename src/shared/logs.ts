import { z } from 'zod';
import { filtersSchema } from './filters.ts';
import { orderDirectionSchema, queryBool, queryInt, searchText } from './query.ts';

/** A log entry as the API returns it (spec fields; `feedback` and `score` are extras the local gateway adds). */
export const logSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  provider: z.string(),
  model: z.string(),
  path: z.string(),
  duration: z.number(),
  success: z.boolean(),
  cached: z.boolean(),
  tokens_in: z.number().nullable(),
  tokens_out: z.number().nullable(),
  cost: z.number().optional(),
  model_type: z.string().optional(),
  request_content_type: z.string().optional(),
  response_content_type: z.string().optional(),
  request_type: z.string().optional(),
  status_code: z.number().optional(),
  metadata: z.string().optional(),
  feedback: z.number().nullable().optional(),
  score: z.number().nullable().optional(),
});
export type LogEntry = z.infer<typeof logSchema>;

/**
 * One log as its GET answers it: the spec adds the request and response heads and sizes, which the list
 * leaves out and a gateway may not keep. Read as optional, so a log without them still shows.
 */
export const logDetailSchema = logSchema.extend({
  request_head: z.string().optional(),
  request_head_complete: z.boolean().optional(),
  request_size: z.number().optional(),
  response_head: z.string().optional(),
  response_head_complete: z.boolean().optional(),
  response_size: z.number().optional(),
  custom_cost: z.boolean().optional(),
  step: z.number().optional(),
});
export type LogDetail = z.infer<typeof logDetailSchema>;

export const LOG_ORDER_KEYS = ['created_at', 'provider', 'model', 'model_type', 'success', 'cached'] as const;

/** `filters` arrives in the query string as one JSON array (as Cloudflare's live API takes it). */
export const filtersQueryParam = z
  .string()
  .max(100_000, 'must be at most 100000 characters')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {key, operator, value}' });
      return z.NEVER;
    }
  })
  .pipe(filtersSchema);

export const logListQuerySchema = z.object({
  page: queryInt(1, 1_000_000, 1),
  per_page: queryInt(1, 50, 20),
  order_by: z.enum(LOG_ORDER_KEYS, { message: `must be one of ${LOG_ORDER_KEYS.join(', ')}` }).default('created_at'),
  order_by_direction: orderDirectionSchema.default('desc'),
  search: searchText.optional(),
  meta_info: queryBool.optional(),
  filters: filtersQueryParam.optional(),
});
export type LogListQuery = z.infer<typeof logListQuerySchema>;

/** The ranges `meta_info=true` adds to `result_info` (absent where no matching log has the value). */
export const logResultInfoSchema = z.looseObject({
  page: z.number().optional(),
  per_page: z.number().optional(),
  count: z.number().optional(),
  total_count: z.number().optional(),
  min_cost: z.number().optional(),
  max_cost: z.number().optional(),
  min_duration: z.number().optional(),
  max_duration: z.number().optional(),
  min_tokens_in: z.number().optional(),
  max_tokens_in: z.number().optional(),
  min_tokens_out: z.number().optional(),
  max_tokens_out: z.number().optional(),
  min_total_tokens: z.number().optional(),
  max_total_tokens: z.number().optional(),
});
export type LogResultInfo = z.infer<typeof logResultInfoSchema>;

/** PATCH body: human feedback (-1 👎, 0 none, 1 👍), a score 0–100, custom metadata. */
export const logPatchSchema = z
  .object({
    feedback: z.union([z.literal(-1), z.literal(0), z.literal(1)], { message: 'feedback must be -1, 0 or 1' }).nullable().optional(),
    score: z.number().min(0, 'score must be at least 0').max(100, 'score must be at most 100').nullable().optional(),
    metadata: z.record(z.string().max(200), z.union([z.string().max(1000), z.number(), z.boolean()])).nullable().optional(),
  })
  .strict();
export type LogPatch = z.infer<typeof logPatchSchema>;

/** What a PATCH answers: Cloudflare's spec declares an object (`{}` in practice), not the log. */
export const logPatchResultSchema = z.looseObject({});

/** The most of a log's request or response body the console shows; the rest is cut and said to be. */
export const LOG_BODY_MAX_CHARS = 100_000;

/**
 * A log's request or response as the server hands it to the browser: the body's text (cut at
 * LOG_BODY_MAX_CHARS), whether it is JSON, its full size in bytes and whether it was cut.
 */
export const logBodySchema = z.object({
  text: z.string(),
  json: z.boolean(),
  size: z.number().int().min(0),
  truncated: z.boolean(),
});
export type LogBody = z.infer<typeof logBodySchema>;

/** A log's body as `text`: a JSON value is serialised; anything longer than the limit is cut. */
export function logBodyOf(raw: unknown): LogBody {
  const full = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? '';
  let json = typeof raw !== 'string';
  if (!json) {
    try {
      JSON.parse(full);
      json = true;
    } catch {
      json = false;
    }
  }
  const truncated = full.length > LOG_BODY_MAX_CHARS;
  return { text: truncated ? full.slice(0, LOG_BODY_MAX_CHARS) : full, json, size: new TextEncoder().encode(full).length, truncated };
}
