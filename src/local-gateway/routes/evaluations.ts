import type { Hono } from 'hono';
import { ERROR_CODES, type ApiErrorItem } from '../../shared/envelope.ts';
import { evaluationInputSchema, evaluationListQuerySchema } from '../../shared/evaluations.ts';
import { resolveGateway, type GatewayContext } from '../context.ts';
import { invalid, ok, parseBody } from '../http.ts';
import type { EvaluationDataset } from '../store/evaluations.ts';
import { answerFound, listInGateway } from './handlers.ts';

const EVALUATION_FIELDS = ['name', 'dataset_ids', 'evaluation_type_ids'] as const;

/**
 * Evaluations of a gateway: list, create (answers `processed: false`; a job computes the results), get,
 * delete (answers the deleted object).
 */
export function registerEvaluationRoutes(app: Hono, base: string, ctx: GatewayContext): string[] {
  const list = `${base}/gateways/:gateway_id/evaluations`;
  const one = `${list}/:id`;

  app.get(list, listInGateway(ctx, evaluationListQuerySchema, (gw, q) => ctx.store.evaluations.list(gw, q)));

  app.post(list, async (c) => {
    const gw = resolveGateway(c, ctx);
    if (!gw.ok) return gw.response;
    const body = await parseBody(c, evaluationInputSchema, EVALUATION_FIELDS);
    if (!body.ok) return body.response;
    const errors: ApiErrorItem[] = [];
    // Snapshot the datasets as they are now: the evaluation shows (and computes over) what was evaluated.
    const datasets: EvaluationDataset[] = [];
    body.data.dataset_ids.forEach((id, i) => {
      const dataset = ctx.store.datasets.get(gw.id, id);
      if (dataset) datasets.push({ ...dataset, account_id: ctx.accountId, account_tag: ctx.accountId });
      else
        errors.push({
          code: ERROR_CODES.invalidInput,
          message: `dataset_ids › ${i}: no dataset "${id}" in gateway "${gw.id}"`,
          path: ['body', 'dataset_ids', String(i)],
        });
    });
    const known = new Set(ctx.store.evaluationTypes.all().map((t) => t.id));
    body.data.evaluation_type_ids.forEach((id, i) => {
      if (!known.has(id))
        errors.push({
          code: ERROR_CODES.invalidInput,
          message: `evaluation_type_ids › ${i}: no evaluation type "${id}"`,
          path: ['body', 'evaluation_type_ids', String(i)],
        });
    });
    if (errors.length) return invalid(c, errors);
    const evaluation = ctx.store.evaluations.create(gw.id, body.data.name, datasets, body.data.evaluation_type_ids);
    ctx.jobs.schedule(evaluation.id);
    return ok(c, evaluation);
  });

  app.get(one, answerFound(ctx, (gw, id) => ctx.store.evaluations.get(gw, id)));

  app.delete(one, answerFound(ctx, (gw, id) => ctx.store.evaluations.delete(gw, id)));

  return [list, one];
}
