import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalInt = (name: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{1,9}$/, `${name} must be a whole number`)
      .transform(Number)
      .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
      .optional(),
  );

/**
 * The raw variables. Messages say what to set, never echo a value: a misplaced token must not end up in a
 * terminal or a CI log.
 */
const rawEnvSchema = z.object({
  HOST: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9.:_-]+$/, 'HOST must be a host name or IP address').default('127.0.0.1')),
  PORT: optionalInt('PORT', 0, 65535).transform((v) => v ?? 8787),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  SEED_LOGS: optionalInt('SEED_LOGS', 0, 20_000_000),
  CLOUDFLARE_API_TOKEN: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[\x21-\x7e]{20,200}$/, 'CLOUDFLARE_API_TOKEN must be an API token (printable, no spaces)').optional(),
  ),
  CLOUDFLARE_ACCOUNT_ID: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[0-9a-f]{32}$/, 'CLOUDFLARE_ACCOUNT_ID must be the 32 hexadecimal characters of your account id').optional(),
  ),
  CLOUDFLARE_BASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'CLOUDFLARE_BASE_URL must be an http(s) URL')
      .optional(),
  ),
  DASHBOARD_SECRET: z.preprocess(blankToUndefined, z.string().min(16, 'DASHBOARD_SECRET must be at least 16 characters').optional()),
  CF_ACCESS_TEAM_DOMAIN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((s) => s.replace(/^https?:\/\//, '').replace(/\/+$/, '').replace(/\.cloudflareaccess\.com$/, ''))
      .pipe(z.string().regex(/^[a-z0-9-]{1,63}$/, 'CF_ACCESS_TEAM_DOMAIN must be your Access team name (<team>.cloudflareaccess.com)'))
      .optional(),
  ),
  CF_ACCESS_AUD: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9]{16,128}$/, 'CF_ACCESS_AUD must be the Access application audience tag').optional()),
  LOCAL_GATEWAY_EVALUATION_DELAY_MS: optionalInt('LOCAL_GATEWAY_EVALUATION_DELAY_MS', 0, 600_000),
  // Worker threads for the local gateway's log scans; 0 runs them on the serving thread. Default: one per core (at most 4).
  LOCAL_GATEWAY_QUERY_THREADS: optionalInt('LOCAL_GATEWAY_QUERY_THREADS', 0, 16),
});

const envSchema = rawEnvSchema
  .superRefine((e, ctx) => {
    if (!!e.CLOUDFLARE_API_TOKEN !== !!e.CLOUDFLARE_ACCOUNT_ID)
      ctx.addIssue({
        code: 'custom',
        message: 'Set both CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID for Cloudflare mode, or neither for the local gateway',
      });
    if (!!e.CF_ACCESS_TEAM_DOMAIN !== !!e.CF_ACCESS_AUD)
      ctx.addIssue({ code: 'custom', message: 'Set both CF_ACCESS_TEAM_DOMAIN and CF_ACCESS_AUD to use Cloudflare Access, or neither' });
  })
  .transform((e) => ({
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    seedLogs: e.SEED_LOGS,
    localGatewayEvaluationDelayMs: e.LOCAL_GATEWAY_EVALUATION_DELAY_MS,
    localGatewayQueryThreads: e.LOCAL_GATEWAY_QUERY_THREADS,
    upstream:
      e.CLOUDFLARE_API_TOKEN && e.CLOUDFLARE_ACCOUNT_ID
        ? { mode: 'cloudflare' as const, apiToken: e.CLOUDFLARE_API_TOKEN, accountId: e.CLOUDFLARE_ACCOUNT_ID, baseUrl: e.CLOUDFLARE_BASE_URL }
        : { mode: 'local' as const },
    dashboardSecret: e.DASHBOARD_SECRET,
    access: e.CF_ACCESS_TEAM_DOMAIN && e.CF_ACCESS_AUD ? { teamDomain: e.CF_ACCESS_TEAM_DOMAIN, aud: e.CF_ACCESS_AUD } : undefined,
  }));

export type ServerEnv = z.infer<typeof envSchema>;
export type UpstreamConfig = ServerEnv['upstream'];

export type EnvResult = { ok: true; env: ServerEnv } | { ok: false; message: string };

/** Reads the server's configuration; the first problem becomes one line that says what to set. */
export function loadEnv(source: Record<string, string | undefined> = process.env): EnvResult {
  const picked = Object.fromEntries(Object.keys(rawEnvSchema.shape).map((k) => [k, source[k]]));
  const parsed = envSchema.safeParse(picked);
  if (parsed.success) return { ok: true, env: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, message: `Configuration error: ${first?.message ?? 'invalid environment'}.` };
}

/** For the entry point: a bad configuration prints one line and ends the process with status 1. */
export function loadEnvOrExit(source: Record<string, string | undefined> = process.env): ServerEnv {
  const result = loadEnv(source);
  if (result.ok) return result.env;
  process.stderr.write(`${result.message}\n`);
  process.exit(1);
}
