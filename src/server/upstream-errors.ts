import { Cloudflare } from './cloudflare-sdk.ts';
import type { z } from 'zod';
import { ERROR_CODES, errorEnvelope, type ApiErrorItem, type ErrorEnvelope } from '../shared/envelope.ts';

/** The upstream answered 2xx but its envelope said `success: false` (the SDK does not throw on it). */
export class UpstreamEnvelopeError extends Error {
  constructor(
    readonly status: number,
    readonly errors: unknown,
  ) {
    super('The upstream answered success: false');
    this.name = 'UpstreamEnvelopeError';
  }
}

/** The upstream answered 2xx with a body the spec's wire shape does not describe; `where` names the field. */
export class UpstreamShapeError extends Error {
  constructor(readonly where: string) {
    super(`Unexpected upstream answer at ${where}`);
    this.name = 'UpstreamShapeError';
  }
}

/** Reads one part of an upstream answer with the spec's wire shape; anything else is the upstream's fault. */
export function fromUpstream<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UpstreamShapeError(`${what}${issue?.path.length ? `.${issue.path.join('.')}` : ''}`);
  }
  return parsed.data;
}

/** The server's own pacing refused a call before it went out (Cloudflare's 1,200 requests / 5 minutes). */
export class PacingError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Upstream call budget exhausted');
    this.name = 'PacingError';
  }
}

export interface MappedError {
  status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 502 | 504;
  body: ErrorEnvelope;
  headers: Record<string, string>;
}

const MAX_MESSAGE = 500;

/** Keeps only the spec's error fields (code, message, path) from whatever the upstream sent. */
function upstreamErrors(raw: unknown, redact: (s: string) => string): ApiErrorItem[] {
  if (!Array.isArray(raw)) return [];
  const out: ApiErrorItem[] = [];
  for (const item of raw.slice(0, 20)) {
    if (typeof item !== 'object' || item === null) continue;
    const { code, message, path } = item as Record<string, unknown>;
    if (typeof message !== 'string' || message === '') continue;
    out.push({
      ...(typeof code === 'number' ? { code } : {}),
      message: redact(message.slice(0, MAX_MESSAGE)),
      ...(Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number')
        ? { path: path.map((p) => redact(String(p))) }
        : {}),
    });
  }
  return out;
}

/** `errors` of the body the SDK kept (`err.error`), which unlike `err.errors`' type still carries `path`. */
function errorsOfBody(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
}

/** retry-after as seconds or an HTTP date; anything else is dropped rather than relayed. */
function safeRetryAfter(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{1,7}$/.test(v)) return v;
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return String(Math.max(1, Math.ceil((date - Date.now()) / 1000)));
  return undefined;
}

const permission = (upstream: string) => `The Cloudflare API token lacks AI Gateway Read/Edit permission (${upstream})`;

/**
 * The one mapping from an upstream failure to the console's envelope and status. Upstream `code`, `message`
 * (from the body's `errors[]`, never the SDK's `err.message`, which is the status plus the raw body) and
 * `path` are kept; statuses that mean "the upstream failed" become 502/504. Returns undefined for errors
 * that did not come from the upstream call, which the app treats as its own bug (500).
 */
export function mapUpstreamError(err: unknown, redact: (s: string) => string = (s) => s): MappedError | undefined {
  if (err instanceof PacingError) {
    return {
      status: 429,
      headers: { 'retry-after': String(err.retryAfterSeconds) },
      body: errorEnvelope([
        {
          code: ERROR_CODES.rateLimited,
          message: `The console paces its calls to Cloudflare's API (1,200 per 5 minutes); retry in ${err.retryAfterSeconds} s`,
        },
      ]),
    };
  }
  if (err instanceof UpstreamShapeError) {
    return {
      status: 502,
      headers: {},
      body: errorEnvelope([{ code: ERROR_CODES.upstreamUnavailable, message: `The upstream answered in an unexpected shape (at ${err.where})` }]),
    };
  }
  if (err instanceof UpstreamEnvelopeError) {
    const errors = upstreamErrors(err.errors, redact);
    return {
      status: 502,
      headers: {},
      body: errorEnvelope(errors.length ? errors : [{ code: ERROR_CODES.upstreamUnavailable, message: "Cloudflare's API reported a failure without details" }]),
    };
  }
  // Timeout and user-abort are subclasses of APIConnectionError / APIError: test them first.
  if (err instanceof Cloudflare.APIConnectionTimeoutError || err instanceof Cloudflare.APIUserAbortError) {
    return {
      status: 504,
      headers: {},
      body: errorEnvelope([{ code: ERROR_CODES.upstreamTimeout, message: "Cloudflare's API did not answer in time; retry in a moment" }]),
    };
  }
  if (err instanceof Cloudflare.APIConnectionError) {
    return {
      status: 502,
      headers: {},
      body: errorEnvelope([{ code: ERROR_CODES.upstreamUnavailable, message: "Cloudflare's API could not be reached" }]),
    };
  }
  if (!(err instanceof Cloudflare.APIError) || typeof err.status !== 'number') return undefined;

  const status = err.status;
  const kept = upstreamErrors(errorsOfBody(err.error) ?? err.errors, redact);
  const fallback = (message: string, code?: number): ApiErrorItem[] => (kept.length ? kept : [{ ...(code ? { code } : {}), message }]);

  if (status === 401 || status === 403) {
    const errors = (kept.length ? kept : [{ code: ERROR_CODES.authentication, message: 'Authentication error' }]).map((e) => ({
      ...e,
      message: permission(e.message),
    }));
    return { status, headers: {}, body: errorEnvelope(errors) };
  }
  if (status === 429) {
    const retryAfter = safeRetryAfter(err.headers?.get('retry-after'));
    return {
      status: 429,
      headers: retryAfter ? { 'retry-after': retryAfter } : {},
      body: errorEnvelope(fallback("Cloudflare's API rate limit was reached; wait and retry", ERROR_CODES.rateLimited)),
    };
  }
  if (status === 400 || status === 404 || status === 409 || status === 422) {
    const generic = status === 404 ? 'Not Found' : `Cloudflare's API refused the request (HTTP ${status})`;
    return { status, headers: {}, body: errorEnvelope(fallback(generic, status === 404 ? ERROR_CODES.notFound : undefined)) };
  }
  return {
    status: 502,
    headers: {},
    body: errorEnvelope(fallback(`Cloudflare's API failed (HTTP ${status})`, ERROR_CODES.upstreamUnavailable)),
  };
}
