// The upstream of Cloudflare mode pointed at the Prism mock of the official spec (ORACLE_BASE_URL, set by the
// oracle script), handing each answer to `record` as the SDK received it.
import { createUpstream, type Upstream } from '../upstream.ts';

export const ORACLE = process.env.ORACLE_BASE_URL;
export const ORACLE_ACCOUNT = '0d37909e38d3e99c29fa2cd343ac421a';

export function upstreamAgainstOracle(record: (url: URL, method: string, res: Response) => void): Upstream {
  return createUpstream({
    mode: 'cloudflare',
    accountId: ORACLE_ACCOUNT,
    apiToken: 'conformance-token-0123456789',
    baseURL: ORACLE,
    timeoutMs: 10_000,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      record(new URL(String(input instanceof Request ? input.url : input)), init?.method ?? 'GET', res);
      return res;
    },
  });
}
