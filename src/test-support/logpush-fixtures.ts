import { constants, createCipheriv, generateKeyPairSync, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Logpush `ai_gateway_events` lines as Cloudflare documents them, for tests and the benchmark: a fresh
 * RSA key pair (what the user uploads to their gateway) and fields encrypted with its public key.
 */
export function rsaKeyPair(modulusLength = 2048): { publicKey: KeyObject; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  return { publicKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** `{type, key, iv, data}`: a fresh AES-256 key wrapped by RSA-OAEP SHA-256; data = AES-GCM ciphertext + tag. */
export function encryptField(plaintext: string, publicKey: KeyObject) {
  const aesKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const key = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, aesKey);
  return { type: 'encrypted', key: key.toString('base64'), iv: iv.toString('base64'), data: data.toString('base64') };
}

/** One plain event (no encrypted field); `i` varies time, model, status and metrics. */
export function logpushEvent(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const models = [
    ['openai', 'gpt-4o-mini'],
    ['anthropic', 'anthropic/claude-sonnet-4-20250514'],
    ['workers-ai', '@cf/meta/llama-3.1-8b-instruct'],
  ] as const;
  const [provider, model] = models[i % models.length]!;
  return {
    Timestamp: 1_764_000_000_000_000_000 + i * 1_000_000_000,
    Gateway: 'logpush-gw',
    Provider: provider,
    Model: model,
    RequestedModel: model,
    StatusCode: i % 10 === 7 ? 429 : 200,
    Cached: i % 10 === 3,
    RateLimited: i % 10 === 7,
    Metrics: i % 4 === 0 ? { cost: 0.0001 * (i % 50), durationMs: 200 + (i % 900) } : { cost: 0.0002, durationMs: 300, tokensIn: 40 + (i % 300), tokensOut: 5 + (i % 120) },
    Endpoint: provider === 'anthropic' ? 'v1/messages' : 'v1/chat/completions',
    RoutingDecisionID: '',
    RoutingReason: '',
    ...overrides,
  };
}
