import { datasetInputSchema, type DatasetInput } from '../shared/datasets.ts';
import type { EvaluationJobs } from './evaluator.ts';
import { EVALUATION_TYPES } from './evaluator.ts';
import { ulid } from './ids.ts';
import { seedLogBodies } from './seed-bodies.ts';
import type { Store } from './store.ts';
import type { EvaluationDataset } from './store/evaluations.ts';
import type { StoredLog } from './store/log-rows.ts';

/** A small, fast, deterministic PRNG (mulberry32): the same seed gives the same logs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface ModelProfile {
  provider: string;
  model: string;
  weight: number;
  /** USD per token, from the providers' public price lists. */
  priceIn: number;
  priceOut: number;
  /** Time to first token and per output token, ms. */
  baseMs: number;
  perTokenMs: number;
  path: string;
  /** Share of logs for which the gateway has no price (Workers AI's neurons are not always priced). */
  noCostShare: number;
  /** Share of 👍 among rated logs: models differ, so evaluations have something to compare. */
  thumbsUpShare: number;
}

const M = 1e-6;
export const MODELS: readonly ModelProfile[] = [
  { provider: 'openai', model: 'gpt-4o', weight: 16, priceIn: 2.5 * M, priceOut: 10 * M, baseMs: 420, perTokenMs: 11, path: 'v1/chat/completions', noCostShare: 0, thumbsUpShare: 0.82 },
  { provider: 'openai', model: 'gpt-4o-mini', weight: 20, priceIn: 0.15 * M, priceOut: 0.6 * M, baseMs: 300, perTokenMs: 7, path: 'v1/chat/completions', noCostShare: 0, thumbsUpShare: 0.7 },
  { provider: 'openai', model: 'o3-mini', weight: 6, priceIn: 1.1 * M, priceOut: 4.4 * M, baseMs: 1500, perTokenMs: 9, path: 'v1/chat/completions', noCostShare: 0, thumbsUpShare: 0.8 },
  { provider: 'anthropic', model: 'claude-sonnet-4-20250514', weight: 12, priceIn: 3 * M, priceOut: 15 * M, baseMs: 650, perTokenMs: 14, path: 'v1/messages', noCostShare: 0, thumbsUpShare: 0.86 },
  { provider: 'anthropic', model: 'claude-3-5-haiku-20241022', weight: 8, priceIn: 0.8 * M, priceOut: 4 * M, baseMs: 380, perTokenMs: 8, path: 'v1/messages', noCostShare: 0, thumbsUpShare: 0.72 },
  { provider: 'workers-ai', model: '@cf/meta/llama-3.1-8b-instruct', weight: 14, priceIn: 0.282 * M, priceOut: 0.827 * M, baseMs: 180, perTokenMs: 9, path: 'v1/chat/completions', noCostShare: 0.35, thumbsUpShare: 0.6 },
  { provider: 'google-ai-studio', model: 'gemini-2.0-flash', weight: 10, priceIn: 0.1 * M, priceOut: 0.4 * M, baseMs: 350, perTokenMs: 5, path: 'v1beta/models/gemini-2.0-flash:generateContent', noCostShare: 0, thumbsUpShare: 0.74 },
  { provider: 'groq', model: 'llama-3.3-70b-versatile', weight: 8, priceIn: 0.59 * M, priceOut: 0.79 * M, baseMs: 120, perTokenMs: 2, path: 'openai/v1/chat/completions', noCostShare: 0, thumbsUpShare: 0.68 },
  { provider: 'mistral', model: 'mistral-large-latest', weight: 4, priceIn: 2 * M, priceOut: 6 * M, baseMs: 500, perTokenMs: 12, path: 'v1/chat/completions', noCostShare: 0, thumbsUpShare: 0.75 },
  { provider: 'mistral', model: 'mistral-small-latest', weight: 2, priceIn: 0.2 * M, priceOut: 0.6 * M, baseMs: 260, perTokenMs: 6, path: 'v1/chat/completions', noCostShare: 0, thumbsUpShare: 0.66 },
];
const TOTAL_WEIGHT = MODELS.reduce((s, m) => s + m.weight, 0);

const ERROR_CODES = [429, 429, 500, 502, 400, 401, 408];
const USERS = ['u-1042', 'u-2231', 'u-3307', 'u-4410', 'u-5128'];

/**
 * `count` logs of one gateway, spread evenly (with jitter) over [endMs − days, endMs] in time order, so
 * ids (time-prefixed) and rowids grow together. About 4 % errors, 10 % cache hits (zero cost, fast),
 * Workers AI sometimes without a cost, 8 % rated.
 */
