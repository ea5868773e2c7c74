/**
 * The bad-input corpus: requests a careless or hostile client might send, with the answer each must get.
 * Paths may hold `{dataset}`, `{evaluation}`, `{log}` (real ids of the seeded store) and, for the local
 * gateway's own API, are relative to `/client/v4/accounts/{account}/ai-gateway`.
 */
export interface BadCase {
  name: string;
  method: string;
  path: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Replaces the default content-type (application/json when there is a body); null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
  chunked?: boolean;
  status: number | number[];
  /** Must match the first error's `path` joined with '.', or its message: the answer names the problem. */
  names: RegExp;
}

const G = '/api/gateways/default';
const row = { key: 'provider', operator: 'eq', value: ['openai'] };
const dataset = (over: Record<string, unknown> = {}) => ({ name: 'ds', enable: true, filters: [row], ...over });
const evaluation = (over: Record<string, unknown> = {}) => ({ name: 'ev', dataset_ids: ['{dataset}'], evaluation_type_ids: ['{evaluation_type}'], ...over });
const long = 'x'.repeat(10_000);
const SQL_OR = "' OR 1=1 --";
const SQL_DROP = '"; DROP TABLE logs; --';
const filtersParam = (rows: unknown) => `filters=${encodeURIComponent(JSON.stringify(rows))}`;
/** 100,000 levels of arrays: a parser or validator that recurses would overflow its stack. */
export const deeplyNested = `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)},"enable":true,"filters":[]}`;
/** 10,000 filter rows, compact; over the BFF's body limit, under the local gateway's. */
const tenThousandRows = JSON.stringify(dataset({ filters: Array.from({ length: 10_000 }, () => ({ key: 'cached', operator: 'eq', value: [true] })) }));

const ID = /^path\.id$/;
const GW = /^path\.gw$/;

