import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { STORE_FILE_NAME } from './store.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'crash-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps every acknowledged write after SIGKILL, with an intact database', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'crash-child.ts'), dataDir], {
    cwd: join(here, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line !== 'ready') acknowledged.push(line);
      // Kill mid-stream, while writes are still going: the next write may be half done.
      if (acknowledged.length >= 120) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`child ended before the kill: ${stderr}`)));
  }).catch((error: unknown) => {
    if (acknowledged.length < 120) throw error;
  });
  expect(await exited).toBe('SIGKILL');

  const db = new Database(join(dataDir, STORE_FILE_NAME));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const datasetIds = acknowledged.filter((l) => l.startsWith('dataset ')).map((l) => l.split(' ')[1]!);
    const feedback = new Map(acknowledged.filter((l) => l.startsWith('feedback ')).map((l) => [l.split(' ')[1]!, Number(l.split(' ')[2])]));
    expect(datasetIds.length).toBeGreaterThan(50);
    const hasDataset = db.prepare('SELECT count(*) AS n FROM datasets WHERE id = ?');
    for (const id of datasetIds) expect((hasDataset.get(id) as { n: number }).n, `dataset ${id}`).toBe(1);
    const feedbackOf = db.prepare('SELECT feedback FROM logs WHERE id = ?');
    for (const [id, value] of feedback) expect((feedbackOf.get(id) as { feedback: number }).feedback, `log ${id}`).toBe(value);
  } finally {
    db.close();
  }
}, 60_000);
