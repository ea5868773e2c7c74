/**
 * Serves a local gateway for the conformance check: opens it in DATA_DIR (default: a fresh temp dir,
 * removed on exit), listens on 127.0.0.1:PORT (default 8799; 0 picks a free port), and prints one JSON line
 * `{"port","baseURL","accountId","token"}` once it listens (also written to INFO_FILE if set). Stops on
 * SIGTERM or SIGINT.
 *   PORT=8799 node --import tsx src/local-gateway/conformance/serve.ts
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalGateway } from '../index.ts';

const ownDir = !process.env.DATA_DIR;
const dataDir = process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'local-gateway-conformance-'));
const gateway = await openLocalGateway({ dataDir, seedLogs: Number(process.env.SEED_LOGS ?? 5000) });
const server = serve({ fetch: gateway.app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 8799) }, (info: AddressInfo) => {
  const line = JSON.stringify({ port: info.port, baseURL: `http://127.0.0.1:${info.port}/client/v4`, accountId: gateway.accountId, token: gateway.token });
  if (process.env.INFO_FILE) writeFileSync(process.env.INFO_FILE, `${line}\n`, { mode: 0o600 });
  process.stdout.write(`${line}\n`);
});

const stop = () => {
  server.close();
  void gateway.close().then(() => {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