/** Requests to the BFF's /api; every one is refused before the upstream. */
export const API_CASES: BadCase[] = [
  // Path traversal and encoded separators in ids
  // A bare `..` or `%2e%2e` segment is resolved by the server's URL parser before routing, as a browser
  // would: it names another /api path (here the gateway itself, which has no route), never an id.
  { name: 'dataset id ..', method: 'GET', path: `${G}/datasets/..`, status: 404, names: /No route/ },
  { name: 'dataset id %2e%2e', method: 'GET', path: `${G}/datasets/%2e%2e`, status: 404, names: /No route/ },
  { name: 'dataset id ..%2e with trailing text', method: 'GET', path: `${G}/datasets/..%2ex`, status: 400, names: ID },
  { name: 'dataset id with %2F', method: 'GET', path: `${G}/datasets/a%2Fb`, status: 400, names: ID },
  { name: 'dataset id ..%2F..%2Fgateways', method: 'GET', path: `${G}/datasets/..%2F..%2Fgateways`, status: 400, names: ID },
  { name: 'dataset id with encoded ?', method: 'GET', path: `${G}/datasets/a%3Fper_page%3D1`, status: 400, names: ID },
  { name: 'dataset id with encoded #', method: 'GET', path: `${G}/datasets/a%23b`, status: 400, names: ID },
  { name: 'PUT dataset id %2e%2e%2f', method: 'PUT', path: `${G}/datasets/%2e%2e%2f`, body: dataset(), status: 400, names: ID },
  { name: 'DELETE evaluation id ..%2F', method: 'DELETE', path: `${G}/evaluations/..%2F`, status: 400, names: ID },
  { name: 'PATCH log id %2e%2e%2fx', method: 'PATCH', path: `${G}/logs/%2e%2e%2fx`, body: { feedback: 1 }, status: 400, names: ID },
  { name: 'GET log id with backslash', method: 'GET', path: `${G}/logs/..%5C..%5C`, status: 400, names: ID },
  { name: 'gateway id ..%2Fdefault', method: 'GET', path: '/api/gateways/..%2Fdefault/datasets', status: 400, names: GW },
  { name: 'gateway id %2e%2e', method: 'GET', path: '/api/gateways/%2e%2e/logs', status: 404, names: /No route/ },
  { name: 'gateway id in upper case', method: 'GET', path: '/api/gateways/DEFAULT/datasets', status: 400, names: GW },
  { name: 'gateway id of 65 characters', method: 'GET', path: `/api/gateways/${'a'.repeat(65)}/evaluations`, status: 400, names: GW },
  { name: 'dataset id of 10,000 characters', method: 'GET', path: `${G}/datasets/${long}`, status: 400, names: ID },
  { name: 'log id with NUL', method: 'GET', path: `${G}/logs/a%00b`, status: 400, names: ID },
  { name: 'dataset id with right-to-left override', method: 'GET', path: `${G}/datasets/%E2%80%AEabc`, status: 400, names: ID },
  { name: 'evaluation id emoji', method: 'GET', path: `${G}/evaluations/%F0%9F%98%80`, status: 400, names: ID },
  { name: 'unknown route under /api', method: 'GET', path: `${G}/secrets`, status: 404, names: /No route/ },

  // Strings: long, control characters, NUL
  { name: 'dataset name of 10,000 characters', method: 'POST', path: `${G}/datasets`, body: dataset({ name: long }), status: 400, names: /^body\.name$/ },
  { name: 'dataset name with NUL', method: 'POST', path: `${G}/datasets`, body: dataset({ name: 'a\u0000b' }), status: 400, names: /^body\.name$/ },
  { name: 'dataset name with a newline', method: 'PUT', path: `${G}/datasets/{dataset}`, body: dataset({ name: 'a\nb' }), status: 400, names: /^body\.name$/ },
  { name: 'dataset name of spaces', method: 'POST', path: `${G}/datasets`, body: dataset({ name: '   ' }), status: 400, names: /^body\.name$/ },
  { name: 'filter value of 10,000 characters', method: 'POST', path: `${G}/datasets`, body: dataset({ filters: [{ ...row, value: [long] }] }), status: 400, names: /^body\.filters\.0\.value\.0$/ },
  { name: 'evaluation name of 10,000 characters', method: 'POST', path: `${G}/evaluations`, body: evaluation({ name: long }), status: 400, names: /^body\.name$/ },
  { name: 'evaluation name with escape character', method: 'POST', path: `${G}/evaluations`, body: evaluation({ name: 'a\u001bb' }), status: 400, names: /^body\.name$/ },
  { name: 'search of 10,000 characters', method: 'GET', path: `${G}/logs?search=${long}`, status: 400, names: /^query\.search$/ },
  { name: 'dataset list name of 10,000 characters', method: 'GET', path: `${G}/datasets?name=${long}`, status: 400, names: /^query\.name$/ },
  { name: 'log metadata key of 10,000 characters', method: 'PATCH', path: `${G}/logs/{log}`, body: { metadata: { [long]: 'v' } }, status: 400, names: /^body\.metadata/ },

  // Wrong JSON types
  { name: 'name as a number', method: 'POST', path: `${G}/datasets`, body: dataset({ name: 123 }), status: 400, names: /^body\.name$/ },
  { name: 'name as null', method: 'POST', path: `${G}/datasets`, body: dataset({ name: null }), status: 400, names: /^body\.name$/ },
  { name: 'enable as a string', method: 'POST', path: `${G}/datasets`, body: dataset({ enable: 'true' }), status: 400, names: /^body\.enable$/ },
  { name: 'filters as a string', method: 'POST', path: `${G}/datasets`, body: dataset({ filters: 'provider=openai' }), status: 400, names: /^body\.filters$/ },
  { name: 'filters as an object', method: 'PUT', path: `${G}/datasets/{dataset}`, body: dataset({ filters: { 0: row } }), status: 400, names: /^body\.filters$/ },
  { name: 'filter row null', method: 'POST', path: `${G}/datasets`, body: dataset({ filters: [null] }), status: 400, names: /^body\.filters\.0$/ },
  { name: 'filter value not an array', method: 'POST', path: `${G}/datasets`, body: dataset({ filters: [{ ...row, value: 'openai' }] }), status: 400, names: /^body\.filters\.0\.value$/ },
  { name: 'number filter value of SQL', method: 'POST', path: `${G}/datasets`, body: dataset({ filters: [{ key: 'cost', operator: 'lt', value: ['1; DROP TABLE logs'] }] }), status: 400, names: /^body\.filters\.0\.value\.0$/ },
  { name: 'body is an array', method: 'POST', path: `${G}/datasets`, body: [dataset()], status: 400, names: /^body$/ },
  { name: 'body is null', method: 'PUT', path: `${G}/datasets/{dataset}`, body: null, status: 400, names: /^body$/ },
  { name: 'body is a JSON string', method: 'POST', path: `${G}/evaluations`, body: '"ev"', status: 400, names: /^body$/ },
  { name: 'dataset_ids as a string', method: 'POST', path: `${G}/evaluations`, body: evaluation({ dataset_ids: '{dataset}' }), status: 400, names: /^body\.dataset_ids$/ },
  { name: 'evaluation_type_ids of numbers', method: 'POST', path: `${G}/evaluations`, body: evaluation({ evaluation_type_ids: [1] }), status: 400, names: /^body\.evaluation_type_ids\.0$/ },
  { name: 'six datasets in an evaluation', method: 'POST', path: `${G}/evaluations`, body: evaluation({ dataset_ids: ['a', 'b', 'c', 'd', 'e', 'f'] }), status: 400, names: /^body\.dataset_ids$/ },
  { name: 'evaluation dataset id with traversal', method: 'POST', path: `${G}/evaluations`, body: evaluation({ dataset_ids: ['../x'] }), status: 400, names: /^body\.dataset_ids\.0$/ },
  { name: 'feedback 2', method: 'PATCH', path: `${G}/logs/{log}`, body: { feedback: 2 }, status: 400, names: /^body\.feedback$/ },
  { name: 'feedback as a string', method: 'PATCH', path: `${G}/logs/{log}`, body: { feedback: '1' }, status: 400, names: /^body\.feedback$/ },
  { name: 'score over 100', method: 'PATCH', path: `${G}/logs/{log}`, body: { score: 101 }, status: 400, names: /^body\.score$/ },
  { name: 'metadata value an object', method: 'PATCH', path: `${G}/logs/{log}`, body: { metadata: { a: { b: 1 } } }, status: 400, names: /^body\.metadata\.a$/ },
  { name: 'unknown PATCH field', method: 'PATCH', path: `${G}/logs/{log}`, body: { feedback: 1, success: false }, status: 400, names: /^body$/ },

  // Huge and deeply nested bodies, 10,000 filter rows
  { name: 'body over 256 KiB', method: 'POST', path: `${G}/datasets`, body: dataset({ name: 'x'.repeat(300 * 1024) }), status: 413, names: /^body$/ },
  { name: 'body over 256 KiB, chunked without length', method: 'PUT', path: `${G}/datasets/{dataset}`, body: JSON.stringify(dataset({ name: 'x'.repeat(300 * 1024) })), chunked: true, status: 413, names: /^body$/ },
  { name: '10,000 filter rows', method: 'POST', path: `${G}/datasets`, body: tenThousandRows, status: 413, names: /^body$/ },
  { name: '51 filter rows', method: 'POST', path: `${G}/datasets`, body: dataset({ filters: Array.from({ length: 51 }, () => row) }), status: 400, names: /^body\.filters$/ },
  { name: 'body nested 100,000 deep', method: 'POST', path: `${G}/datasets`, body: deeplyNested, status: 400, names: /^body\.name$/ },
  { name: 'logs filters nested 1,000 deep', method: 'GET', path: `${G}/logs?${filtersParam(JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`))}`, status: 400, names: /^query\.filters\.0$/ },

  // SQL fragments in filter rows, order and keys
  { name: 'filter key of SQL', method: 'GET', path: `${G}/logs?${filtersParam([{ key: 'rid) OR 1=1 --', operator: 'eq', value: ['x'] }])}`, status: 400, names: /^query\.filters\.0\.key$/ },
  { name: 'filter operator of SQL', method: 'GET', path: `${G}/logs?${filtersParam([{ key: 'model', operator: '= 1 OR 1=1', value: ['x'] }])}`, status: 400, names: /^query\.filters\.0\.operator$/ },
  { name: 'order_by of SQL', method: 'GET', path: `${G}/logs?order_by=${encodeURIComponent('created_at; DROP TABLE logs')}`, status: 400, names: /^query\.order_by$/ },
  { name: 'order_by_direction of SQL', method: 'GET', path: `${G}/logs?order_by_direction=${encodeURIComponent('desc --')}`, status: 400, names: /^query\.order_by_direction$/ },
  { name: 'filters not JSON', method: 'GET', path: `${G}/logs?filters=${encodeURIComponent(SQL_OR)}`, status: 400, names: /^query\.filters$/ },
  { name: 'filters a JSON object', method: 'GET', path: `${G}/logs?${filtersParam(row)}`, status: 400, names: /^query\.filters$/ },

  // Query numbers and duplicates
  { name: 'per_page over the limit', method: 'GET', path: `${G}/logs?per_page=51`, status: 400, names: /^query\.per_page$/ },
  { name: 'page negative', method: 'GET', path: `${G}/datasets?page=-1`, status: 400, names: /^query\.page$/ },
  { name: 'page in exponent form', method: 'GET', path: `${G}/evaluations?page=1e3`, status: 400, names: /^query\.page$/ },
  { name: 'per_page 0 on gateways', method: 'GET', path: '/api/gateways?per_page=0', status: 400, names: /^query\.per_page$/ },
  { name: 'duplicate per_page, first out of range', method: 'GET', path: `${G}/datasets?per_page=500&per_page=5`, status: 400, names: /^query\.per_page$/ },
  { name: 'meta_info yes', method: 'GET', path: `${G}/logs?meta_info=yes`, status: 400, names: /^query\.meta_info$/ },
  { name: 'processed 1', method: 'GET', path: `${G}/evaluations?processed=1`, status: 400, names: /^query\.processed$/ },
  { name: 'evaluation-types per_page 4', method: 'GET', path: '/api/evaluation-types?per_page=4', status: 400, names: /^query\.per_page$/ },
  { name: 'evaluation-types order_by of SQL', method: 'GET', path: `/api/evaluation-types?order_by=${encodeURIComponent('name; --')}`, status: 400, names: /^query\.order_by$/ },

  // Bad content types and bodies that are not JSON
  { name: 'text/plain body', method: 'POST', path: `${G}/datasets`, body: dataset(), contentType: 'text/plain', status: 415, names: /^body$/ },
  { name: 'form-encoded body', method: 'PUT', path: `${G}/datasets/{dataset}`, body: 'name=x&enable=true', contentType: 'application/x-www-form-urlencoded', status: 415, names: /^body$/ },
  { name: 'no content-type', method: 'PATCH', path: `${G}/logs/{log}`, body: { feedback: 1 }, contentType: null, status: 415, names: /^body$/ },
  { name: 'application/jsonp', method: 'POST', path: `${G}/evaluations`, body: evaluation(), contentType: 'application/jsonp', status: 415, names: /^body$/ },
  { name: 'truncated JSON', method: 'POST', path: `${G}/datasets`, body: '{"name": "x", "enable": tr', status: 400, names: /^body$/ },
  { name: 'empty JSON body', method: 'PATCH', path: `${G}/logs/{log}`, body: '', status: 400, names: /^body$/ },

  // Methods not allowed
  { name: 'POST gateways', method: 'POST', path: '/api/gateways', body: {}, status: 405, names: /not allowed/ },
  { name: 'DELETE logs list', method: 'DELETE', path: `${G}/logs`, status: 405, names: /not allowed/ },
  { name: 'PUT evaluation', method: 'PUT', path: `${G}/evaluations/{evaluation}`, body: evaluation(), status: 405, names: /not allowed/ },
  { name: 'PATCH datasets list', method: 'PATCH', path: `${G}/datasets`, body: dataset(), status: 405, names: /not allowed/ },
  { name: 'DELETE session', method: 'DELETE', path: '/api/session', status: 405, names: /not allowed/ },
  { name: 'POST evaluation-types', method: 'POST', path: '/api/evaluation-types', body: {}, status: 405, names: /not allowed/ },
  { name: 'PUT health', method: 'PUT', path: '/api/health', body: {}, status: 405, names: /not allowed/ },
  { name: 'OPTIONS log', method: 'OPTIONS', path: `${G}/logs/{log}`, status: 405, names: /not allowed/ },
];

const D = '/gateways/default';

/** Requests to the local gateway's own Cloudflare API (relative to the account base). */
export const GATEWAY_CASES: (BadCase & { token?: string | null; account?: string })[] = [
  { name: 'no bearer token', method: 'GET', path: '/gateways', token: null, status: 401, names: /Authentication/ },
  { name: 'wrong bearer token', method: 'DELETE', path: `${D}/datasets/{dataset}`, token: 'x'.repeat(64), status: 401, names: /Authentication/ },
  { name: 'another account', method: 'GET', path: '/gateways', account: 'f'.repeat(32), status: 403, names: /Unauthorized/ },
  { name: 'gateway id %2e%2e (resolved before routing)', method: 'GET', path: '/gateways/%2e%2e', status: 404, names: /No route/ },
  { name: 'gateway id ..%2F..', method: 'GET', path: '/gateways/..%2F../datasets', status: 400, names: /^path\.gateway_id$/ },
  { name: 'dataset id %2e%2e%2f', method: 'GET', path: `${D}/datasets/%2e%2e%2f`, status: 404, names: /Not Found/ },
  { name: 'log id with NUL', method: 'PATCH', path: `${D}/logs/a%00`, body: { feedback: 1 }, status: 404, names: /Not Found/ },
  { name: 'dataset name of 10,000 characters', method: 'POST', path: `${D}/datasets`, body: dataset({ name: long }), status: 400, names: /^body\.name$/ },
  { name: 'dataset name with NUL', method: 'PUT', path: `${D}/datasets/{dataset}`, body: dataset({ name: '\u0000' }), status: 400, names: /^body\.name$/ },
  { name: '10,000 filter rows', method: 'PUT', path: `${D}/datasets/{dataset}`, body: tenThousandRows, status: 400, names: /^body\.filters$/ },
  { name: 'body over 1 MiB', method: 'POST', path: `${D}/datasets`, body: dataset({ name: 'x'.repeat(1100 * 1024) }), status: 413, names: /^body$/ },
  { name: 'body nested 100,000 deep', method: 'POST', path: `${D}/datasets`, body: deeplyNested, status: 400, names: /^body\.name$/ },
  { name: 'body not JSON', method: 'POST', path: `${D}/evaluations`, body: 'name=x', contentType: 'text/plain', status: 400, names: /^body$/ },
  { name: 'enable as a number', method: 'POST', path: `${D}/datasets`, body: dataset({ enable: 1 }), status: 400, names: /^body\.enable$/ },
  { name: 'evaluation dataset_ids null', method: 'POST', path: `${D}/evaluations`, body: evaluation({ dataset_ids: null }), status: 400, names: /^body\.dataset_ids$/ },
  { name: 'filter key of SQL', method: 'GET', path: `${D}/logs?${filtersParam([{ key: '1=1; --', operator: 'eq', value: [1] }])}`, status: 400, names: /^query\.filters\.0\.key$/ },
  { name: 'order_by of SQL', method: 'GET', path: `${D}/logs?order_by=${encodeURIComponent('rid DESC; DROP TABLE logs')}`, status: 400, names: /^query\.order_by$/ },
  { name: 'search of 10,000 characters', method: 'GET', path: `${D}/datasets?search=${long}`, status: 400, names: /^query\.search$/ },
  { name: 'logs per_page 51', method: 'GET', path: `${D}/logs?per_page=51`, status: 400, names: /^query\.per_page$/ },
  { name: 'evaluation-types per_page 1', method: 'GET', path: '/evaluation-types?per_page=1', status: 400, names: /^query\.per_page$/ },
  { name: 'PUT on the logs list', method: 'PUT', path: `${D}/logs`, body: {}, status: 405, names: /not allowed/ },
  { name: 'POST on a log', method: 'POST', path: `${D}/logs/{log}`, body: {}, status: 405, names: /not allowed/ },
  { name: 'unknown resource', method: 'GET', path: `${D}/secrets`, status: 404, names: /No route/ },
];

/** Valid but odd: accepted, and must come back exactly as sent. */
export const ODD_BUT_VALID_NAMES = [
  '\u202Eevil.exe\u202C مرحبا بالعالم',
  'שלום 🌍 — 数据集 📊 👍🏽',
  SQL_OR,
  SQL_DROP,
  'n'.repeat(200),
];
export const SQL_FRAGMENTS = [SQL_OR, SQL_DROP];
