import { Cloudflare } from './cloudflare-sdk.ts';
import { z } from 'zod';
import type { AnalysisRequest } from '../shared/analysis.ts';
import { datasetSchema, type Dataset, type DatasetInput, type DatasetListQuery } from '../shared/datasets.ts';
import { resultInfoSchema, type ResultInfo } from '../shared/envelope.ts';
import {
  evaluationSchema,
  evaluationTypeSchema,
  type Evaluation,
  type EvaluationInput,
  type EvaluationListQuery,
  type EvaluationType,
  type EvaluationTypeListQuery,
} from '../shared/evaluations.ts';
import { gatewaySchema, type Gateway, type GatewayListQuery } from '../shared/gateways.ts';
import {
  logDetailSchema,
  logPatchResultSchema,
  logResultInfoSchema,
  logSchema,
  type LogDetail,
  type LogEntry,
  type LogListQuery,
  type LogPatch,
  type LogResultInfo,
} from '../shared/logs.ts';
import { DEFAULT_PACING, TokenBucket, type PacingOptions } from './pacing.ts';
import { fromUpstream, PacingError, UpstreamEnvelopeError } from './upstream-errors.ts';

type RequestOptions = NonNullable<Parameters<Cloudflare['aiGateway']['datasets']['get']>[2]>;
type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The envelope fields of an answer before it is read with a schema. */
export interface UpstreamAnswer {
  result: unknown;
  result_info?: unknown;
}

/** One page of a list as the upstream answered it, every item read with its schema. */
export interface Page<T, I = ResultInfo> {
  result: T[];
  /** Absent when the upstream sent none. */
  result_info?: I;
}

/** What a log's PATCH answers: an object the spec leaves open (`{}` in practice). */
export type LogPatchResult = z.infer<typeof logPatchResultSchema>;

/**
 * The upstream as routes see it: every answer already read, once, with the spec's wire shape (liberal:
 * looser objects keep their extra fields), so a route validates the request, calls, and answers. An
 * answer in another shape throws {@link UpstreamShapeError} naming where; a failure of the call throws
 * what `mapUpstreamError` maps. Both modes implement it through {@link createUpstream}: Cloudflare over
 * the network, the local gateway through its in-process fetch, so local mode runs the real mode's code.
 */
export interface Upstream {
  readonly mode: 'local' | 'cloudflare';
  readonly accountId: string;
  /** Scrubs the configured token out of any text that might be shown (defence in depth). */
  redact(text: string): string;
  gateways: {
    list(q: GatewayListQuery): Promise<Page<Gateway>>;
  };
  datasets: {
    list(gw: string, q: DatasetListQuery): Promise<Page<Dataset>>;
    get(gw: string, id: string): Promise<Dataset>;
    create(gw: string, body: DatasetInput): Promise<Dataset>;
    update(gw: string, id: string, body: DatasetInput): Promise<Dataset>;
    delete(gw: string, id: string): Promise<Dataset>;
  };
  evaluations: {
    list(gw: string, q: EvaluationListQuery): Promise<Page<Evaluation>>;
    get(gw: string, id: string): Promise<Evaluation>;
    create(gw: string, body: EvaluationInput): Promise<Evaluation>;
    delete(gw: string, id: string): Promise<Evaluation>;
  };
  evaluationTypes: {
    list(q: EvaluationTypeListQuery): Promise<Page<EvaluationType>>;
  };
  /**
   * The local gateway's exact analysis, an extension Cloudflare does not have (local mode only). Its
   * answer is handed over as the envelope's fields, read by the analysis route with its own schema.
   */
  analysis: {
    logs(gw: string, body: AnalysisRequest): Promise<UpstreamAnswer>;
  };
  logs: {
    list(gw: string, q: LogListQuery): Promise<Page<LogEntry, LogResultInfo>>;
    get(gw: string, id: string): Promise<LogDetail>;
    edit(gw: string, id: string, patch: LogPatch): Promise<LogPatchResult>;
    /** The stored request body itself (no envelope), as text. */
    request(gw: string, id: string): Promise<string>;
    /** The stored response body itself (no envelope), as text. */
    response(gw: string, id: string): Promise<string>;
  };
}

