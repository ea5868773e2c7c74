import { Hono } from 'hono';
import { evaluationTypeListQuerySchema } from '../../shared/evaluations.ts';
import { okPage, validate } from '../http.ts';
import { onlyMethods, type RouteDeps } from './deps.ts';

export function evaluationTypeRoutes({ upstream }: RouteDeps) {
  const r = new Hono();
  r.get('/evaluation-types', async (c) => {
    const q = validate('query', evaluationTypeListQuerySchema, c.req.query());
    return okPage(c, await upstream.evaluationTypes.list(q));
  });
  onlyMethods(r, '/evaluation-types', ['GET']);
  return r;
}
