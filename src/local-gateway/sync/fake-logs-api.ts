import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A log as the fake holds it: the Logs API's list fields, plus the feedback it filters on. */
export interface FakeLog {
  id: string;
  created_at: string;
  provider: string;
  model: string;
  path: string;
  duration: number;
  success: boolean;
  cached: boolean;
  tokens_in: number | null;
  tokens_out: number | null;
  cost?: number;
  status_code?: number;
  metadata?: string;
  feedback: -1 | 0 | 1;
}

/** A fault served instead of the n-th list call (1-based, counting every call including faulted ones). */
export type Fault = { kind: 'rate-limit'; retryAfterSeconds: number } | { kind: 'server-error'; status?: number } | { kind: 'hang' };

export interface FakeLogsApiOptions {
  accountId: string;
  token: string;
  /** Whether list items carry `feedback` (the spec's do not; the local gateway's do). */
  itemsCarryFeedback?: boolean;
  /** Faults by call number. */
  faults?: Map<number, Fault>;
  /** Answers each list call this late (ms), as a distant API does: a sync lasts long enough to be paused. */
  delayMs?: number;
  /** Runs before each list call is answered (1-based call number): add logs "arriving during the sync". */
  beforeCall?: (call: number, api: FakeLogsApi) => void;
}

/**
 * A fake of Cloudflare's Logs API list, as a sync meets it: `GET /accounts/{a}/ai-gateway/gateways/{g}/logs`
 * with `page`, `per_page` (≤ 50), `order_by=created_at`, `order_by_direction`, and `filters` as one JSON
 * array (`created_at` gt/lt, `feedback` eq; any other key is refused, as the sync must not depend on one),
 * `result_info.total_count`, bearer auth, 404 for an unknown gateway, and scripted faults (429 with
 * retry-after, 5xx, a call that never answers). Logs with the same `created_at` come in id order, as a
 * stable database order would give them.
 */
export class FakeLogsApi {
  private readonly logs = new Map<string, FakeLog[]>();
  private server: Server | undefined;
  private readonly hung: ServerResponse[] = [];
  /** Every list call's URL, in order. */
  readonly calls: string[] = [];

  constructor(private readonly o: FakeLogsApiOptions) {}

  add(gatewayId: string, logs: FakeLog[]): void {
    const list = this.logs.get(gatewayId) ?? [];
    list.push(...logs);
    list.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.logs.set(gatewayId, list);
  }

  ids(gatewayId: string): string[] {
    return (this.logs.get(gatewayId) ?? []).map((l) => l.id).sort();
  }

  all(gatewayId: string): FakeLog[] {
    return [...(this.logs.get(gatewayId) ?? [])];
  }

  setFeedback(gatewayId: string, id: string, feedback: -1 | 0 | 1): void {
    const log = this.logs.get(gatewayId)?.find((l) => l.id === id);
    if (log) log.feedback = feedback;
  }

