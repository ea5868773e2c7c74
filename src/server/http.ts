import type { Context } from 'hono';
import type { z } from 'zod';
import { ERROR_CODES, zodToApiErrors, type ApiErrorItem } from '../shared/envelope.ts';

/** A request the server refuses before any upstream call; the app's error handler turns it into the envelope. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 501,
    readonly errors: ApiErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.message ?? 'Request refused');
    this.name = 'RequestError';
  }
}

/** Validates one part of the request with a shared schema; an invalid one is a 400 naming the field. */
export function validate<S extends z.ZodType>(where: 'body' | 'query' | 'path', schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RequestError(400, zodToApiErrors(where, parsed.error));
  return parsed.data;
}

/** The JSON body; anything that is not JSON is refused as the body field. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new RequestError(415, [{ code: ERROR_CODES.invalidInput, message: 'The body must be JSON (content-type: application/json)', path: ['body'] }]);
  try {
    return await c.req.json();
  } catch {
    throw new RequestError(400, [{ code: ERROR_CODES.invalidInput, message: 'The body is not valid JSON', path: ['body'] }]);
  }
}

/**
 * The upstream's reader, for the one answer the upstream hands over unread (the local analysis extension);
 * every other answer arrives parsed from `Upstream`.
 */
export { fromUpstream } from './upstream-errors.ts';

/** Cloudflare's success envelope. */
export function ok(c: Context, result: unknown, resultInfo?: unknown) {
  return c.json({ success: true, errors: [], messages: [], result, ...(resultInfo !== undefined ? { result_info: resultInfo } : {}) });
}

/** Cloudflare's success envelope around one page of a list, with its `result_info` when the upstream sent one. */
export function okPage<T>(c: Context, page: { result: T[]; result_info?: unknown }) {
  return ok(c, page.result, page.result_info);
}
