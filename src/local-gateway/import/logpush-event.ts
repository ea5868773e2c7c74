import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { isIsoDateTime } from '../../shared/filters.ts';
import { gatewayIdSchema } from '../../shared/gateways.ts';
import { MAX_LOG_COUNT, type StoredLog } from '../store/log-rows.ts';
import { count, text } from './cloudflare-log.ts';
import { decryptField, isEncrypted } from './decrypt.ts';

/**
 * A Logpush time: seconds, milliseconds, microseconds or nanoseconds since 1970 (number or digits; the
 * unit is told by magnitude, which is unambiguous for any date from 1973 to 5138), or an RFC 3339 text.
 * Answers milliseconds, or undefined when it is none of these.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return parseTimestamp(Number(value));
    return isIsoDateTime(value) ? Date.parse(value) : undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  if (value < 1e11) return Math.floor(value * 1000);
  if (value < 1e14) return Math.floor(value);
  if (value < 1e17) return Math.floor(value / 1e3);
  return Math.floor(value / 1e6);
}

const TIMESTAMP_MESSAGE = 'must be a time since 1970 in s, ms, µs or ns, or an RFC 3339 date-time';
const flag = z.boolean({ message: 'must be true or false' });
const number = z.number({ message: 'must be a number' });

/** The first of `names` that `metrics` has: Metrics' token field names differ between sources. */
function pick(metrics: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (metrics[name] !== undefined && metrics[name] !== null) return metrics[name];
  return undefined;
}

const METRIC_NAMES = {
  cost: ['cost', 'Cost'],
  duration: ['durationMs', 'duration_ms', 'duration', 'DurationMs', 'latencyMs'],
  tokensIn: ['tokensIn', 'tokens_in', 'inputTokens', 'input_tokens', 'promptTokens', 'prompt_tokens', 'TokensIn'],
  tokensOut: ['tokensOut', 'tokens_out', 'outputTokens', 'output_tokens', 'completionTokens', 'completion_tokens', 'TokensOut'],
} as const;

/** Metrics read under one name per value (errors then name that one: `Metrics.tokensIn must be …`). */
const metricsSchema = z.preprocess(
  (m) => {
    if (typeof m === 'string') {
      // A source that serialised Metrics as JSON text is read the same way.
      try {
        m = JSON.parse(m) as unknown;
      } catch {
        return m;
      }
    }
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return m;
    const r = m as Record<string, unknown>;
    return { cost: pick(r, METRIC_NAMES.cost), duration: pick(r, METRIC_NAMES.duration), tokensIn: pick(r, METRIC_NAMES.tokensIn), tokensOut: pick(r, METRIC_NAMES.tokensOut) };
  },
  z.object(
    {
      cost: number.min(0, 'must not be negative').optional(),
      // Durations may come with a fraction of a millisecond; the store keeps whole ones.
      duration: number.min(0, 'must not be negative').transform(Math.round).pipe(count).optional(),
      tokensIn: count.optional(),
      tokensOut: count.optional(),
    },
    { message: 'must be an object' },
  ),
);

/** Bounds of an event's fields, read by the schema and by the quick reading alike. */
const NAME_MAX = 200;
const LONG_TEXT_MAX = 2000;
const STATUS_MIN = 100;
const STATUS_MAX = 599;

/** One `ai_gateway_events` line, as documented, read tolerantly; unknown fields are ignored. */
export const logpushEventSchema = z.object({
  Timestamp: z.unknown().transform((value, ctx) => {
    const ms = parseTimestamp(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: TIMESTAMP_MESSAGE });
      return z.NEVER;
    }
    return ms;
  }),
  Gateway: gatewayIdSchema.optional(),
  Provider: text(NAME_MAX).optional(),
  Model: text(NAME_MAX).optional(),
  RequestedModel: text(NAME_MAX).optional(),
  StatusCode: number.int('must be a whole number').min(STATUS_MIN, 'must be an HTTP status').max(STATUS_MAX, 'must be an HTTP status').optional(),
  Cached: flag.optional(),
  RateLimited: flag.optional(),
  Metrics: metricsSchema.optional(),
  Endpoint: text(LONG_TEXT_MAX).optional(),
  RoutingDecisionID: text(NAME_MAX).optional(),
  RoutingReason: text(LONG_TEXT_MAX).optional(),
  // Encrypted or plain; opened (or kept out) by logpushEventToStored.
  Metadata: z.unknown().optional(),
  RequestBody: z.unknown().optional(),
  ResponseBody: z.unknown().optional(),
});

export type LogpushEvent = z.infer<typeof logpushEventSchema>;

/** Gateway names already checked by gatewayIdSchema: a file names the same few on every line. */
const checkedGateways = new Set<string>();

