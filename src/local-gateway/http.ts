import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ERROR_CODES, errorEnvelope, zodToApiErrors, type ApiErrorItem } from '../shared/envelope.ts';
import { gatewayIdSchema } from '../shared/gateways.ts';
import { rememberSentBody } from './sent-bodies.ts';

/** Largest request body accepted; bigger ones get 413 before they are read into memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Cloudflare's success envelope; lists add result_info (page, per_page, count, total_count, …). */
export function ok(c: Context, result: unknown, resultInfo?: Record<string, unknown>) {
  const envelope = { success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) };
  // Built fresh per request and never touched again, so an in-process caller may take it as is (sent-bodies.ts).
  return rememberSentBody(c.json(envelope, 200), envelope);
}

/**
 * Cloudflare's error envelope. `result` is `{}` rather than null because the spec's list-400 schema
 * requires `result` to be an object.
 */
export function fail(c: Context, status: ContentfulStatusCode, errors: ApiErrorItem[]) {
  return c.json({ ...errorEnvelope(errors), result: {} }, status);
}

export const notFound = (c: Context) => fail(c, 404, [{ code: ERROR_CODES.notFound, message: 'Not Found' }]);

export const invalid = (c: Context, errors: ApiErrorItem[]) => fail(c, 400, errors);

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Validates the query string; unknown parameters (the spec's deprecated flat ones, say) are ignored. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<z.infer<S>> {
  const result = schema.safeParse(c.req.query());
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: invalid(c, zodToApiErrors('query', result.error)) };
}

/** Reads a JSON body (the size limit is enforced by middleware), then validates it. Unknown fields are ignored. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S, pick?: readonly string[]): Promise<Parsed<z.infer<S>>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: invalid(c, [{ code: ERROR_CODES.invalidInput, message: 'body: must be valid JSON', path: ['body'] }]) };
  }
  if (pick && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    body = Object.fromEntries(Object.entries(body).filter(([k]) => pick.includes(k)));
  }
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, response: invalid(c, zodToApiErrors('body', result.error)) };
}

const gatewayParamSchema = z.object({ gateway_id: gatewayIdSchema });

/** The gateway id of the path, validated by Cloudflare's rule (1–64 chars, the id pattern). */
export function parseGatewayId(c: Context, param = 'gateway_id'): Parsed<string> {
  const result = gatewayParamSchema.safeParse({ gateway_id: c.req.param(param) });
  if (result.success) return { ok: true, data: result.data.gateway_id };
  return {
    ok: false,
    response: invalid(
      c,
      zodToApiErrors('path', result.error).map((e) => ({ ...e, path: ['path', param], message: e.message.replace(/^gateway_id/, param) })),
    ),
  };
}

/** page/per_page → result_info (total_pages too: Cloudflare's common shape has it). */
export function pageInfo(page: number, perPage: number, count: number, total: number) {
  return { page, per_page: perPage, count, total_count: total, total_pages: Math.ceil(total / perPage) };
}
