import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logpushEvent } from '../../test-support/logpush-fixtures.ts';
import { importLogFile, importLogs } from '../import-logs.ts';
import { openLocalGateway } from '../index.ts';
import { Store } from '../store.ts';

let dataDir: string;
let store: Store;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'file-import-test-'));
  await (await openLocalGateway({ dataDir, seedLogs: 0, queryThreads: 0 })).close();
  store = new Store(dataDir);
});

afterEach(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const lines = (from: number, to: number, gateway = 'logpush-gw') => Array.from({ length: to - from }, (_, k) => JSON.stringify(logpushEvent(from + k, { Gateway: gateway })));
const countIn = (gateway: string) => store.db.prepare('SELECT count(*) FROM logs WHERE gateway_id = ?').pluck().get(gateway);

describe('FileImport in batches', () => {
  it('counts each log once across batch edges: repeats within a batch and logs stored before are already present', () => {
    expect(importLogs(store, undefined, lines(0, 100).join('\n'))).toMatchObject({ ok: true, imported: 100 });
    // 100 known, 150 new, and line 3 repeated at the end of the first batch and in the last.
    const text = [...lines(50, 300), lines(52, 53)[0], lines(52, 53)[0]].join('\n');
    expect(importLogs(store, undefined, text)).toMatchObject({ ok: true, lines: 252, imported: 200, alreadyPresent: 52 });
    expect(countIn('logpush-gw')).toBe(300);
    // Rated-limited events (one in ten) keep their extras row, once each.
    expect(store.db.prepare('SELECT count(*) FROM log_extras').pluck().get()).toBe(30);
  });

  it('refuses a file whose log is stored in another gateway, naming its line, and stores none of it', () => {
    // The same lines sent to `other` by --gateway: same text, so the same ids.
    expect(importLogs(store, 'other', lines(0, 10).join('\n'))).toMatchObject({ ok: true, imported: 10 });
    // Line 101 is one of those, now for logpush-gw: it falls in the second batch.
    const clash = [...lines(1000, 1100), ...lines(5, 6), ...lines(1100, 1200)];
    const result = importLogs(store, undefined, clash.join('\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^line 101: id \w{26} already exists in gateway other$/);
    expect(countIn('logpush-gw')).toBe(0);
  });

  it('reads a file on another thread with the same outcome as line by line: problems by line, then every row once', async () => {
    // Several batches (128 rows each), line 900 bad, and the same lines fed one by one for comparison.
    const good = lines(0, 1000);
    const bad = [...good];
    bad[899] = JSON.stringify(logpushEvent(899, { StatusCode: 42 }));
    const file = join(dataDir, 'events.ndjson');
    writeFileSync(file, `${bad.join('\n')}\n`);
    const seen: number[] = [];
    const refused = await importLogFile(store, file, {}, (bytes) => seen.push(bytes));
    expect(refused).toEqual({ ok: false, errors: ['line 900: StatusCode must be an HTTP status'] });
    expect(seen.length).toBeGreaterThan(0);
    expect(countIn('logpush-gw')).toBe(0);
    expect(store.gateways.get('logpush-gw')).toBeUndefined();

    writeFileSync(file, `${good.join('\r\n')}\r\n\r\n`);
    expect(await importLogFile(store, file)).toMatchObject({ ok: true, format: 'logpush', lines: 1001, imported: 1000, alreadyPresent: 0, byGateway: { 'logpush-gw': 1000 } });
    const stored = store.db.prepare('SELECT * FROM logs WHERE gateway_id = ? ORDER BY rid').all('logpush-gw');
    expect(store.db.prepare('SELECT count(*) FROM log_extras').pluck().get()).toBe(100);
    // Line by line into another gateway: the same rows, but for their ids, gateway and rowids.
    const other = new Store(mkdtempSync(join(tmpdir(), 'file-import-lines-')));
    try {
      expect(importLogs(other, undefined, good.join('\n'))).toMatchObject({ ok: true, imported: 1000 });
      const byLine = other.db.prepare('SELECT * FROM logs WHERE gateway_id = ? ORDER BY rid').all('logpush-gw');
      const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), rid: 0 }));
      expect(strip(stored)).toEqual(strip(byLine));
    } finally {
      other.close();
      rmSync(other.dataDir, { recursive: true, force: true });
    }
    // Again: nothing added.
    expect(await importLogFile(store, file)).toMatchObject({ ok: true, imported: 0, alreadyPresent: 1000 });
    expect(countIn('logpush-gw')).toBe(1000);
  });
});
