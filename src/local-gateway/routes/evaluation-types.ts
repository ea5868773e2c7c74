import type { Hono } from 'hono';
import { evaluationTypeListQuerySchema, type EvaluationType } from '../../shared/evaluations.ts';
import type { GatewayContext } from '../context.ts';
import { ok, parseQuery } from '../http.ts';

/** GET evaluation-types: account-wide, per_page 5–50, order_by (default mandatory) and direction (default desc). */
export function registerEvaluationTypeRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  const path = `${base}/evaluation-types`;
  app.get(path, (c) => {
    const q = parseQuery(c, evaluationTypeListQuerySchema);
    if (!q.ok) return q.response;
    const { page, per_page, order_by, order_by_direction } = q.data;
    const key = (t: EvaluationType) => (order_by === 'mandatory' ? Number(t.mandatory) : t[order_by]);
    const sign = order_by_direction === 'asc' ? 1 : -1;
    const types = ctx.store
      .evaluationTypes.all()
      .sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : a.name.localeCompare(b.name)));
    const items = types.slice((page - 1) * per_page, page * per_page);
    return ok(c, items, { page, per_page, count: items.length, total_count: types.length });
  });
  return [path];
}
