import { z } from 'zod';
import { queryInt, searchText } from './query.ts';

/** Cloudflare's gateway id rule: 1–64 characters of lowercase letters, digits, `_`, joined by single `-`. */
export const GATEWAY_ID_PATTERN = /^[a-z0-9_]+(?:-[a-z0-9_]+)*$/;

export const gatewayIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(GATEWAY_ID_PATTERN, 'must be lowercase letters, digits, _ and single dashes');

/** The gateway fields the console reads; others that Cloudflare returns pass through untouched. */
export const gatewaySchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  modified_at: z.string(),
  cache_invalidate_on_update: z.boolean().optional(),
  cache_ttl: z.number().nullable().optional(),
  collect_logs: z.boolean().optional(),
  rate_limiting_interval: z.number().nullable().optional(),
  rate_limiting_limit: z.number().nullable().optional(),
});
export type Gateway = z.infer<typeof gatewaySchema>;

export const gatewayListQuerySchema = z.object({
  page: queryInt(1, 1_000_000, 1),
  per_page: queryInt(1, 100, 20),
  search: searchText.optional(),
});
export type GatewayListQuery = z.infer<typeof gatewayListQuerySchema>;

/** Ids of datasets, evaluations and logs: opaque, but bounded and free of path syntax. */
export const resourceIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -');
