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

/**
 * The client's zones (architecture §1), each importing only the ones to its left: lib (api-client, URL
 * state, paths, formatting, form errors, undo-delete, debounce) ← components (UI fed by props) ←
 * features/* ← app (composes). `main.tsx` is the entry point and counts as app.
 */
const CLIENT_ZONES = ['lib', 'components', 'features', 'app'] as const;
type ClientZone = { zone: (typeof CLIENT_ZONES)[number]; feature?: string };

function clientZoneOf(file: string): ClientZone {
  const [, top, feature] = relative(SRC, file).split('/');
  if (top === 'features') return { zone: 'features', feature };
  if (top === 'lib' || top === 'components' || top === 'app') return { zone: top };
  return { zone: 'app' };
}

function mayImport(from: ClientZone, to: ClientZone, target: string): boolean {
  if (CLIENT_ZONES.indexOf(to.zone) > CLIENT_ZONES.indexOf(from.zone)) return false;
  // Another feature is reached only through its query factories and query hooks.
  if (from.zone === 'features' && to.zone === 'features' && from.feature !== to.feature) return /-queries\.ts$/.test(target);
  return true;
}

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

  it('keeps the client zones: lib ← components ← features ← app, features meeting only through *-queries.ts', () => {
    const violations: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'client')) {
      const from = clientZoneOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (layerOf(target) !== 'client') continue;
        const to = clientZoneOf(target);
        // A test composes what it renders, as the app does (e.g. with the app's providers).
        if (/\.test\.tsx?$/.test(file) && to.zone === 'app') continue;
        if (!mayImport(from, to, target)) violations.push(`${relative(SRC, file)} (${from.zone}) imports ${spec} (${to.zone})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has no @ts-ignore and no skipped tests', () => {
    const offenders = files.filter((f) => /@ts-ignore|\b(it|test|describe)\.skip\(|\.only\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