/** `result` read as `schema`. */
const one =
  <S extends z.ZodType>(schema: S) =>
  (answer: UpstreamAnswer): z.infer<S> =>
    fromUpstream(schema, answer.result, 'result');

/** `result` read as a list of `item`, and `result_info` (when sent) as `info`. */
const page =
  <S extends z.ZodType, I extends z.ZodType = typeof resultInfoSchema>(item: S, info?: I) =>
  (answer: UpstreamAnswer): Page<z.infer<S>, z.infer<I>> => {
    const result = fromUpstream(z.array(item), answer.result, 'result');
    const resultInfo: unknown = fromUpstream((info ?? resultInfoSchema).optional(), answer.result_info, 'result_info');
    return resultInfo === undefined ? { result } : { result, result_info: resultInfo as z.infer<I> };
  };

// Cloudflare answers `{}`; an upstream that answers null is read as the same.
const patchResult = (answer: UpstreamAnswer): LogPatchResult => fromUpstream(logPatchResultSchema.nullable(), answer.result, 'result') ?? {};
const text = one(z.string());

export interface UpstreamOptions {
  mode: 'local' | 'cloudflare';
  accountId: string;
  /** Sent as `Authorization: Bearer`; only this scheme, so no other credential from the environment rides along. */
  apiToken: string;
  /** Ends in `/client/v4` (or a mock's root); the SDK appends `/accounts/...`. */
  baseURL?: string;
  /** Local mode hands the local gateway's in-process fetch here; tests record upstream headers through it. */
  fetch?: Fetch;
  /** Per upstream attempt, headers and body included (default 15 s). */
  timeoutMs?: number;
  /**
   * The server's own call budget (default: bursts of 100, 1,050 per 5 minutes; under Cloudflare's 1,200).
   * `false` for the in-process local gateway, which has no such limit (benchmarks would only measure it).
   */
  pacing?: PacingOptions | false;
  /** Pause before the single retry of a GET (default 250 ms). */
  retryDelayMs?: number;
  /**
   * Set when `fetch` is the local gateway in this process. Its answers are whole in memory when they
   * arrive, so the SDK's own timeout (which bounds a call up to its response) bounds everything and no
   * second deadline is armed for reading the body; `sentBody` hands over the envelope object a success
   * answer was serialised from, so it is not parsed back from its own JSON. Routes validate it all the same.
   */
  inProcess?: { sentBody?: (response: Response) => unknown };
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** A GET is retried once only when the upstream asks for at most this wait; longer waits go back as 429. */
const MAX_RETRY_AFTER_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one upstream client: the official SDK plus the traps it leaves open.
 *
 * - `filters` of a log list go out as ONE JSON-array query parameter (`filters=[{...}]`): the SDK's own
 *   query encoding flattens them to `filters.key=...`, which Cloudflare silently ignores.
 * - A 2xx whose envelope says `success: false` throws {@link UpstreamEnvelopeError} (the SDK returns it).
 * - The SDK never retries (its retry sleeps on any `retry-after`, even five minutes, and would duplicate
 *   POSTs); this wrapper retries a GET at most once, after a short pause, and never a mutation.
 * - Every attempt is bounded by `timeoutMs` and paced by a token bucket; an exhausted bucket throws
 *   {@link PacingError} without calling.
 *
 * - Every answer is read here, once, with the shared schemas (see {@link Upstream}).
 *
 * Ids reach the upstream only through the SDK's path builder, which percent-encodes each segment.
 */
export function createUpstream(o: UpstreamOptions): Upstream {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retryDelayMs = o.retryDelayMs ?? 250;
  const bucket = o.pacing === false ? undefined : new TokenBucket(o.pacing ?? DEFAULT_PACING);
  const client = new Cloudflare({
    apiToken: o.apiToken,
    // Explicit nulls: otherwise the SDK picks these up from the environment and sends them too.
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    baseURL: o.baseURL,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: 'off',
  });
  const account_id = o.accountId;

  /** The envelope's parts a route needs; a 2xx that says `success: false` is an error. */
  function answerOf(response: Response, body: unknown): UpstreamAnswer {
    const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (envelope.success !== true) throw new UpstreamEnvelopeError(response.status, envelope.errors);
    return { result: envelope.result, ...(envelope.result_info !== undefined ? { result_info: envelope.result_info } : {}) };
  }

  const notJson = (response: Response) =>
    new UpstreamEnvelopeError(response.status, [{ message: `Cloudflare's API answered HTTP ${response.status} without JSON` }]);

  /** One attempt: pace, send through the SDK, read the envelope within the deadline. */
  async function attempt(send: (options: RequestOptions) => PromiseLike<Response>, raw = false): Promise<UpstreamAnswer> {
    const token = bucket?.take();
    if (token && !token.ok) throw new PacingError(token.retryAfterSeconds);
    if (o.inProcess) return raw ? { result: await (await send({ maxRetries: 0 })).text() } : attemptInProcess(send, o.inProcess.sentBody);
    // The SDK's timeout stops at the headers; this signal also bounds reading the body.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send({ maxRetries: 0, signal: controller.signal });
      // A raw body (a log's request or response) is the answer itself, as text, read within the deadline.
      if (raw) return { result: await response.text() };
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        if (controller.signal.aborted) throw new Cloudflare.APIConnectionTimeoutError();
        throw notJson(response);
      }
      return answerOf(response, body);
    } catch (e) {
      // The SDK reports our own deadline as a user abort; it is a timeout.
      if (e instanceof Cloudflare.APIUserAbortError && controller.signal.aborted) throw new Cloudflare.APIConnectionTimeoutError();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  /** In-process: the SDK's timeout is the deadline (see `inProcess`); a body already in memory cannot stall. */
  async function attemptInProcess(
    send: (options: RequestOptions) => PromiseLike<Response>,
    sentBody: ((response: Response) => unknown) | undefined,
  ): Promise<UpstreamAnswer> {
    const response = await send({ maxRetries: 0 });
    let body = response.ok ? sentBody?.(response) : undefined;
    if (body === undefined) {
      try {
        body = await response.json();
      } catch {
        throw notJson(response);
      }
    }
    return answerOf(response, body);
  }

  function retryWait(e: unknown): number | undefined {
    if (e instanceof Cloudflare.APIConnectionTimeoutError) return undefined; // another full wait helps no one
    if (e instanceof Cloudflare.APIConnectionError) return retryDelayMs;
    if (!(e instanceof Cloudflare.APIError) || typeof e.status !== 'number') return undefined;
    if (e.status === 429) {
      const after = Number(e.headers?.get('retry-after'));
      return Number.isFinite(after) && after * 1000 <= MAX_RETRY_AFTER_MS ? Math.max(after * 1000, retryDelayMs) : undefined;
    }
    return e.status === 408 || e.status >= 500 ? retryDelayMs : undefined;
  }

  async function read(send: (options: RequestOptions) => PromiseLike<Response>, raw = false): Promise<UpstreamAnswer> {
    try {
      return await attempt(send, raw);
    } catch (e) {
      const wait = retryWait(e);
      if (wait === undefined) throw e;
      await sleep(wait);
      return attempt(send, raw);
    }
  }

  const write = attempt;
  const ai = client.aiGateway;
  const gateway = (id: string) => ({ account_id, gateway_id: id });
  const gateways = page(gatewaySchema);
  const dataset = one(datasetSchema);
  const datasets = page(datasetSchema);
  const evaluation = one(evaluationSchema);
  const evaluations = page(evaluationSchema);

  return {
    mode: o.mode,
    accountId: o.accountId,
    redact: (s) => (o.apiToken ? s.split(o.apiToken).join('[redacted]') : s),
    gateways: {
      list: async (q) => gateways(await read((opt) => ai.list({ account_id, ...q }, opt).asResponse())),
    },
    datasets: {
      list: async (gw, q) => datasets(await read((opt) => ai.datasets.list(gw, { account_id, ...q }, opt).asResponse())),
      get: async (gw, id) => dataset(await read((opt) => ai.datasets.get(id, gateway(gw), opt).asResponse())),
      create: async (gw, body) => dataset(await write((opt) => ai.datasets.create(gw, { account_id, ...body }, opt).asResponse())),
      update: async (gw, id, body) => dataset(await write((opt) => ai.datasets.update(id, { ...gateway(gw), ...body }, opt).asResponse())),
      delete: async (gw, id) => dataset(await write((opt) => ai.datasets.delete(id, gateway(gw), opt).asResponse())),
    },
    evaluations: {
      list: async (gw, q) => evaluations(await read((opt) => ai.evaluations.list(gw, { account_id, ...q }, opt).asResponse())),
      get: async (gw, id) => evaluation(await read((opt) => ai.evaluations.get(id, gateway(gw), opt).asResponse())),
      create: async (gw, body) => evaluation(await write((opt) => ai.evaluations.create(gw, { account_id, ...body }, opt).asResponse())),
      delete: async (gw, id) => evaluation(await write((opt) => ai.evaluations.delete(id, gateway(gw), opt).asResponse())),
    },
    evaluationTypes: {
      list: async (q) => page(evaluationTypeSchema)(await read((opt) => ai.evaluationTypes.list({ account_id, ...q }, opt).asResponse())),
    },
    // The SDK has no method for the local extension, so it goes through the SDK's generic POST, with the
    // path's ids encoded here.
    analysis: {
      logs: (gw, body) =>
        read((opt) =>
          client
            .post(`/accounts/${encodeURIComponent(account_id)}/ai-gateway/gateways/${encodeURIComponent(gw)}/x-local/logs-analysis`, { ...opt, body })
            .asResponse(),
        ),
    },
    logs: {
      list: async (gw, q) => {
        const { filters, ...rest } = q;
        // The whole query is given as a request option (it replaces the SDK's), so `filters` is one JSON
        // string that the query encoder leaves whole: `filters=%5B%7B%22key%22...%5D`.
        const query = { ...rest, ...(filters && filters.length ? { filters: JSON.stringify(filters) } : {}) };
        return page(logSchema, logResultInfoSchema)(await read((opt) => ai.logs.list(gw, { account_id }, { ...opt, query }).asResponse()));
      },
      get: async (gw, id) => one(logDetailSchema)(await read((opt) => ai.logs.get(id, gateway(gw), opt).asResponse())),
      edit: async (gw, id, patch) => patchResult(await write((opt) => ai.logs.edit(id, { ...gateway(gw), ...patch }, opt).asResponse())),
      request: async (gw, id) => text(await read((opt) => ai.logs.request(id, gateway(gw), opt).asResponse(), true)),
      response: async (gw, id) => text(await read((opt) => ai.logs.response(id, gateway(gw), opt).asResponse(), true)),
    },
  };
}


/** Adapts an in-process `fetch(Request)` (the local gateway's app) to the `fetch(url, init)` the SDK calls. */
export function inProcessFetch(handler: (req: Request) => Promise<Response>): Fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    // The handler never looks at the signal, so honour it here: without this a slow local gateway would
    // hold a request past the upstream timeout, where a network fetch would have been aborted.
    const signal = init?.signal ?? request.signal;
    const aborted = () => new DOMException('This operation was aborted', 'AbortError');
    if (signal?.aborted) return Promise.reject(aborted());
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(aborted());
      signal?.addEventListener('abort', onAbort, { once: true });
      handler(request)
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', onAbort));
    });
  };
}

/** The base URL the SDK uses for the in-process local gateway; never resolved, the fetch handles it. */
export const LOCAL_GATEWAY_BASE_URL = 'http://local-gateway.invalid/client/v4';
