import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_FILE_NAME = 'local-gateway-token';

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 40-character token like Cloudflare's API tokens; rejection sampling keeps the alphabet unbiased. */
function newToken(): string {
  let token = '';
  while (token.length < 40) {
    for (const byte of randomBytes(64)) {
      if (byte < 248 && token.length < 40) token += TOKEN_ALPHABET[byte % 62];
    }
  }
  return token;
}

/**
 * Reads the local bearer token, creating it (mode 0600, only the owner may read it) on first start.
 * `wx` makes a concurrent first start fail loudly instead of silently writing two different tokens.
 */
export function loadOrCreateToken(dataDir: string): { token: string; tokenFile: string } {
  const tokenFile = join(dataDir, TOKEN_FILE_NAME);
  if (existsSync(tokenFile)) {
    const token = readFileSync(tokenFile, 'utf8').trim();
    if (token.length >= 20) return { token, tokenFile };
  }
  const token = newToken();
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  return { token, tokenFile };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison; hashing first makes both sides the same length whatever was sent. */
export function tokenMatches(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
