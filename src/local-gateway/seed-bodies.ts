import { hash } from 'node:crypto';
import type { Store } from './store.ts';
import type { StoredLog } from './store/log-rows.ts';

/** Short, realistic exchanges: what users ask a support and search assistant, and what it answers. */
const EXCHANGES: readonly { prompt: string; answer: string }[] = [
  { prompt: 'How do I reset my password if I no longer have access to my email?', answer: 'Open Settings → Security and choose "Recover account". We will verify your identity with your phone number, then let you set a new email and password.' },
  { prompt: 'Summarise this ticket in one sentence: customer charged twice for the March invoice, wants a refund of the duplicate.', answer: 'The customer was billed twice for March and asks for the duplicate charge to be refunded.' },
  { prompt: 'Translate to German: "Your order has shipped and will arrive within three business days."', answer: 'Ihre Bestellung wurde versandt und trifft innerhalb von drei Werktagen ein.' },
  { prompt: 'Which plan includes SSO and audit logs?', answer: 'SSO and audit logs are part of the Business plan and above. The Team plan includes SSO only as an add-on.' },
  { prompt: 'Write a SQL query that counts orders per customer for 2025, highest first.', answer: "SELECT customer_id, count(*) AS orders\nFROM orders\nWHERE created_at >= '2025-01-01' AND created_at < '2026-01-01'\nGROUP BY customer_id\nORDER BY orders DESC;" },
  { prompt: 'Is the API rate limit per key or per account?', answer: 'Per account: all keys of an account share 1,200 requests per five minutes.' },
  { prompt: 'Classify the sentiment of: "The app keeps logging me out, this is the third time today."', answer: 'negative' },
  { prompt: 'Give me three subject lines for a product update email about faster search.', answer: '1. Search just got twice as fast\n2. Find anything in a blink\n3. Faster search is live in your workspace' },
];

const SYSTEM = 'You are a concise support assistant for a SaaS product. Answer in plain language.';

/** What a provider answers on an error status, in its own shape. */
function errorBody(provider: string, status: number): string {
  const message =
    status === 429 ? 'Rate limit reached for requests. Please try again in 20s.'
    : status === 401 ? 'Incorrect API key provided.'
    : status === 400 ? "Invalid request: 'messages' must contain at least one message."
    : status === 408 ? 'Request timed out.'
    : status === 502 ? 'Bad gateway: the upstream provider did not answer.'
    : 'The server had an error while processing your request.';
  if (provider === 'anthropic') return JSON.stringify({ type: 'error', error: { type: status === 429 ? 'rate_limit_error' : 'api_error', message } });
  return JSON.stringify({ error: { message, type: status === 429 ? 'requests' : 'server_error', code: status } });
}

/** A request and response body in the shape of the log's provider API (chat completions, messages, Gemini). */
export function seedBodies(log: Pick<StoredLog, 'id' | 'provider' | 'model' | 'success' | 'status_code' | 'tokens_out' | 'request_type'>): { request: string; response: string } {
  // Picked by the id, so a log shows the same exchange on every start.
  const digest = hash('sha1', log.id, 'buffer');
  const exchange = EXCHANGES[digest[0]! % EXCHANGES.length]!;
  const stream = log.request_type === 'stream';
  const maxTokens = 256 + (digest[1]! % 4) * 256;
  let request: object;
  if (log.provider === 'anthropic') {
    request = { model: log.model, max_tokens: maxTokens, system: SYSTEM, messages: [{ role: 'user', content: exchange.prompt }], ...(stream ? { stream } : {}) };
  } else if (log.provider === 'google-ai-studio') {
    request = { systemInstruction: { parts: [{ text: SYSTEM }] }, contents: [{ role: 'user', parts: [{ text: exchange.prompt }] }], generationConfig: { maxOutputTokens: maxTokens } };
  } else {
    request = { model: log.model, messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: exchange.prompt }], max_tokens: maxTokens, ...(stream ? { stream } : {}) };
  }
  if (!log.success) return { request: JSON.stringify(request), response: errorBody(log.provider, log.status_code ?? 500) };
  let response: object;
  if (log.provider === 'anthropic') {
    response = { type: 'message', role: 'assistant', model: log.model, content: [{ type: 'text', text: exchange.answer }], stop_reason: 'end_turn', usage: { output_tokens: log.tokens_out } };
  } else if (log.provider === 'google-ai-studio') {
    response = { candidates: [{ content: { role: 'model', parts: [{ text: exchange.answer }] }, finishReason: 'STOP' }], usageMetadata: { candidatesTokenCount: log.tokens_out } };
  } else {
    response = { object: 'chat.completion', model: log.model, choices: [{ index: 0, message: { role: 'assistant', content: exchange.answer }, finish_reason: 'stop' }], usage: { completion_tokens: log.tokens_out } };
  }
  return { request: JSON.stringify(request), response: JSON.stringify(response) };
}

/** How many of each seeded gateway's newest logs keep sample bodies (the ones the console shows first). */
export const SEED_BODY_LOGS = 500;

/** Gives the newest logs of a gateway sample bodies; inside the caller's transaction. */
export function seedLogBodies(store: Store, gatewayId: string, limit = SEED_BODY_LOGS): void {
  const rows = store.db
    .prepare('SELECT id, provider, model, success, status_code, tokens_out, request_type FROM logs WHERE gateway_id = ? ORDER BY created_at DESC LIMIT ?')
    .all(gatewayId, limit) as Parameters<typeof seedBodies>[0][];
  for (const row of rows) {
    const { request, response } = seedBodies(row);
    store.logBodies.set(row.id, request, response);
  }
}
