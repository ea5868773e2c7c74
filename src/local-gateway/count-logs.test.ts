import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { importLogs } from './import-logs.ts';
import { openLocalGateway } from './index.ts';
import { Store } from './store.ts';

let dataDir: string | undefined;
afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

it("counts a gateway's logs from its projection as SQLite does, also after another process wrote some", async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'count-logs-'));
  const gateway = await openLocalGateway({ dataDir, seedLogs: 900, queryThreads: 0 });
  const other = new Store(dataDir);
  try {
    const sqlCount = (gw: string) => other.logs.count(gw);
    for (const gw of ['default', 'production']) expect(gateway.countLogs(gw)).toBe(sqlCount(gw));
    // A write by another store (the CLI, an upload's importer): the projection notices and rebuilds.
    const line = (i: number) => JSON.stringify({ id: `CL${i}`, created_at: new Date(Date.now() - i * 1000).toISOString(), provider: 'openai', model: 'gpt-4o', path: 'v1/chat/completions', duration: 10, success: true, cached: false, tokens_in: 1, tokens_out: 1 });
    expect(importLogs(other, 'default', [1, 2, 3].map(line).join('\n')).ok).toBe(true);
    expect(gateway.countLogs('default')).toBe(sqlCount('default'));
    expect(gateway.countLogs('no-such-gateway')).toBe(0);
  } finally {
    other.close();
    await gateway.close();
  }
});