  async listen(): Promise<string> {
    const delay = this.o.delayMs ?? 0;
    this.server = createServer((req, res) => (delay > 0 ? setTimeout(() => this.handle(req, res), delay) : this.handle(req, res)));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/client/v4`;
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/client\/v4\/accounts\/([^/]+)\/ai-gateway\/gateways\/([^/]+)\/logs$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return this.send(res, 404, { success: false, errors: [{ code: 7003, message: 'No route for the URI' }] });
    if (req.headers.authorization !== `Bearer ${this.o.token}`) return this.send(res, 403, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] });
    this.calls.push(url.pathname + url.search);
    const call = this.calls.length;
    this.o.beforeCall?.(call, this);
    const fault = this.o.faults?.get(call);
    if (fault?.kind === 'hang') {
      this.hung.push(res);
      return;
    }
    if (fault?.kind === 'rate-limit') {
      return this.send(res, 429, { success: false, errors: [{ code: 971, message: 'More than 1200 requests per 300 seconds reached. Please wait and consider throttling your request speed' }] }, { 'retry-after': String(fault.retryAfterSeconds) });
    }
    if (fault?.kind === 'server-error') return this.send(res, fault.status ?? 500, { success: false, errors: [{ code: 7000, message: 'Internal Server Error' }] });
    if (decodeURIComponent(match[1]!) !== this.o.accountId) return this.send(res, 403, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] });
    const logs = this.logs.get(decodeURIComponent(match[2]!));
    if (!logs) return this.send(res, 404, { success: false, errors: [{ code: 7002, message: 'Not Found' }] });

    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '20');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 50) return this.send(res, 400, { success: false, errors: [{ message: 'per_page must be at most 50' }], result: {} });
    if ((url.searchParams.get('order_by') ?? 'created_at') !== 'created_at') return this.send(res, 400, { success: false, errors: [{ message: 'this fake orders by created_at only' }], result: {} });
    let filters: { key: string; operator: string; value: (string | number)[] }[] = [];
    const raw = url.searchParams.get('filters');
    if (raw !== null) {
      try {
        filters = JSON.parse(raw) as typeof filters;
      } catch {
        return this.send(res, 400, { success: false, errors: [{ message: 'filters must be a JSON array' }], result: {} });
      }
    }
    let selected = logs;
    for (const f of filters) {
      const v = f.value[0];
      if (f.key === 'created_at' && (f.operator === 'gt' || f.operator === 'lt') && typeof v === 'string') {
        const t = Date.parse(v);
        selected = selected.filter((l) => (f.operator === 'gt' ? Date.parse(l.created_at) > t : Date.parse(l.created_at) < t));
      } else if (f.key === 'feedback' && f.operator === 'eq') {
        selected = selected.filter((l) => l.feedback === Number(v));
      } else {
        return this.send(res, 400, { success: false, errors: [{ message: `this fake does not filter on ${f.key} ${f.operator}` }], result: {} });
      }
    }
    if (url.searchParams.get('order_by_direction') === 'desc') selected = [...selected].reverse();
    const items = selected.slice((page - 1) * perPage, page * perPage).map((l) => {
      if (this.o.itemsCarryFeedback) return l;
      const { feedback: _feedback, ...item } = l;
      return item;
    });
    this.send(res, 200, {
      success: true,
      errors: [],
      messages: [],
      result: items,
      result_info: { page, per_page: perPage, count: items.length, total_count: selected.length },
    });
  }
}

/** `n` logs from `start` (ms), `stepMs` apart, with every `tieEvery`-th run of logs sharing one instant. */
export function fakeLogs(prefix: string, n: number, start: number, stepMs: number, options: { sameInstant?: number; feedbackEvery?: number } = {}): FakeLog[] {
  const logs: FakeLog[] = [];
  for (let i = 0; i < n; i++) {
    // The first `sameInstant` logs share one millisecond (more than a page's worth tests the instant walk).
    const t = i < (options.sameInstant ?? 0) ? start : start + (i - (options.sameInstant ?? 0) + 1) * stepMs;
    const every = options.feedbackEvery ?? 0;
    logs.push({
      id: `${prefix}${String(i).padStart(7, '0')}`,
      created_at: new Date(t).toISOString(),
      provider: i % 3 === 0 ? 'anthropic' : 'openai',
      model: i % 3 === 0 ? 'claude-sonnet-4' : 'gpt-4o-mini',
      path: 'v1/chat/completions',
      duration: 200 + (i % 900),
      success: i % 17 !== 0,
      cached: i % 11 === 0,
      tokens_in: 100 + (i % 50),
      tokens_out: 20 + (i % 30),
      cost: 0.0001 * (1 + (i % 7)),
      status_code: i % 17 === 0 ? 500 : 200,
      metadata: JSON.stringify({ user: `u${i % 5}` }),
      feedback: every > 0 && i % every === 0 ? (i % (2 * every) === 0 ? 1 : -1) : 0,
    });
  }
  return logs;
}
