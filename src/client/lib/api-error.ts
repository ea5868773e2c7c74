import type { ApiErrorItem } from '../../shared/envelope.ts';

/**
 * The one error type of the client: an `/api` answer that was not a success, or no answer at all
 * (status 0). `errors` keeps Cloudflare's items so forms can put each `path` on its field.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorItem[];
  readonly retryAfterSeconds?: number;
  /** The dashboard's own session is missing or expired: signing in again (on /login) is the way out. */
  readonly needsSignIn: boolean;

  constructor(status: number, errors: ApiErrorItem[], retryAfterSeconds?: number, needsSignIn = false) {
    super(errors[0]?.message ?? (status === 0 ? 'The server could not be reached' : `Request failed (${status})`));
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
    this.needsSignIn = needsSignIn;
  }

  /** 4xx means the request itself is wrong: retrying it as it is cannot help (429 aside). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
