import { Hono } from 'hono';
import { z } from 'zod';
import { resultInfoSchema } from '../../shared/envelope.ts';
import { evaluationTypeListQuerySchema, evaluationTypeSchema } from '../../shared/evaluations.ts';
import { fromUpstream, ok, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';

export function evaluationTypeRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  r.get('/evaluation-types', async (c) => {
    const q = validate('query', evaluationTypeListQuerySchema, c.req.query());
    const a = await upstream.evaluationTypes.list(q);
    return ok(c, fromUpstream(z.array(evaluationTypeSchema), a.result, 'result'), fromUpstream(resultInfoSchema.optional(), a.result_info, 'result_info'));
  });
  onlyMethods(r, '/evaluation-types', ['GET']);
  return r;
}
