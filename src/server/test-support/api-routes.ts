/** Every /api route with a valid request, for tests that must cover them all (auth, leaks, conformance). */
export interface RouteCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /**
   * In Cloudflare mode the route asks the upstream for log lists with `filters` (the analysis estimate),
   * which the spec's mock cannot read (see isFilteredLogList in the conformance test); its own conformance
   * test checks it instead.
   */
  sendsFilteredLogLists?: true;
}

const filters = [{ key: 'provider', operator: 'eq', value: ['openai'] }];

export const API_ROUTES: RouteCall[] = [
  { method: 'GET', path: '/api/session' },
  { method: 'GET', path: '/api/gateways?per_page=5' },
  { method: 'GET', path: '/api/gateways/gw-1/datasets?page=1&per_page=5&enable=true&name=n&search=s' },
  { method: 'POST', path: '/api/gateways/gw-1/datasets', body: { name: 'n', enable: true, filters } },
  { method: 'GET', path: '/api/gateways/gw-1/datasets/ds1' },
  { method: 'PUT', path: '/api/gateways/gw-1/datasets/ds1', body: { name: 'n2', enable: false, filters } },
  { method: 'DELETE', path: '/api/gateways/gw-1/datasets/ds1' },
  { method: 'GET', path: '/api/gateways/gw-1/evaluations?page=1&per_page=5&processed=false' },
  { method: 'POST', path: '/api/gateways/gw-1/evaluations', body: { name: 'e', dataset_ids: ['ds1'], evaluation_type_ids: ['et1'] } },
  { method: 'GET', path: '/api/gateways/gw-1/evaluations/ev1' },
  { method: 'DELETE', path: '/api/gateways/gw-1/evaluations/ev1' },
  { method: 'GET', path: '/api/evaluation-types?page=1&per_page=20&order_by=name&order_by_direction=asc' },
  { method: 'GET', path: `/api/gateways/gw-1/logs?per_page=5&meta_info=true&filters=${encodeURIComponent(JSON.stringify(filters))}` },
  { method: 'GET', path: '/api/gateways/gw-1/logs/log1' },
  { method: 'PATCH', path: '/api/gateways/gw-1/logs/log1', body: { feedback: 1, score: 50, metadata: { team: 'a' } } },
  { method: 'GET', path: '/api/gateways/gw-1/logs/log1/request' },
  { method: 'GET', path: '/api/gateways/gw-1/logs/log1/response' },
  { method: 'GET', path: '/api/gateways/gw-1/evaluations/ev1/analysis', sendsFilteredLogLists: true },
];

/**
 * The routes the local gateway alone answers (its log sources: provenance, uploads, sync). They never reach
 * the Cloudflare upstream, so the spec's oracle has nothing to check for them; in Cloudflare mode they
 * answer 404. Session and CSRF checks cover them like the others.
 */
export const LOCAL_ONLY_ROUTES: RouteCall[] = [
  { method: 'GET', path: '/api/gateways/gw-1/sources' },
  { method: 'POST', path: '/api/gateways/gw-1/sources' },
  { method: 'GET', path: '/api/gateways/gw-1/sources/sync' },
  { method: 'POST', path: '/api/gateways/gw-1/sources/sync', body: { action: 'start' } },
];

/** Request init for `app.request()` as a same-origin browser sends it. */
export function initOf(call: RouteCall, headers: Record<string, string> = {}): RequestInit {
  return {
    method: call.method,
    headers: { origin: 'http://localhost', ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
  };
}
