import { z } from 'zod';
import { isIsoDateTime } from '../../shared/filters.ts';
import { resourceIdSchema } from '../../shared/gateways.ts';
import { MAX_LOG_COUNT, type StoredLog } from '../store/log-rows.ts';

export const text = (max = 1000) => z.string({ message: 'must be a text' }).max(max, `must be at most ${max} characters`);
/** Bounded by what the projection's 32-bit columns hold (see MAX_LOG_COUNT). */
export const count = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(MAX_LOG_COUNT, `must be at most ${MAX_LOG_COUNT}`);

/**
 * One Cloudflare log object (the spec's log fields; `feedback` and `score` as the local gateway adds them).
 * `id` is optional: a missing one is derived from the line (see log-ids.ts). Unknown fields are ignored.
 */
export const importLogSchema = z.object({
  id: resourceIdSchema.optional(),
  created_at: z.string({ message: 'must be an ISO 8601 date-time' }).refine((s) => isIsoDateTime(s), 'must be an ISO 8601 date-time'),
  provider: text(200).min(1, 'must not be empty'),
  model: text(200).min(1, 'must not be empty'),
  model_type: text(200).optional(),
  path: text(2000).default(''),
  duration: count,
  success: z.boolean({ message: 'must be true or false' }),
  cached: z.boolean({ message: 'must be true or false' }),
  tokens_in: count.nullable(),
  tokens_out: count.nullable(),
  cost: z.number({ message: 'must be a number' }).min(0, 'must not be negative').nullable().optional(),
  request_content_type: text(200).optional(),
  response_content_type: text(200).optional(),
  request_type: text(200).optional(),
  status_code: z.number({ message: 'must be a number' }).int('must be a whole number').optional(),
  metadata: z.union([text(10_000), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))], { message: 'must be a JSON text or an object' }).optional(),
  feedback: z.union([z.literal(-1), z.literal(0), z.literal(1)], { message: 'must be -1, 0 or 1' }).nullable().optional(),
  score: z.number({ message: 'must be a number' }).min(0, 'must be at least 0').max(100, 'must be at most 100').nullable().optional(),
});

export type ParsedCloudflareLog = z.infer<typeof importLogSchema>;

/** A Cloudflare log object as stored; `id` is the object's own, or `derivedId` when it has none. */
export function cloudflareLogToStored(log: ParsedCloudflareLog, gatewayId: string, derivedId: (createdAt: number) => string): StoredLog {
  const createdAt = Date.parse(log.created_at);
  return {
    id: log.id ?? derivedId(createdAt),
    gateway_id: gatewayId,
    created_at: createdAt,
    provider: log.provider,
    model: log.model,
    model_type: log.model_type ?? null,
    path: log.path,
    duration: log.duration,
    success: log.success ? 1 : 0,
    cached: log.cached ? 1 : 0,
    tokens_in: log.tokens_in,
    tokens_out: log.tokens_out,
    cost: log.cost ?? null,
    request_content_type: log.request_content_type ?? null,
    response_content_type: log.response_content_type ?? null,
    request_type: log.request_type ?? null,
    status_code: log.status_code ?? null,
    metadata: log.metadata === undefined ? null : typeof log.metadata === 'string' ? log.metadata : JSON.stringify(log.metadata),
    feedback: log.feedback ?? 0,
    score: log.score ?? null,
  };
}