const isText = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const isCount = (v: number): boolean => Number.isSafeInteger(v) && v >= 0 && v <= MAX_LOG_COUNT;
const isOptionalNumber = (v: unknown): v is number | undefined => v === undefined || (typeof v === 'number' && Number.isFinite(v));

/** Metrics as metricsSchema reads an object of numbers; null when it needs the schema (a text, a bad value). */
function quickMetrics(m: unknown): LogpushEvent['Metrics'] | null {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return null;
  const r = m as Record<string, unknown>;
  const cost = pick(r, METRIC_NAMES.cost);
  const duration = pick(r, METRIC_NAMES.duration);
  const tokensIn = pick(r, METRIC_NAMES.tokensIn);
  const tokensOut = pick(r, METRIC_NAMES.tokensOut);
  if (!isOptionalNumber(cost) || !isOptionalNumber(duration) || !isOptionalNumber(tokensIn) || !isOptionalNumber(tokensOut)) return null;
  if (cost !== undefined && cost < 0) return null;
  const rounded = duration === undefined ? undefined : Math.round(duration);
  if (duration !== undefined && (duration < 0 || !isCount(rounded!))) return null;
  if ((tokensIn !== undefined && !isCount(tokensIn)) || (tokensOut !== undefined && !isCount(tokensOut))) return null;
  const out: NonNullable<LogpushEvent['Metrics']> = {};
  if (cost !== undefined) out.cost = cost;
  if (rounded !== undefined) out.duration = rounded;
  if (tokensIn !== undefined) out.tokensIn = tokensIn;
  if (tokensOut !== undefined) out.tokensOut = tokensOut;
  return out;
}

/**
 * The same reading as logpushEventSchema for the events real files hold (every field absent or of its
 * plain type and within its bounds), without zod's per-field cost: an import reads a million of them.
 * Answers null for anything else, and the caller then runs the schema, which accepts the rest it
 * tolerates and names the field of a bad value; so this never decides alone that a line is bad.
 */
export function quickLogpushEvent(raw: Record<string, unknown>): LogpushEvent | null {
  const Timestamp = typeof raw.Timestamp === 'number' ? parseTimestamp(raw.Timestamp) : undefined;
  if (Timestamp === undefined) return null;
  const { Gateway, Provider, Model, RequestedModel, StatusCode, Cached, RateLimited, Endpoint, RoutingDecisionID, RoutingReason } = raw;
  if (Gateway !== undefined && !(typeof Gateway === 'string' && checkedGateways.has(Gateway))) {
    if (!gatewayIdSchema.safeParse(Gateway).success) return null;
    checkedGateways.add(Gateway as string);
  }
  if (Provider !== undefined && !isText(Provider, NAME_MAX)) return null;
  if (Model !== undefined && !isText(Model, NAME_MAX)) return null;
  if (RequestedModel !== undefined && !isText(RequestedModel, NAME_MAX)) return null;
  if (StatusCode !== undefined && !(typeof StatusCode === 'number' && Number.isSafeInteger(StatusCode) && StatusCode >= STATUS_MIN && StatusCode <= STATUS_MAX)) return null;
  if (Cached !== undefined && typeof Cached !== 'boolean') return null;
  if (RateLimited !== undefined && typeof RateLimited !== 'boolean') return null;
  if (Endpoint !== undefined && !isText(Endpoint, LONG_TEXT_MAX)) return null;
  if (RoutingDecisionID !== undefined && !isText(RoutingDecisionID, NAME_MAX)) return null;
  if (RoutingReason !== undefined && !isText(RoutingReason, LONG_TEXT_MAX)) return null;
  const Metrics = raw.Metrics === undefined ? undefined : quickMetrics(raw.Metrics);
  if (Metrics === null) return null;
  // Built as the schema builds its output: only the fields present.
  const event: LogpushEvent = { Timestamp };
  if (Gateway !== undefined) event.Gateway = Gateway as string;
  if (Provider !== undefined) event.Provider = Provider as string;
  if (Model !== undefined) event.Model = Model as string;
  if (RequestedModel !== undefined) event.RequestedModel = RequestedModel as string;
  if (StatusCode !== undefined) event.StatusCode = StatusCode as number;
  if (Cached !== undefined) event.Cached = Cached as boolean;
  if (RateLimited !== undefined) event.RateLimited = RateLimited as boolean;
  if (Metrics !== undefined) event.Metrics = Metrics;
  if (Endpoint !== undefined) event.Endpoint = Endpoint as string;
  if (RoutingDecisionID !== undefined) event.RoutingDecisionID = RoutingDecisionID as string;
  if (RoutingReason !== undefined) event.RoutingReason = RoutingReason as string;
  if (raw.Metadata !== undefined) event.Metadata = raw.Metadata;
  if (raw.RequestBody !== undefined) event.RequestBody = raw.RequestBody;
  if (raw.ResponseBody !== undefined) event.ResponseBody = raw.ResponseBody;
  return event;
}

