import { z } from 'zod';
import type { Filter } from '../../shared/filters.ts';
import { Pacer, sleep as realSleep } from './pacer.ts';

/** Where a sync reads from: the account's API (Cloudflare's, or any server speaking it, such as the local gateway). */
export interface LogsApiSource {
  /** `https://api.cloudflare.com/client/v4` unless CLOUDFLARE_BASE_URL says otherwise. */
  baseUrl: string;
  accountId: string;
  /** Sent as a bearer token only; never printed, logged or put into an error message. */
  token: string;
}

export interface RetryOptions {
  /** A call that has not answered within this is abandoned and retried (a hang). */
  timeoutMs: number;
  /** Retries of one call after a 5xx, a timeout or a network error, before the sync gives up and says so. */
  maxRetries: number;
  /** First backoff; doubled on each retry of the same call, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** 429s in a row on one call before giving up (each waits its retry-after). */
  maxRateLimited: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { timeoutMs: 30_000, maxRetries: 5, backoffMs: 1_000, maxBackoffMs: 30_000, maxRateLimited: 5 };

/** A page of the Logs API's list, as much of it as a sync needs (items are validated one by one later). */
const listAnswerSchema = z.object({
  success: z.literal(true),
  result: z.array(z.unknown()),
  result_info: z.looseObject({ total_count: z.number().optional() }).optional(),
});

export interface LogPage {
  items: unknown[];
  totalCount: number | undefined;
}

/** A failure the sync reports and stops on (after its retries); the message is fit to print. */
export class SyncError extends Error {
  constructor(
    message: string,
    /** Worth retrying later as it is (the API was down or busy), as opposed to needing a fix (token, gateway). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface ListParams {
  gatewayId: string;
  filters: Filter[];
  page: number;
  perPage: number;
}

/** Seconds or an HTTP date, as Cloudflare sends `retry-after`; a missing or odd one means the 5 minutes of a block. */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const value = headers.get('retry-after');
  if (value !== null) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return 300_000;
}

/**
 * Reads the Logs API list (`GET …/gateways/{id}/logs`) with plain fetch: `filters` goes as ONE JSON-array
 * query parameter, as the live API takes it (the SDK's own encoding of filters is silently ignored).
 * Every call waits for the pacer; a 429 pauses the pacer for its retry-after; a 5xx, a timeout or a
 * network error is retried with backoff up to the limit, then reported as a SyncError.
 */
export class LogsApi {
  private readonly retry: RetryOptions;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Retries done so far (5xx, timeouts, network errors) and 429s waited out. */
  retries = 0;
  rateLimited = 0;

  constructor(
    private readonly source: LogsApiSource,
    readonly pacer: Pacer,
    retry: Partial<RetryOptions> = {},
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...retry };
    this.sleep = this.retry.sleep ?? realSleep;
  }

  url(p: ListParams): string {
    const base = this.source.baseUrl.replace(/\/+$/, '');
    const query = new URLSearchParams({
      page: String(p.page),
      per_page: String(p.perPage),
      order_by: 'created_at',
      order_by_direction: 'asc',
    });
    if (p.filters.length > 0) query.set('filters', JSON.stringify(p.filters));
    return `${base}/accounts/${encodeURIComponent(this.source.accountId)}/ai-gateway/gateways/${encodeURIComponent(p.gatewayId)}/logs?${query}`;
  }

  async list(p: ListParams, signal?: AbortSignal): Promise<LogPage> {
    let failures = 0;
    let limited = 0;
    let backoff = this.retry.backoffMs;
    for (;;) {
      await this.pacer.acquire(signal);
      let problem: string;
      try {
        const response = await this.fetchFn(this.url(p), {
          headers: { authorization: `Bearer ${this.source.token}`, accept: 'application/json' },
          signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(this.retry.timeoutMs)]) : AbortSignal.timeout(this.retry.timeoutMs),
        });
        if (response.status === 200) {
          const parsed = listAnswerSchema.safeParse(await response.json().catch(() => undefined));
          if (!parsed.success) throw new SyncError(`the Logs API of gateway ${p.gatewayId} answered a page that is not a list of logs`, false);
          return { items: parsed.data.result, totalCount: parsed.data.result_info?.total_count };
        }
        if (response.status === 429) {
          await response.body?.cancel();
          limited++;
          this.rateLimited++;
          if (limited > this.retry.maxRateLimited) {
            throw new SyncError(`the API kept refusing calls for the rate limit (429, ${limited} times in a row); try again in 5 minutes`, true);
          }
          this.pacer.pause(retryAfterMs(response.headers));
          continue;
        }
        const detail = await errorMessage(response);
        if (response.status === 401 || response.status === 403) {
          throw new SyncError(`the API refused the token (${response.status}${detail}): CLOUDFLARE_API_TOKEN needs AI Gateway Read on account ${this.source.accountId}`, false);
        }
        if (response.status === 404) throw new SyncError(`gateway ${p.gatewayId} was not found in account ${this.source.accountId} (404${detail})`, false);
        if (response.status < 500) throw new SyncError(`the Logs API refused the request (${response.status}${detail})`, false);
        problem = `${response.status}${detail}`;
      } catch (error) {
        if (error instanceof SyncError) throw error;
        if (signal?.aborted) throw signal.reason;
        const name = (error as Error).name;
        problem = name === 'TimeoutError' ? `no answer within ${this.retry.timeoutMs / 1000} s` : `network error: ${(error as Error).message}`;
      }
      failures++;
      if (failures > this.retry.maxRetries) {
        throw new SyncError(`the Logs API failed ${failures} times in a row on gateway ${p.gatewayId} (last: ${problem}); run the sync again to continue where it stopped`, true);
      }
      this.retries++;
      await this.sleep(backoff);
      backoff = Math.min(this.retry.maxBackoffMs, backoff * 2);
    }
  }
}

/** `: Not Found` from Cloudflare's error envelope, when it has one (never echoing request headers). */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: unknown }[] };
    const message = body.errors?.[0]?.message;
    return typeof message === 'string' && message ? `: ${message.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
