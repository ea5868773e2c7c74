import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { mkdirSync } from 'node:fs';
import type { Hono } from 'hono';
import { createGatewayApp } from './app.ts';
import { EvaluationJobs, EVALUATION_TYPES } from './evaluator.ts';
import { Projections } from './projections.ts';
import { QueryRunner } from './query-runner.ts';
import { sentBody } from './sent-bodies.ts';
import { seedStore } from './seed.ts';
import { Store } from './store.ts';
import { loadOrCreateToken } from './token.ts';

export interface LocalGatewayOptions {
  /** Holds gateway.sqlite (+ WAL files) and local-gateway-token. */
  dataDir: string;
  /** Logs to seed on first start (the server passes SEED_LOGS; default 20000). */
  seedLogs?: number;
  /** Test-only: hold each evaluation job this long before computing. */
  evaluationDelayMs?: number;
  /**
   * Worker threads for log scans (counts, lists, evaluations); 0 runs them on the thread that serves HTTP.
   * Default: one per core, at most 4.
   */
  queryThreads?: number;
  /** Scans over fewer logs than this stay on the serving thread (default query-runner.ts DEFAULT_INLINE_BELOW). */
  inlineScanBelow?: number;
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
  /**
   * The gateway's log count (0 for no such gateway): from its in-memory projection when that is current,
   * without SQLite's `count(*)` scan (0.1–0.3 s at a million logs on the serving thread); from SQLite when
   * another process's writes have made the projection stale (counting never triggers its rebuild).
   */
  countLogs(gatewayId: string): number;
  /** The envelope object a success response of `fetch` was serialised from (undefined for any other response). */
  sentBody: (response: Response) => unknown;
  /** Stop jobs, close the db. */
  close(): Promise<void>;
}

export const DEFAULT_SEED_LOGS = 20_000;

/**
 * Opens (creating and seeding on first start) the local gateway in `dataDir`: an embedded Cloudflare AI
 * Gateway API on SQLite. First start generates the account id and the bearer token, seeds
 * `seedLogs` logs over three gateways with datasets and a finished evaluation; later starts reuse them,
 * build the in-memory projections and resume evaluations left unprocessed (say, by a crash).
 *
 * Mount it with `app.all('/client/v4/*', (c) => gateway.fetch(c.req.raw))`, or hand `gateway.fetch` to
 * the `cloudflare` SDK's `fetch` option with `baseURL: 'http://127.0.0.1:PORT/client/v4'`.
 */
export async function openLocalGateway(options: LocalGatewayOptions): Promise<LocalGateway> {
  mkdirSync(options.dataDir, { recursive: true });
  const { token, tokenFile } = loadOrCreateToken(options.dataDir);
  const store = new Store(options.dataDir);
  try {
    const queries = new QueryRunner({
      threads: options.queryThreads ?? Math.min(4, availableParallelism()),
      ...(options.inlineScanBelow === undefined ? {} : { inlineBelow: options.inlineScanBelow }),
    });
    const projections = new Projections(store, (cols) => queries.forget(cols));
    const jobs = new EvaluationJobs(store, projections, queries, options.evaluationDelayMs ?? 0);
    let accountId = store.meta.get('account_id');
    if (!accountId) {
      const newAccountId = randomBytes(16).toString('hex');
      // First start is one transaction (the inner ones become savepoints): a start killed while seeding
      // leaves no account behind, so the next start seeds again instead of finding half a store.
      store.db.transaction(() => {
        store.meta.set('account_id', newAccountId);
        seedStore(store, options.seedLogs ?? DEFAULT_SEED_LOGS, jobs, () => projections.loadAll());
      }).immediate();
      accountId = newAccountId;
    } else {
      // Evaluators are fixed; make sure a store from an older build has every one.
      store.evaluationTypes.upsert(EVALUATION_TYPES);
      projections.loadAll();
    }
    // Saved after the first answers (and again at close when own writes moved a generation).
    projections.saveSoon();
    jobs.resumeUnprocessed();
    const app = createGatewayApp({ store, projections, queries, jobs, accountId, token });
    return {
      app,
      fetch: async (request: Request) => app.fetch(request),
      countLogs: (gatewayId) => projections.currentCount(gatewayId) ?? store.logs.count(gatewayId),
      sentBody,
      accountId,
      token,
      tokenFile,
      close: async () => {
        jobs.close();
        await queries.close();
        projections.save();
        projections.clear();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
