import type { Hono } from 'hono';

export interface LocalGatewayOptions {
  /** Holds gateway.sqlite (+ WAL files) and local-gateway-token. */
  dataDir: string;
  /** Logs to seed on first start (the server passes SEED_LOGS; default 20000). */
  seedLogs?: number;
  /** Test-only: hold each evaluation job this long before computing. */
  evaluationDelayMs?: number;
}

export interface LocalGateway {
  /** Handles full paths /client/v4/accounts/:account_id/ai-gateway/... */
  app: Hono;
  /** app.fetch bound; the server gives it to the SDK's `fetch` option. */
  fetch: (request: Request) => Promise<Response>;
  /** 32 lowercase hex, generated on first start, persisted. */
  accountId: string;
  /** Bearer token, generated on first start. */
  token: string;
  /** `${dataDir}/local-gateway-token` */
  tokenFile: string;
  /** Stop jobs, close the db. */
  close(): Promise<void>;
}

export declare function openLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway>;
