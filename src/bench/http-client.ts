import type { WireFilter } from '../shared/filters.ts';

/** The parts of Cloudflare's envelope the bench reads. */
export interface Envelope<T> {
  success: boolean;
  result: T;
  result_info?: { total_count?: number };
  errors?: unknown[];
}

/**
 * A tiny HTTP client for both doors of one server process: the local gateway at `/client/v4` (bearer
 * token) and the BFF at `/api`. Any non-2xx or `success: false` throws with the body, so a broken answer
 * never turns into a timing.
 */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    readonly accountId: string,
    private readonly token: string,
  ) {}

  /** `/client/v4/accounts/<acct>/ai-gateway` + rest */
  gatewayPath(rest: string): string {
    return `/client/v4/accounts/${this.accountId}/ai-gateway${rest}`;
  }

  authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<Envelope<T>> {
    const headers: Record<string, string> = path.startsWith('/client/') ? this.authHeaders() : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Same-origin, as the dashboard's own requests are (the BFF checks it on mutations).
    if (method !== 'GET' && path.startsWith('/api/')) headers.origin = this.baseUrl;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: Envelope<T>;
    try {
      json = JSON.parse(text) as Envelope<T>;
    } catch {
      throw new Error(`${method} ${path} → ${res.status}, not JSON: ${text.slice(0, 300)}`);
    }
    if (!res.ok || json.success !== true) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return json;
  }

  get<T>(path: string): Promise<Envelope<T>> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<Envelope<T>> {
    return this.request<T>('POST', path, body);
  }
}

/** Query string of a match count: the filters as ONE JSON array, one log per page (only the count is read). */
export function countQuery(filters: readonly WireFilter[]): string {
  const q = new URLSearchParams({ per_page: '1' });
  if (filters.length > 0) q.set('filters', JSON.stringify(filters));
  return `?${q.toString()}`;
}

export function totalCount(e: Envelope<unknown>): number {
  const n = e.result_info?.total_count;
  if (typeof n !== 'number') throw new Error('answer without result_info.total_count');
  return n;
}
