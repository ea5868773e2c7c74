import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD';
const ACCOUNT = '0123456789abcdef0123456789abcdef';

describe('env', () => {
  it('defaults to the local gateway on 127.0.0.1:8787 with ./data', () => {
    const r = loadEnv({});
    expect(r).toEqual({
      ok: true,
      env: expect.objectContaining({ host: '127.0.0.1', port: 8787, dataDir: './data', upstream: { mode: 'local' }, dashboardSecret: undefined, access: undefined }),
    });
  });

  it('Cloudflare mode with token and account (and an optional base URL)', () => {
    const r = loadEnv({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_BASE_URL: 'http://127.0.0.1:4010' });
    expect(r.ok && r.env.upstream).toEqual({ mode: 'cloudflare', apiToken: TOKEN, accountId: ACCOUNT, baseUrl: 'http://127.0.0.1:4010' });
  });

  it('reads numbers, the Access pair and the test-only evaluation delay', () => {
    const r = loadEnv({ PORT: '9000', SEED_LOGS: '500', CF_ACCESS_TEAM_DOMAIN: 'https://myteam.cloudflareaccess.com/', CF_ACCESS_AUD: 'a'.repeat(64), LOCAL_GATEWAY_EVALUATION_DELAY_MS: '10' });
    expect(r.ok && r.env).toMatchObject({ port: 9000, seedLogs: 500, access: { teamDomain: 'myteam', aud: 'a'.repeat(64) }, localGatewayEvaluationDelayMs: 10 });
  });

  it.each([
    [{ CLOUDFLARE_API_TOKEN: TOKEN }, /Set both CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID/],
    [{ CLOUDFLARE_ACCOUNT_ID: ACCOUNT }, /Set both CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID/],
    [{ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: 'my-account' }, /CLOUDFLARE_ACCOUNT_ID must be the 32 hexadecimal characters/],
    [{ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_BASE_URL: 'ftp://x' }, /CLOUDFLARE_BASE_URL must be an http\(s\) URL/],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ DASHBOARD_SECRET: 'short' }, /DASHBOARD_SECRET must be at least 16 characters/],
    [{ CF_ACCESS_TEAM_DOMAIN: 'myteam' }, /Set both CF_ACCESS_TEAM_DOMAIN and CF_ACCESS_AUD/],
    [{ SEED_LOGS: '-1' }, /SEED_LOGS must be a whole number/],
  ])('%o → one clear line', (vars, message) => {
    const r = loadEnv(vars);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/^Configuration error: /);
    expect(r.message).not.toContain('\n');
  });

  it('never echoes a value, so a misplaced token cannot land in a log', () => {
    const r = loadEnv({ CLOUDFLARE_API_TOKEN: 'LEAKCANARY with spaces inside it', CLOUDFLARE_ACCOUNT_ID: ACCOUNT });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('LEAKCANARY');
  });
});

describe('the process on bad configuration', () => {
  it('prints one line saying what to set and exits 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
      env: { PATH: process.env.PATH, CLOUDFLARE_API_TOKEN: TOKEN },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr.trim().split('\n')).toEqual([
      'Configuration error: Set both CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID for Cloudflare mode, or neither for the local gateway.',
    ]);
    expect(out.stdout).toBe('');
  });
});
