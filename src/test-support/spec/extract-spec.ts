// Writes the structural extract of Cloudflare's OpenAPI document that the spec-based tests read: the paths
// this project calls or serves, with parameters, schemas, enums, limits, required and patterns, and no
// prose or vendor extensions. The document itself is given on the command line, so the project never
// names where it lives; CI regenerates the extract from it and fails when the committed one differs.
//   usage: node --import tsx src/test-support/spec/extract-spec.ts <openapi.json> [<out.json>]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PATH = join(dirname(fileURLToPath(import.meta.url)), 'cloudflare-ai-gateway.subset.json');

const BASE = '/accounts/{account_id}/ai-gateway';
/** Every path the server's upstream calls and the local gateway serves; all of a path's methods are kept,
 * so an answer to a method the path lacks (405) is still held to the path's error shape. */
export const USED_PATHS = [
  '/evaluation-types',
  '/gateways',
  '/gateways/{id}',
  '/gateways/{gateway_id}/datasets',
  '/gateways/{gateway_id}/datasets/{id}',
  '/gateways/{gateway_id}/evaluations',
  '/gateways/{gateway_id}/evaluations/{id}',
  '/gateways/{gateway_id}/logs',
  '/gateways/{gateway_id}/logs/{id}',
].map((p) => BASE + p);

/** Words for people, not structure. */
const PROSE = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'tags', 'security']);
/** Objects whose keys are names (properties, status codes, media types …), not keywords: keep every key. */
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'schemas', 'responses', 'content', 'headers', 'paths']);
/** Values that are data (an enum's members, a default), copied as they are. */
const DATA = new Set(['enum', 'const', 'default', 'required']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function strip(node: Json): Json {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (PROSE.has(key) || key.startsWith('x-')) continue;
    if (DATA.has(key)) out[key] = value;
    else if (NAMED.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, v]) => [name, strip(v)]));
    } else out[key] = strip(value);
  }
  return out;
}

/** `#/components/...` references reachable from `node`, followed transitively through `spec`. */
function collectRefs(spec: { [key: string]: Json }, node: Json, seen = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(spec, n, seen));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/') && !seen.has(value)) {
        seen.add(value);
        collectRefs(spec, resolvePointer(spec, value), seen);
      } else collectRefs(spec, value, seen);
    }
  }
  return seen;
}

function resolvePointer(spec: Json, ref: string): Json {
  let at: Json = spec;
  for (const raw of ref.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !(part in at)) throw new Error(`unresolved $ref ${ref}`);
    at = at[part]!;
  }
  return at;
}

export function extractSubset(source: string): string {
  const spec = JSON.parse(source) as { [key: string]: Json };
  const allPaths = spec.paths as { [path: string]: Json };
  const missing = USED_PATHS.filter((p) => !(p in allPaths));
  if (missing.length) throw new Error(`the spec lacks ${missing.join(', ')}`);
  const paths = Object.fromEntries(USED_PATHS.map((p) => [p, allPaths[p]!]));

  const components: { [section: string]: { [name: string]: Json } } = {};
  for (const ref of [...collectRefs(spec, paths)].sort()) {
    const [, , section, name] = ref.split('/');
    if (!ref.startsWith('#/components/') || !section || !name) throw new Error(`unexpected $ref ${ref}`);
    (components[section] ??= {})[name] = resolvePointer(spec, ref);
  }

  const info = spec.info as { [key: string]: Json };
  const subset = {
    openapi: spec.openapi,
    info: {
      version: info.version,
      license: info.license,
      'x-extract': {
        note: 'Structural extract written by src/test-support/spec/extract-spec.ts; see SOURCE.md beside it.',
        source_sha256: createHash('sha256').update(source).digest('hex'),
      },
    },
    servers: strip(spec.servers as Json),
    paths: strip(paths),
    ...(Object.keys(components).length ? { components: strip(components as Json) } : {}),
  };
  return `${JSON.stringify(subset, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, out = FIXTURE_PATH] = process.argv.slice(2);
  if (!input) {
    console.error('usage: extract-spec.ts <openapi.json> [<out.json>]');
    process.exit(2);
  }
  writeFileSync(out, extractSubset(readFileSync(input, 'utf8')));
  console.log(`wrote ${out}`);
}
