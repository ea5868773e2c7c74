import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalGateway } from '../../local-gateway/index.ts';
import { createApp, type AppOptions } from '../app.ts';
import { createUpstream, inProcessFetch, LOCAL_GATEWAY_BASE_URL } from '../upstream.ts';

/** The app on a real local gateway in a fresh temporary data directory. */
export async function localApp(
  app: Partial<AppOptions> = {},
  seedLogs = 500,
  /** Sees every upstream request (counting, recording). */
  onUpstream: (req: Request) => void = () => {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'bff-test-'));
  const gateway = await openLocalGateway({ dataDir, seedLogs, evaluationDelayMs: 0 });
  const upstream = createUpstream({
    mode: 'local',
    accountId: gateway.accountId,
    apiToken: gateway.token,
    baseURL: LOCAL_GATEWAY_BASE_URL,
    pacing: false,
    fetch: inProcessFetch((req) => {
      onUpstream(req);
      return gateway.fetch(req);
    }),
  });
  return {
    app: createApp({ upstream, log: () => {}, ...app }),
    gateway,
    async close() {
      await gateway.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
