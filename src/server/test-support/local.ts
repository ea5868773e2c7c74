import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultController } from '../../local-gateway/faults.ts';
import { openLocalGateway, type LocalGateway } from '../../local-gateway/index.ts';
import { createApp, type AppOptions } from '../app.ts';
import { createUpstream, inProcessFetch, LOCAL_GATEWAY_BASE_URL, type UpstreamOptions } from '../upstream.ts';

/** The upstream of local mode over a local gateway in this process, unpaced (tests count calls, not time). */
export function localUpstream(gateway: LocalGateway, over: Partial<UpstreamOptions> = {}) {
  return createUpstream({
    mode: 'local',
    accountId: gateway.accountId,
    apiToken: gateway.token,
    baseURL: LOCAL_GATEWAY_BASE_URL,
    pacing: false,
    inProcess: { sentBody: gateway.sentBody },
    fetch: inProcessFetch(gateway.fetch),
    ...over,
  });
}

export interface LocalAppOptions {
  /** Logs to seed (default 500: enough for every list to page). */
  seedLogs?: number;
  /** Sees every upstream request (counting, recording). */
  onUpstream?: (req: Request) => void;
  /** Upstream settings over the local defaults (a short timeout, quick retries). */
  upstream?: Partial<UpstreamOptions>;
  /** App options, given the gateway and its fault controller (to mount the fault switch, say). */
  app?: (gateway: LocalGateway, faults: FaultController) => Partial<AppOptions>;
}

/**
 * The app on a real local gateway in a fresh temporary data directory; `close` removes both. The
 * gateway's handler is wrapped by `faults` (off until a test sets them).
 */
export async function localApp(o: LocalAppOptions = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bff-test-'));
  const gateway = await openLocalGateway({ dataDir, seedLogs: o.seedLogs ?? 500, evaluationDelayMs: 0 });
  const onUpstream = o.onUpstream ?? (() => {});
  const faults = new FaultController();
  const faulty = faults.wrap(gateway.fetch);
  const upstream = localUpstream(gateway, {
    ...o.upstream,
    fetch: inProcessFetch((req) => {
      onUpstream(req);
      return faulty(req);
    }),
  });
  return {
    app: createApp({ upstream, log: () => {}, ...o.app?.(gateway, faults) }),
    gateway,
    faults,
    async close() {
      await gateway.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
