import { createApp, type AppOptions } from '../app.ts';
import { createUpstream, type UpstreamOptions } from '../upstream.ts';
import { ACCOUNT } from './fake-upstream.ts';

export const TEST_TOKEN = 'test-token-0123456789abcdefghij';

/** The app in Cloudflare mode against `baseURL`, with quick retries and a short timeout for tests. */
export function cloudflareApp(baseURL: string, o: Partial<UpstreamOptions> = {}, app: Partial<AppOptions> = {}) {
  const upstream = createUpstream({
    mode: 'cloudflare',
    accountId: ACCOUNT,
    apiToken: TEST_TOKEN,
    baseURL,
    timeoutMs: 3_000,
    retryDelayMs: 1,
    ...o,
  });
  return createApp({ upstream, log: () => {}, ...app });
}

/** Headers of a same-origin browser mutation as `app.request()` sees it (host `localhost`). */
export const sameOrigin = { origin: 'http://localhost', 'content-type': 'application/json' };

export const json = (body: unknown, method = 'POST') => ({ method, headers: sameOrigin, body: JSON.stringify(body) });