export function* generateLogs(gatewayId: string, count: number, options: { endMs: number; days?: number; seed: number }): Generator<StoredLog> {
  const rand = prng(options.seed);
  const random32 = () => (rand() * 32) | 0;
  const span = (options.days ?? 30) * 86_400_000;
  const start = options.endMs - span;
  for (let i = 0; i < count; i++) {
    const createdAt = Math.floor(start + ((i + rand()) / count) * span);
    let pick = rand() * TOTAL_WEIGHT;
    let profile = MODELS[0]!;
    for (const m of MODELS) {
      pick -= m.weight;
      if (pick < 0) {
        profile = m;
        break;
      }
    }
    const streaming = rand() < 0.35;
    const failed = rand() < 0.04;
    const cached = !failed && rand() < 0.1;
    // Prompt sizes are long-tailed: most short, some with a large context.
    const tokensIn = Math.round(40 + Math.pow(rand(), 3) * 6000 + rand() * 200);
    const tokensOut = Math.round(10 + Math.pow(rand(), 2) * 1200);
    let cost: number | null = tokensIn * profile.priceIn + tokensOut * profile.priceOut;
    let duration = Math.round(profile.baseMs * (0.6 + rand() * 0.8) + tokensOut * profile.perTokenMs * (0.7 + rand() * 0.6));
    if (cached) {
      cost = 0;
      duration = Math.round(4 + rand() * 40);
    }
    if (failed) {
      cost = null;
      duration = Math.round(30 + rand() * 900);
    } else if (!cached && rand() < profile.noCostShare) cost = null;
    const rated = !failed && rand() < 0.08;
    const feedback: -1 | 0 | 1 = rated ? (rand() < profile.thumbsUpShare ? 1 : -1) : 0;
    const withMetadata = rand() < 0.2;
    yield {
      id: ulid(createdAt, random32),
      gateway_id: gatewayId,
      created_at: createdAt,
      provider: profile.provider,
      model: profile.model,
      model_type: 'chat',
      path: profile.path,
      duration,
      success: failed ? 0 : 1,
      cached: cached ? 1 : 0,
      tokens_in: failed ? null : tokensIn,
      tokens_out: failed ? null : tokensOut,
      cost,
      request_content_type: rand() < 0.015 ? 'multipart/form-data' : 'application/json',
      response_content_type: failed ? (rand() < 0.5 ? 'text/plain' : 'application/json') : streaming ? 'text/event-stream' : 'application/json',
      request_type: streaming ? 'stream' : 'sync',
      status_code: failed ? ERROR_CODES[(rand() * ERROR_CODES.length) | 0]! : 200,
      metadata: withMetadata ? JSON.stringify({ user: USERS[(rand() * USERS.length) | 0], team: rand() < 0.5 ? 'search' : 'support' }) : null,
      feedback,
      score: null,
    };
  }
}

export const SEED_GATEWAYS = ['default', 'production', 'staging-eu'] as const;
/** Most logs go to the first gateway, which the console opens first. */
const SHARES = [0.7, 0.2, 0.1];

const SEED_DATASETS: readonly DatasetInput[] = [
  { name: 'GPT-4o successes', enable: true, filters: [{ key: 'model', operator: 'eq', value: ['gpt-4o'] }, { key: 'success', operator: 'eq', value: [true] }] },
  { name: 'Anthropic models', enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['anthropic'] }] },
  { name: 'Llama (any host)', enable: true, filters: [{ key: 'model', operator: 'contains', value: ['llama'] }] },
  { name: 'Expensive requests', enable: false, filters: [{ key: 'cost', operator: 'gt', value: [0.01] }] },
  { name: 'Rated logs', enable: true, filters: [{ key: 'feedback', operator: 'eq', value: [1, -1] }] },
];

/** Splits `total` across the seed gateways by SHARES; the remainder goes to the first one. */
export function splitLogs(total: number): number[] {
  const counts = SHARES.map((s) => Math.floor(total * s));
  counts[0]! += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/** Appends `count` generated logs to a gateway (CLI `seed`); the PRNG seed depends on what is there. */
export function appendSeedLogs(store: Store, gatewayId: string, count: number, endMs = Date.now()): number {
  const seed = hashSeed(`${gatewayId}:${store.logs.count(gatewayId)}:${endMs}`);
  return store.logs.insert(generateLogs(gatewayId, count, { endMs, seed }));
}

/**
 * First-start seed: three gateways with their own logs (one transaction, indexes built once after the
 * bulk load), the evaluators, a few datasets each, and one evaluation each computed by the real job.
 * `afterLogs` runs between the logs and the evaluation, so the caller can build its projection.
 */
export function seedStore(store: Store, totalLogs: number, jobs: EvaluationJobs, afterLogs: () => void): void {
  const endMs = Date.now();
  store.evaluationTypes.upsert(EVALUATION_TYPES);
  const counts = splitLogs(totalLogs);
  SEED_GATEWAYS.forEach((id) => store.gateways.create(id));
  store.logs.insert(
    (function* () {
      for (const [i, id] of SEED_GATEWAYS.entries()) yield* generateLogs(id, counts[i]!, { endMs, seed: hashSeed(id) });
    })(),
    { dropIndexes: true },
  );
  for (const id of SEED_GATEWAYS) seedLogBodies(store, id);
  afterLogs();
  for (const gatewayId of SEED_GATEWAYS) {
    const datasets = SEED_DATASETS.map((input) => store.datasets.create(gatewayId, datasetInputSchema.parse(input)));
    const picked = [datasets[0]!, datasets[1]!];
    const snapshot: EvaluationDataset[] = picked.map((d) => ({ ...d, account_id: store.meta.get('account_id')!, account_tag: store.meta.get('account_id')! }));
    const evaluation = store.evaluations.create(gatewayId, 'GPT-4o vs Anthropic', snapshot, EVALUATION_TYPES.map((t) => t.id));
    jobs.run(evaluation.id);
  }
}
