// Cloudflare-mode analysis against a Prism mock of the official spec (ORACLE_BASE_URL, set by the oracle
// script): the estimate's upstream requests are the spec's reads, within the call budget.
import { describe, expect, it } from 'vitest';
import { ESTIMATE_CALL_BUDGET } from '../analysis/estimate.ts';
import { createApp } from '../app.ts';
import { ORACLE, upstreamAgainstOracle } from './oracle-upstream.ts';


interface Seen {
  method: string;
  path: string;
  status: number;
  violations: { location: string[]; message: string }[];
}

describe.runIf(ORACLE)('the analysis estimate against the spec (Prism mock)', () => {
  it('sends only spec reads (the filters parameter aside), within the call budget', async () => {
    const seen: Seen[] = [];
    const upstream = upstreamAgainstOracle((url, method, res) => {
      const header = res.headers.get('sl-violations');
      seen.push({ method, path: url.pathname, status: res.status, violations: header ? JSON.parse(header) : [] });
    });
    const app = createApp({ upstream, log: () => {} });
    const res = await app.request('/api/gateways/gw-1/evaluations/ev1/analysis?exclude_cached_failed=true');
    await res.text();
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.length).toBeLessThanOrEqual(ESTIMATE_CALL_BUDGET);
    for (const s of seen) {
      expect(s.method).toBe('GET');
      expect(s.path).toMatch(/^\/accounts\/[0-9a-f]{32}\/ai-gateway\/gateways\/gw-1\/(evaluations\/ev1|logs)$/);
      // Cloudflare takes `filters` as one JSON array (the SDK's form encoding is silently ignored); the spec
      // describes the form encoding, so Prism flags that parameter and nothing else.
      for (const v of s.violations) expect(v.location.slice(0, 3), v.message).toEqual(['request', 'query', 'filters']);
    }
    const evaluationRead = seen.find((s) => s.path.endsWith('/evaluations/ev1'))!;
    expect(evaluationRead.violations).toEqual([]);
    expect(evaluationRead.status).toBe(200);
    // Prism refuses the JSON filters with a 400: the analysis stops there and says so, as an upstream error.
    expect(res.status).toBe(400);
  });
});
