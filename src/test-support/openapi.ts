import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { FIXTURE_PATH } from './spec/extract-spec.ts';

/**
 * Validates API responses against the official Cloudflare AI Gateway OpenAPI subset (OpenAPI 3.1, whose
 * schemas are JSON Schema 2020-12), read from the committed structural extract in `spec/` (its script and
 * provenance note are beside it; CI checks it against the official document).
 */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation | unknown>>;
  components?: object;
}

let spec: Spec | undefined;
const loadSpec = (): Spec => (spec ??= JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Spec);

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const compiled = new Map<string, ValidateFunction>();

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The spec's path template for a request path (full URL, `/client/v4/...` or a spec-relative path). */
export function findPathTemplate(path: string): string | undefined {
  let p = path.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
  const prefix = p.indexOf('/client/v4/');
  if (prefix >= 0) p = p.slice(prefix + '/client/v4'.length);
  const segments = p.split('/');
  let best: { template: string; params: number } | undefined;
  for (const template of Object.keys(loadSpec().paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let params = 0;
    const matches = parts.every((part, i) => {
      if (/^\{[^}]+\}$/.test(part)) return ++params > 0 && segments[i] !== '';
      return part === segments[i];
    });
    // Prefer the most literal template (fewest parameters) when several match.
    if (matches && (!best || params < best.params)) best = { template, params };
  }
  return best?.template;
}

export interface SpecCheck {
  template: string;
  /** The status whose schema was used: the response's own, or for an undeclared error status the operation's error shape. */
  checkedAs: string;
  errors: string[];
}

/**
 * Validates `body` as the response of `method path` with `status`. A status the operation does not declare
 * (401, 403, 405, 413 …) is checked against the operation's declared 404 (else 400) error shape, so the
 * envelope is still held to Cloudflare's error body (for a method the path lacks, another operation's of
 * the same path); `checkedAs` says which was used.
 */
export function checkResponse(method: string, path: string, status: number, body: unknown): SpecCheck {
  const template = findPathTemplate(path);
  if (!template) return { template: '', checkedAs: '', errors: [`no path in the spec matches ${path}`] };
  const m = method.toLowerCase();
  if (!METHODS.includes(m)) return { template, checkedAs: '', errors: [`unknown method ${method}`] };
  const item = loadSpec().paths[template]!;
  let operation = item[m] as Operation | undefined;
  // A method the path does not take (405) is checked against an error shape declared on that path.
  if (!operation && status >= 400) operation = METHODS.map((other) => item[other] as Operation | undefined).find(Boolean);
  if (!operation) return { template, checkedAs: '', errors: [`${method.toUpperCase()} ${template} is not in the spec`] };
  let checkedAs = String(status);
  if (!operation.responses[checkedAs]) {
    if (status < 400) return { template, checkedAs: '', errors: [`status ${status} is not declared for ${m} ${template}`] };
    checkedAs = operation.responses['404'] ? '404' : operation.responses['400'] ? '400' : '';
    if (!checkedAs) return { template, checkedAs, errors: [`no error response declared for ${m} ${template}`] };
  }
  const key = `${operation === item[m] ? m : 'error'} ${template} ${checkedAs}`;
  let validate = compiled.get(key);
  if (!validate) {
    const schema = operation.responses[checkedAs]!.content?.['application/json']?.schema;
    if (!schema) return { template, checkedAs, errors: [`no JSON schema for ${key}`] };
    // Root-relative $refs (#/components/...) resolve against the compiled root, so carry components along.
    validate = ajv.compile({ ...schema, components: loadSpec().components });
    compiled.set(key, validate);
  }
  const valid = validate(body);
  const errors = valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  return { template, checkedAs, errors };
}

/** Throws with every violation when `body` does not conform; returns the template and status used. */
export function assertMatchesSpec(method: string, path: string, status: number, body: unknown): SpecCheck {
  const check = checkResponse(method, path, status, body);
  if (check.errors.length) {
    throw new Error(`${method.toUpperCase()} ${path} → ${status} breaks the spec (${check.template} ${check.checkedAs}):\n  ${check.errors.join('\n  ')}\n${JSON.stringify(body).slice(0, 800)}`);
  }
  return check;
}
