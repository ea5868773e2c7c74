import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logpushEvent } from '../../test-support/logpush-fixtures.ts';
import { importLogs } from '../import-logs.ts';
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
});
