import type { Context } from 'hono';
import type { EvaluationJobs } from './evaluator.ts';
import { notFound, parseGatewayId } from './http.ts';
import type { Projections } from './projections.ts';
import type { QueryRunner } from './query-runner.ts';
import type { Store } from './store.ts';

/** What the routes share: the store, the in-memory projections and what runs queries over them, the evaluation jobs, the local account. */
export interface GatewayContext {
  store: Store;
  projections: Projections;
  queries: QueryRunner;
  jobs: EvaluationJobs;
  accountId: string;
  token: string;
}

/** The path's gateway: 400 when the id breaks Cloudflare's rule, 404 when no such gateway exists. */
export function resolveGateway(c: Context, ctx: GatewayContext, param = 'gateway_id'): { ok: true; id: string } | { ok: false; response: Response } {
  const parsed = parseGatewayId(c, param);
  if (!parsed.ok) return parsed;
  if (!ctx.store.gateways.get(parsed.data)) return { ok: false, response: notFound(c) };
  return { ok: true, id: parsed.data };
}
