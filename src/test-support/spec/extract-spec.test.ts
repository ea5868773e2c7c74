import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSubset, FIXTURE_PATH, USED_PATHS } from './extract-spec.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A spec with every used path, one of them carrying prose, extensions, a $ref and a property named like prose. */
function syntheticSpec() {
  const paths: Record<string, unknown> = Object.fromEntries(USED_PATHS.map((p) => [p, { get: { responses: {} } }]));
  paths[USED_PATHS[2]!] = {
    get: {
      operationId: 'get-one',
      summary: 'Fetch a gateway',
      description: 'Long prose.',
      tags: ['AI Gateway'],
      'x-fern-sdk-method-name': 'get',
      'x-oracle-source': 'somewhere',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 64, pattern: '^[a-z]+$', example: 'gw' } }],
      responses: {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Gateway' } } },
        },
      },
    },
  };
  paths['/accounts/{account_id}/ai-gateway/billing/topup'] = { post: { responses: {} } };
  return {
    openapi: '3.1.0',
    info: { title: 'T', description: 'D', version: '4', license: { name: 'BSD-3-Clause' } },
    servers: [{ url: 'https://api.example/client/v4', description: 'Client API' }],
    paths,
    components: {
      schemas: {
        Gateway: {
          type: 'object',
          title: 'Gateway',
          required: ['id', 'description'],
          properties: {
            id: { type: 'string', 'x-auditable': true },
            description: { type: 'string', description: 'what the gateway is for' },
            kind: { type: 'string', enum: ['a', 'b'], default: 'a' },
            owner: { $ref: '#/components/schemas/Owner' },
          },
        },
        Owner: { type: 'object', properties: { name: { type: 'string', minLength: 1 } } },
        Unused: { type: 'object' },
      },
    },
  };
}

describe('the spec extract script', () => {
  const subset = JSON.parse(extractSubset(JSON.stringify(syntheticSpec())));
  const one = subset.paths[USED_PATHS[2]!].get;

  it('keeps the used paths only, with their structure and none of their prose or extensions', () => {
    expect(Object.keys(subset.paths)).toEqual(USED_PATHS);
    expect(one).toEqual({
      operationId: 'get-one',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 64, pattern: '^[a-z]+$' } }],
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Gateway' } } } } },
    });
    expect(subset.servers).toEqual([{ url: 'https://api.example/client/v4' }]);
    expect(subset.info).toMatchObject({ version: '4', license: { name: 'BSD-3-Clause' } });
  });

  it('carries the components the kept paths reach, transitively, and keeps a property named "description"', () => {
    expect(Object.keys(subset.components.schemas).sort()).toEqual(['Gateway', 'Owner']);
    expect(subset.components.schemas.Gateway).toEqual({
      type: 'object',
      required: ['id', 'description'],
      properties: {
        id: { type: 'string' },
        description: { type: 'string' },
        kind: { type: 'string', enum: ['a', 'b'], default: 'a' },
        owner: { $ref: '#/components/schemas/Owner' },
      },
    });
  });

  it('refuses a spec that lacks a used path, naming it', () => {
    const spec = syntheticSpec();
    delete spec.paths[USED_PATHS[0]!];
    expect(() => extractSubset(JSON.stringify(spec))).toThrow(USED_PATHS[0]!);
  });

  it('writes the same bytes for the same input (so CI can compare with the committed extract)', () => {
    const source = JSON.stringify(syntheticSpec());
    expect(extractSubset(source)).toBe(extractSubset(source));
  });
});

describe('the committed spec extract', () => {
  const fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'));

  it('holds every used path and no prose or vendor keyword at operation level', () => {
    expect(Object.keys(fixture.paths)).toEqual(USED_PATHS);
    for (const item of Object.values<Record<string, Record<string, unknown>>>(fixture.paths)) {
      for (const operation of Object.values(item)) {
        const keys = Object.keys(operation);
        expect(keys.filter((k) => ['summary', 'description', 'tags'].includes(k) || k.startsWith('x-'))).toEqual([]);
      }
    }
    expect(JSON.stringify(fixture)).not.toMatch(/"x-(fern|oracle|auditable)/);
  });

  it('is what the tests use: nothing under src/ or e2e/ names a folder beside the repository', () => {
    // Built from parts so that this file does not match what it looks for.
    const shared = ['sha', 'red'].join('');
    const patterns = [`'..', '${shared}'`, `${shared}/openapi`, `${shared}/oracle`, `${shared}/design`, `${shared}/reference`];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|js|mjs|json|md)$/.test(name) && !/\.subset\.json$/.test(name)) {
          const text = readFileSync(path, 'utf8');
          for (const p of patterns) if (text.includes(p)) offenders.push(`${relative(ROOT, path)}: ${p}`);
        }
      }
    };
    walk(join(ROOT, 'src'));
    walk(join(ROOT, 'e2e'));
    expect(offenders).toEqual([]);
  });
});
