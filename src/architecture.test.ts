import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import direction of architecture §1: client → shared, server → shared, local-gateway → shared; only
// the server's entry points compose server with local-gateway; shared imports nothing but zod.
const SRC = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specifiers.map((m) => m[1] ?? m[2] ?? '').filter(Boolean);
}

const layerOf = (file: string) => relative(SRC, file).split('/')[0] ?? '';

const ALLOWED: Record<string, string[]> = {
  shared: ['shared'],
  client: ['client', 'shared'],
  server: ['server', 'shared'],
  'local-gateway': ['local-gateway', 'shared', 'test-support'],
  bench: ['bench', 'shared', 'local-gateway', 'server', 'test-support', 'reliability'],
  reliability: ['reliability', 'shared', 'local-gateway', 'server', 'test-support'],
  'test-support': ['test-support', 'shared', 'local-gateway'],
};
/** The composition roots: the server's entry points open the local gateway. */
const COMPOSERS = /^server\/(main|start)\.ts$|^server\/.*\.test\.ts$|^server\/(conformance|test-support)\//;

describe('architecture', () => {
  const files = sourceFiles(SRC).filter((f) => !f.endsWith('architecture.test.ts'));

  it('keeps the import direction', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          if (from === 'shared' && spec !== 'zod' && !spec.startsWith('vitest')) violations.push(`${relative(SRC, file)} imports ${spec}`);
          continue;
        }
        const to = layerOf(resolve(dirname(file), spec));
        // Tests of any layer may use the shared test support (spec validator, CSV reader, ports).
        const allowed = [...(ALLOWED[from] ?? [from]), ...(/\.test\.tsx?$/.test(file) ? ['test-support'] : [])];
        const composer = from === 'server' && to === 'local-gateway' && COMPOSERS.test(relative(SRC, file));
        if (!allowed.includes(to) && !composer) violations.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has no @ts-ignore and no skipped tests', () => {
    const offenders = files.filter((f) => /@ts-ignore|\b(it|test|describe)\.skip\(|\.only\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
