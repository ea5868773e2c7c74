import { z } from 'zod';

/** One error as Cloudflare's API reports it: 7001 invalid input (with `path`), 7002 not found, … */
export const apiErrorSchema = z.object({
  code: z.number().optional(),
  message: z.string(),
  path: z.array(z.string()).optional(),
});
export type ApiErrorItem = z.infer<typeof apiErrorSchema>;

export const messageSchema = z.object({ code: z.number().optional(), message: z.string() });

export const resultInfoSchema = z.object({
  page: z.number().optional(),
  per_page: z.number().optional(),
  count: z.number().optional(),
  total_count: z.number().optional(),
  total_pages: z.number().optional(),
});
export type ResultInfo = z.infer<typeof resultInfoSchema>;

export const errorEnvelopeSchema = z.object({
  success: z.literal(false),
  errors: z.array(apiErrorSchema),
  messages: z.array(messageSchema).optional(),
  result: z.unknown().optional(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** `{ success: true, result }`, Cloudflare's success envelope around one object. */
export const envelopeOf = <T extends z.ZodType>(result: T) =>
  z.object({
    success: z.literal(true),
    errors: z.array(apiErrorSchema).optional(),
    messages: z.array(messageSchema).optional(),
    result,
  });

/** A page of a list, with `result_info` (its extra figures, such as the logs' ranges, by `info`). */
export const pageOf = <T extends z.ZodType, I extends z.ZodObject = typeof resultInfoSchema>(item: T, info?: I) =>
  z.object({
    success: z.literal(true),
    errors: z.array(apiErrorSchema).optional(),
    messages: z.array(messageSchema).optional(),
    result: z.array(item),
    result_info: (info ?? resultInfoSchema).optional(),
  });

/** Cloudflare's error codes that this project uses. */
export const ERROR_CODES = {
  invalidInput: 7001,
  notFound: 7002,
  noRoute: 7003,
  methodNotAllowed: 7004,
  authentication: 10000,
  rateLimited: 10429,
  upstreamUnavailable: 10502,
  upstreamTimeout: 10504,
  internal: 10500,
} as const;

export function errorEnvelope(errors: ApiErrorItem[]): ErrorEnvelope {
  // `result: {}` because the spec's list-endpoint 400 requires an object there; other errors allow it.
  return { success: false, errors, messages: [], result: {} };
}

/** Turns a zod issue path into Cloudflare's `path` (strings), prefixed by where the value came from. */
export function issuePath(where: 'body' | 'query' | 'path', path: readonly PropertyKey[]): string[] {
  return [where, ...path.map((p) => String(p))];
}

/**
 * One readable sentence per zod issue: "filters › Filter 2 › value: Cost must be a number". Row indexes
 * under `filters` are shown as people count them.
 */
export function describeIssue(path: readonly PropertyKey[], message: string): string {
  const parts = path.map((p, i) => (typeof p === 'number' && path[i - 1] === 'filters' ? `Filter ${p + 1}` : String(p)));
  return parts.length ? `${parts.join(' › ')}: ${message}` : message;
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

/**
 * zod error → Cloudflare 7001 errors, one per issue (at most 20), each naming the field. Messages and paths
 * can quote the input (an unknown filter key, a record key), so each is bounded: a 10,000-character key is
 * named, not sent back whole.
 */
export function zodToApiErrors(where: 'body' | 'query' | 'path', error: z.ZodError): ApiErrorItem[] {
  return error.issues.slice(0, 20).map((issue) => ({
    code: ERROR_CODES.invalidInput,
    message: clip(describeIssue(issue.path, issue.message), 500),
    path: issuePath(where, issue.path).map((p) => clip(p, 100)),
  }));
}
