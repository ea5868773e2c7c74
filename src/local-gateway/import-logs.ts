import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isIsoDateTime } from '../shared/filters.ts';
import { resourceIdSchema } from '../shared/gateways.ts';
import { ulid } from './ids.ts';
import type { Store } from './store.ts';
import { MAX_LOG_COUNT, type StoredLog } from './store/log-rows.ts';

const text = (max = 1000) => z.string({ message: 'must be a text' }).max(max, `must be at most ${max} characters`);
// Bounded by what the projection's 32-bit columns hold (see MAX_LOG_COUNT).
const count = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(MAX_LOG_COUNT, `must be at most ${MAX_LOG_COUNT}`);

/**
 * One Cloudflare log object (the spec's log fields; `feedback` and `score` as the local gateway adds them).
 * `id` is optional: a missing one is generated. Unknown fields are ignored.
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

export type ImportResult = { ok: true; imported: number } | { ok: false; errors: string[] };

const MAX_REPORTED = 20;

/**
 * Validates every line of a JSON Lines text first, then imports all of it in one transaction, or nothing:
 * a bad line is reported as `line 12: cost must be a number` and no log of the file is stored.
 */
export function importLogs(store: Store, gatewayId: string, content: string): ImportResult {
  const errors: string[] = [];
  const logs: StoredLog[] = [];
  const ids = new Set<string>();
  const lines = content.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (errors.length >= MAX_REPORTED || line.trim() === '') return;
    const where = `line ${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      errors.push(`${where}: not valid JSON`);
      return;
    }
    const parsed = importLogSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      errors.push(`${where}: ${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}`);
      return;
    }
    const log = parsed.data;
    const createdAt = Date.parse(log.created_at);
    const id = log.id ?? ulid(createdAt);
    if (ids.has(id) || store.logs.idExists(id)) {
      errors.push(`${where}: id ${id} already exists`);
      return;
    }
    ids.add(id);
    logs.push({
      id,
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
    });
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, imported: store.logs.insert(logs) };
}

export function importLogFile(store: Store, gatewayId: string, file: string): ImportResult {
  return importLogs(store, gatewayId, readFileSync(file, 'utf8'));
}