/** What a log keeps beside its row: Logpush fields the Logs API has no column for, and decrypted bodies. */
export interface LogExtras {
  requested_model: string | null;
  rate_limited: 0 | 1 | null;
  routing_decision_id: string | null;
  routing_reason: string | null;
  request_body: string | null;
  response_body: string | null;
}

/** A line's problem: where (a field, or none for the whole line) and what. */
export class LineProblem extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** `openai/gpt-4o` and `gpt-4o` are the same model: stored bare, as the Logs API and the seed name them. */
export function splitModel(provider: string | undefined, model: string): { provider: string | undefined; model: string } {
  if (provider && model.startsWith(`${provider}/`)) return { provider, model: model.slice(provider.length + 1) };
  const slash = model.indexOf('/');
  // `@cf/meta/…` (Workers AI) is a bare name with slashes, not a provider prefix.
  if (!provider && slash > 0 && !model.startsWith('@')) return { provider: model.slice(0, slash), model: model.slice(slash + 1) };
  return { provider, model };
}

export interface DecryptOutcome {
  /** Encrypted fields left out because no private key was given. */
  keptOut: number;
}

/** Takes an encrypted or plain field's text; undefined when absent or kept out. */
function openField(name: string, value: unknown, privateKey: KeyObject | undefined, outcome: DecryptOutcome): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isEncrypted(value)) {
    if (!privateKey) {
      outcome.keptOut++;
      return undefined;
    }
    try {
      return decryptField(value, privateKey);
    } catch {
      throw new LineProblem(name, 'cannot be decrypted with the given private key (another key, or altered data)');
    }
  }
  if (typeof value === 'object' && (value as { type?: unknown }).type === 'encrypted') {
    throw new LineProblem(name, 'is marked encrypted but lacks key, iv or data');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Metadata as the log's JSON text of an object of strings, numbers and booleans. */
function metadataText(textValue: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch {
    throw new LineProblem('Metadata', 'must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new LineProblem('Metadata', 'must be a JSON object');
  return JSON.stringify(parsed);
}

/**
 * One event as a stored log and its extras. `success` is a 2xx StatusCode (an event without one counts
 * as a success, as a gateway logs a response it received); Logpush has no feedback, score or content types.
 */
export function logpushEventToStored(
  event: LogpushEvent,
  gatewayId: string,
  id: string,
  privateKey: KeyObject | undefined,
  outcome: DecryptOutcome,
): { log: StoredLog; extras: LogExtras | undefined } {
  const rawModel = event.Model || event.RequestedModel;
  if (!rawModel) throw new LineProblem('Model', 'is missing (and so is RequestedModel)');
  const { provider, model } = splitModel(event.Provider || undefined, rawModel);
  if (!provider) throw new LineProblem('Provider', 'is missing (and Model has no provider/ prefix)');
  const metrics = event.Metrics;
  const metadata = openField('Metadata', event.Metadata, privateKey, outcome);
  const requestBody = openField('RequestBody', event.RequestBody, privateKey, outcome);
  const responseBody = openField('ResponseBody', event.ResponseBody, privateKey, outcome);
  const requestedModel = event.RequestedModel && event.RequestedModel !== rawModel ? event.RequestedModel : null;
  const status = event.StatusCode ?? null;
  const log: StoredLog = {
    id,
    gateway_id: gatewayId,
    created_at: event.Timestamp,
    provider,
    model,
    model_type: null,
    path: event.Endpoint === undefined ? '' : event.Endpoint.charCodeAt(0) === 47 ? event.Endpoint.replace(/^\/+/, '') : event.Endpoint,
    duration: metrics?.duration ?? 0,
    success: status === null || (status >= 200 && status < 300) ? 1 : 0,
    cached: event.Cached ? 1 : 0,
    tokens_in: metrics?.tokensIn ?? null,
    tokens_out: metrics?.tokensOut ?? null,
    cost: metrics?.cost ?? null,
    request_content_type: null,
    response_content_type: null,
    request_type: null,
    status_code: status,
    metadata: metadata === undefined ? null : metadataText(metadata),
    feedback: 0,
    score: null,
  };
  // Most events have none of these: no second row for them.
  const hasExtras = requestedModel !== null || event.RateLimited || event.RoutingDecisionID || event.RoutingReason || requestBody !== undefined || responseBody !== undefined;
  if (!hasExtras) return { log, extras: undefined };
  const extras: LogExtras = {
    requested_model: requestedModel,
    rate_limited: event.RateLimited ? 1 : null,
    routing_decision_id: event.RoutingDecisionID || null,
    routing_reason: event.RoutingReason || null,
    request_body: requestBody ?? null,
    response_body: responseBody ?? null,
  };
  return { log, extras };
}
