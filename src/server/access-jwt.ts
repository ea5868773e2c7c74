import { webcrypto } from 'node:crypto';

/** A JSON Web Key as Cloudflare Access publishes it at `/cdn-cgi/access/certs`. */
export type AccessJwk = webcrypto.JsonWebKey & { kid?: string };

export interface AccessVerifierOptions {
  /** `<team>` of `<team>.cloudflareaccess.com`. */
  teamDomain: string;
  /** The Access application's audience tag. */
  aud: string;
  /** Fetches the team's signing keys; injectable so tests can sign with a local key. */
  fetchKeys?: () => Promise<AccessJwk[]>;
  now?: () => number;
  /** How long fetched keys are trusted before being fetched again (Access rotates them). */
  keysTtlMs?: number;
}

const b64urlBytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));
const b64urlJson = (s: string): unknown => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

const FORCED_REFRESH_MS = 30_000;

export function accessIssuer(teamDomain: string) {
  return `https://${teamDomain}.cloudflareaccess.com`;
}

/**
 * Verifies the `Cf-Access-Jwt-Assertion` JWT that Cloudflare Access adds to requests it let through: RS256
 * signature against the team's published keys, audience, issuer and lifetime. Uses WebCrypto only.
 * Returns whether the token is valid; never throws for a bad token.
 */
export function createAccessVerifier(o: AccessVerifierOptions) {
  const issuer = accessIssuer(o.teamDomain);
  const now = o.now ?? Date.now;
  const ttl = o.keysTtlMs ?? 60 * 60 * 1000;
  const fetchKeys =
    o.fetchKeys ??
    (async () => {
      const res = await fetch(`${issuer}/cdn-cgi/access/certs`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`Access certs answered ${res.status}`);
      const body = (await res.json()) as { keys?: AccessJwk[] };
      return body.keys ?? [];
    });
  let keys: { at: number; byKid: Map<string, webcrypto.CryptoKey> } | undefined;

  async function loadKeys(force: boolean) {
    // A forced refresh (an unknown kid) happens at most every 30 s, so tokens with made-up kids cannot make
    // the server fetch Access's keys on every request.
    const fresh = force ? FORCED_REFRESH_MS : ttl;
    if (keys && now() - keys.at < fresh) return keys.byKid;
    const byKid = new Map<string, webcrypto.CryptoKey>();
    for (const jwk of await fetchKeys()) {
      if (jwk.kty !== 'RSA' || !jwk.kid) continue;
      const key = await webcrypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
      byKid.set(jwk.kid, key);
    }
    keys = { at: now(), byKid };
    return byKid;
  }

  return async function verify(token: string | undefined): Promise<boolean> {
    if (!token || token.length > 16_384) return false;
    const parts = token.split('.');
    if (parts.length !== 3) return false;
    const [h, p, s] = parts as [string, string, string];
    try {
      const header = b64urlJson(h) as { alg?: string; kid?: string };
      const payload = b64urlJson(p) as { aud?: string | string[]; iss?: string; exp?: number; nbf?: number };
      if (header.alg !== 'RS256' || !header.kid) return false;
      let key = (await loadKeys(false)).get(header.kid);
      // An unknown kid may mean Access rotated its keys since we fetched them.
      key ??= (await loadKeys(true)).get(header.kid);
      if (!key) return false;
      const signed = new TextEncoder().encode(`${h}.${p}`);
      if (!(await webcrypto.subtle.verify('RSASSA-PKCS1-v1_5', key, b64urlBytes(s), signed))) return false;
      const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!auds.includes(o.aud)) return false;
      if (payload.iss !== issuer) return false;
      const seconds = now() / 1000;
      if (typeof payload.exp !== 'number' || payload.exp <= seconds) return false;
      if (typeof payload.nbf === 'number' && payload.nbf > seconds + 60) return false;
      return true;
    } catch {
      return false;
    }
  };
}
