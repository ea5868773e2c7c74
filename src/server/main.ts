import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createAccessControl } from './access.ts';
import { createApp } from './app.ts';
import type { LocalSourcesAccess } from './routes/sources.ts';
import { bufferedLines } from './line-buffer.ts';
import type { ServerEnv } from './env.ts';
import { bindRefusal, isLoopbackHost } from './security.ts';
import { createUpstream, inProcessFetch, LOCAL_GATEWAY_BASE_URL, type Upstream } from './upstream.ts';

export class StartupError extends Error {
  override name = 'StartupError';
}

export interface StartOptions {
  /** The built dashboard (default `./dist`). */
  distDir?: string;
  /** Where the sync account's `SYNC_CLOUDFLARE_*` variables are read (default `process.env`; local mode). */
  syncEnv?: NodeJS.ProcessEnv;
  /** Banner and request log lines (default stdout). */
  log?: (line: string) => void;
  /** Test hook: per-attempt upstream timeout. */
  upstreamTimeoutMs?: number;
  /**
   * Test hook: wraps the in-process local gateway's handler, for both the SDK and `/client/v4` (a test
   * entry point injects faults here). Local mode only; `npm start` passes none.
   */
  wrapLocalGateway?: (fetch: LocalGatewayFetch) => LocalGatewayFetch;
  /** Test hook: more `/api` routes behind the same guards (see `AppOptions.extraApiRoutes`). */
  extraApiRoutes?: Hono;
}

type LocalGatewayFetch = (req: Request) => Promise<Response>;

export interface ServerHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the console: checks the bind is allowed, opens the upstream (the local gateway in-process by
 * default, else Cloudflare), mounts the API, the local gateway at /client/v4 (local mode) and the SPA, and
 * listens. The banner names the URL, the mode, the account and where the local token file is, never a token.
 */
export async function startServer(env: ServerEnv, so: StartOptions = {}): Promise<ServerHandle> {
  const log = so.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const refusal = bindRefusal(env.host, Boolean(env.dashboardSecret || env.access));
  if (refusal) throw new StartupError(refusal);

  let upstream: Upstream;
  let localGateway: { fetch: LocalGatewayFetch; tokenFile: string; sources: LocalSourcesAccess; close(): Promise<void> } | undefined;
  if (env.upstream.mode === 'local') {
    // Loaded only in local mode: Cloudflare mode never opens the SQLite store.
    const { openLocalGateway } = await import('../local-gateway/index.ts');
    const gateway = await openLocalGateway({
      dataDir: env.dataDir,
      seedLogs: env.seedLogs,
      evaluationDelayMs: env.localGatewayEvaluationDelayMs,
      ...(env.localGatewayQueryThreads === undefined ? {} : { queryThreads: env.localGatewayQueryThreads }),
    });
    const { LocalSources } = await import('../local-gateway/sync/upload-import.ts');
    const { syncSourceFromEnv } = await import('../local-gateway/sync/sync-job.ts');
    const sources = new LocalSources(env.dataDir, { config: syncSourceFromEnv(so.syncEnv ?? process.env) }, gateway.countLogs);
    // An upload's lines are read on a worker thread whose script is bundled once, synchronously: now, not
    // during the first upload, when this thread would stop answering every other request meanwhile.
    await (await import('../local-gateway/import/read-in-worker.ts')).prepareReadWorker();
    const fetch = so.wrapLocalGateway ? so.wrapLocalGateway(gateway.fetch) : gateway.fetch;
    localGateway = {
      fetch,
      tokenFile: gateway.tokenFile,
      sources,
      close: async () => {
        await sources.close();
        await gateway.close();
      },
    };
    upstream = createUpstream({
      mode: 'local',
      accountId: gateway.accountId,
      apiToken: gateway.token,
      baseURL: LOCAL_GATEWAY_BASE_URL,
      fetch: inProcessFetch(fetch),
      inProcess: { sentBody: gateway.sentBody },
      timeoutMs: so.upstreamTimeoutMs,
      pacing: false,
    });
  } else {
    upstream = createUpstream({
      mode: 'cloudflare',
      accountId: env.upstream.accountId,
      apiToken: env.upstream.apiToken,
      baseURL: env.upstream.baseUrl,
      timeoutMs: so.upstreamTimeoutMs,
    });
  }

  const auth = createAccessControl({
    secret: env.dashboardSecret,
    access: env.access ? { teamDomain: env.access.teamDomain, aud: env.access.aud } : undefined,
  });
  const app = createApp({
    upstream,
    auth,
    distDir: resolve(so.distDir ?? 'dist'),
    localGatewayFetch: localGateway?.fetch,
    ...(localGateway ? { localSources: localGateway.sources } : {}),
    loopbackHostsOnly: isLoopbackHost(env.host) && !auth.required,
    // Request lines to stdout go out in batches (see line-buffer.ts); a caller's own log gets every line at once.
    log: so.log ?? bufferedLines((chunk) => process.stdout.write(chunk)),
    ...(so.extraApiRoutes ? { extraApiRoutes: so.extraApiRoutes } : {}),
  });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((ok, fail) => {
      const s = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, () => ok(s));
      s.once('error', fail);
    });
  } catch (e) {
    await localGateway?.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new StartupError(
      code === 'EADDRINUSE' ? `Port ${env.port} on ${env.host} is in use: set PORT to a free port.` : `Could not listen on ${env.host}:${env.port} (${code ?? 'error'}).`,
    );
  }
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = env.host.includes(':') ? `[${env.host}]` : env.host;
  const url = `http://${hostForUrl}:${port}`;

  log(`AI Gateway Console on ${url}`);
  if (env.upstream.mode === 'local') {
    log(`Mode: local gateway (account ${upstream.accountId}), also served at ${url}/client/v4; its API token is in ${localGateway?.tokenFile}`);
  } else {
    log(`Mode: Cloudflare (account ${upstream.accountId}${env.upstream.baseUrl ? `, API at ${new URL(env.upstream.baseUrl).origin}` : ''})`);
  }
  if (auth.required) log(`Access control: ${[env.dashboardSecret && 'dashboard secret', env.access && 'Cloudflare Access'].filter(Boolean).join(' + ')}`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          // Keep-alive sockets would hold close() open; nothing is mid-request at shutdown that matters more.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await localGateway?.close();
      })()),
  };
}

/** SIGINT/SIGTERM close the server and the local gateway's store cleanly, then exit. */
export function closeOnSignals(handle: ServerHandle) {
  const stop = (signal: NodeJS.Signals) => {
    handle.close().then(
      () => process.exit(0),
      () => process.exit(signal === 'SIGINT' ? 130 : 143),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
