import type { z } from 'zod';
import { SIGN_IN_SCHEME } from '../../shared/api-session.ts';
import { errorEnvelopeSchema } from '../../shared/envelope.ts';
import { ApiError } from './api-error.ts';

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiRequest<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api`, with ids already passed through `encodeURIComponent` (use `apiPath`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The schema of the whole success envelope; the answer is parsed with it (never trusted as is). */
  schema: S;
  signal?: AbortSignal;
  /** Let the request outlive the page (a delete committed as the tab closes). */
  keepalive?: boolean;
}

/** Builds `/api/...` from segments, encoding each so no id can reach another path. */
export function apiPath(...segments: string[]): string {
  return `/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

function toSearch(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The only `fetch` of the dashboard. Sends JSON to `/api`, parses the success envelope with `schema`, and
 * turns anything else (error envelope, non-JSON, network failure, a response that does not parse) into
 * an `ApiError`. It never shows UI: toasts and inline errors belong to the call site.
 */
export async function apiRequest<S extends z.ZodType>(req: ApiRequest<S>): Promise<z.infer<S>> {
  const init: RequestInit = {
    method: req.method ?? 'GET',
    headers: { accept: 'application/json', ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
    signal: req.signal,
    ...(req.keepalive ? { keepalive: true } : {}),
    credentials: 'same-origin',
  };
  let response: Response;
  try {
    response = await fetch(`/api${req.path}${toSearch(req.query)}`, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, [{ message: 'The server could not be reached. Check that it is running, then retry.' }]);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, [{ message: `The server answered ${response.status} without a JSON body` }]);
  }
  if (!response.ok) {
    const parsed = errorEnvelopeSchema.safeParse(json);
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      parsed.success && parsed.data.errors.length ? parsed.data.errors : [{ message: `Request failed (${response.status})` }],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      response.status === 401 && (response.headers.get('www-authenticate') ?? '').startsWith(SIGN_IN_SCHEME),
    );
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(response.status, [
      { message: `Unexpected answer from the server at ${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'invalid'}` },
    ]);
  }
  return parsed.data;
}
