import type { Context } from 'hono';
import { z } from 'zod';
import { ERROR_CODES, resultInfoSchema, zodToApiErrors, type ApiErrorItem } from '../shared/envelope.ts';

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

/** The upstream answered 2xx with a body the spec's wire shape does not describe. */
export class UpstreamShapeError extends Error {
  constructor(readonly where: string) {
    super(`Unexpected upstream answer at ${where}`);
    this.name = 'UpstreamShapeError';
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

/** Reads the upstream's answer liberally, with the spec's wire shape; anything else is the upstream's fault. */
export function fromUpstream<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UpstreamShapeError(`${what}${issue?.path.length ? `.${issue.path.join('.')}` : ''}`);
  }
  return parsed.data;
}

/** Cloudflare's success envelope. */
export function ok(c: Context, result: unknown, resultInfo?: unknown) {
  return c.json({ success: true, errors: [], messages: [], result, ...(resultInfo !== undefined ? { result_info: resultInfo } : {}) });
}

/**
 * Answers an upstream list, read as `fromUpstream` reads: every item by `item` (then `annotate`d, when
 * given), and `result_info` by `info` (the common page info unless said otherwise) when the upstream sent
 * one.
 */
export function okList<S extends z.ZodType, R = z.infer<S>>(
  c: Context,
  answer: { result: unknown; result_info?: unknown },
  item: S,
  read: { info?: z.ZodType; annotate?: (item: z.infer<S>) => R } = {},
) {
  const { annotate } = read;
  const items = fromUpstream(z.array(item), answer.result, 'result');
  const rows = annotate ? items.map((x) => annotate(x)) : items;
  return ok(c, rows, fromUpstream((read.info ?? resultInfoSchema).optional(), answer.result_info, 'result_info'));
}
