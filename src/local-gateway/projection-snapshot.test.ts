import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filtersSchema } from '../shared/filters.ts';
import { GatewayColumns } from './column-store.ts';
import { countLogsBySql } from './filter-sql.ts';
import { checksum } from './column-store/snapshot.ts';
import { Projections, PROJECTIONS_DIR_NAME } from './projections.ts';
import { generateLogs } from './seed.ts';
import { Store } from './store.ts';

/** A saved projection is a cache: used only when SQLite is exactly where it was saved, else rebuilt. */
let dir: string;
let store: Store;
const file = () => join(dir, PROJECTIONS_DIR_NAME, 'main.columns');
const filters = filtersSchema.parse([{ key: 'model', operator: 'contains', value: ['gpt'] }, { key: 'feedback', operator: 'eq', value: [1, 0] }]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'projection-snapshot-'));
  store = new Store(dir);
  store.meta.set('account_id', 'a'.repeat(32));
  store.gateways.create('main');
  store.logs.insert(generateLogs('main', 3000, { endMs: Date.parse('2026-04-01T00:00:00Z'), seed: 3 }));
});
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh projection set over the store, and whether it decoded the logs from SQLite. */
function reopen(): { projections: Projections; decoded: boolean } {
  const load = vi.spyOn(GatewayColumns, 'load');
  const projections = new Projections(store);
  projections.loadAll();
  const decoded = load.mock.calls.length > 0;
  load.mockRestore();
  return { projections, decoded };
}

describe('saved projections', () => {
  it('are read back at the next start, column for column, and answer as SQL does', () => {
    const first = reopen();
    expect(first.decoded).toBe(true);
    first.projections.save();
    expect(existsSync(file())).toBe(true);
    const second = reopen();
    expect(second.decoded).toBe(false);
    const a = first.projections.get('main');
    const b = second.projections.get('main');
    for (const k of ['rid', 'createdAt', 'cost', 'duration', 'tokensIn', 'tokensOut', 'success', 'cached', 'feedback'] as const) expect(b[k]).toEqual(a[k]);
    expect(b.text.model.dict.values).toEqual(a.text.model.dict.values);
    expect(b.valueCounts).toEqual(a.valueCounts);
    expect(b.count(filters)).toBe(countLogsBySql(store.db, 'main', filters));
  });

  it('are not used once a log write moved the generation; the rebuilt one sees the write', () => {
    reopen().projections.save();
    const id = (store.db.prepare("SELECT id FROM logs WHERE gateway_id = 'main' AND feedback = -1 AND model LIKE '%gpt%' LIMIT 1").get() as { id: string }).id;
    store.logs.patch('main', id, { feedback: 1 });
    const after = reopen();
    expect(after.decoded).toBe(true);
    expect(after.projections.get('main').count(filters)).toBe(countLogsBySql(store.db, 'main', filters));
  });

  it('are not used when cut short or from another store', () => {
    reopen().projections.save();
    const whole = readFileSync(file());
    writeFileSync(file(), whole.subarray(0, whole.length - 10));
    expect(reopen().decoded).toBe(true);
    writeFileSync(file(), whole);
    expect(reopen().decoded).toBe(false);
    store.meta.set('account_id', 'b'.repeat(32));
    expect(reopen().decoded).toBe(true);
  });

  it('are not written from inside a transaction (it may yet roll back)', () => {
    const { projections } = reopen();
    store.db.transaction(() => projections.save())();
    expect(existsSync(file())).toBe(false);
    projections.save();
    expect(existsSync(file())).toBe(true);
  });

  it('are not used when a byte of the columns is flipped (checksum); the rebuilt one answers as SQL does', () => {
    reopen().projections.save();
    const bytes = readFileSync(file());
    // The middle of the column bytes (past the header, before the 4 checksum bytes).
    const at = Math.floor((4 + bytes.readUInt32LE(0) + bytes.length - 4) / 2);
    bytes[at]! ^= 0x40;
    writeFileSync(file(), bytes);
    const after = reopen();
    expect(after.decoded).toBe(true);
    expect(after.projections.get('main').count(filters)).toBe(countLogsBySql(store.db, 'main', filters));
    expect(after.projections.get('main').length).toBe(store.logs.count('main'));
  });

  it('are not used when the header lacks a dictionary, even with a matching checksum: a rebuild, not a crash', () => {
    reopen().projections.save();
    const whole = readFileSync(file());
    const headLength = whole.readUInt32LE(0);
    const header = JSON.parse(whole.subarray(4, 4 + headLength).toString('utf8'));
    delete header.dictionaries.model;
    const head = Buffer.from(JSON.stringify(header));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(head.length);
    const columns = whole.subarray(4 + headLength, whole.length - 4);
    // Re-signed as one piece: with 3000 logs every column is a whole number of 32-bit words, so the sum
    // equals the per-column one the reader computes.
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(checksum([size, head, Buffer.from(columns)]));
    writeFileSync(file(), Buffer.concat([size, head, columns, sum]));
    const after = reopen();
    expect(after.decoded).toBe(true);
    expect(after.projections.get('main').count(filters)).toBe(countLogsBySql(store.db, 'main', filters));
    // The same edit without re-signing is caught by the checksum alone.
    writeFileSync(file(), Buffer.concat([size, head, columns, whole.subarray(whole.length - 4)]));
    expect(reopen().decoded).toBe(true);
  });

  it('with a re-signed, undamaged file are still used (the checksum is over exactly what the reader sees)', () => {
    reopen().projections.save();
    const whole = readFileSync(file());
    const headLength = whole.readUInt32LE(0);
    const resigned = Buffer.alloc(4);
    resigned.writeUInt32LE(checksum([whole.subarray(0, 4), whole.subarray(4, 4 + headLength), Buffer.from(whole.subarray(4 + headLength, whole.length - 4))]));
    expect(resigned.equals(whole.subarray(whole.length - 4))).toBe(true);
    expect(reopen().decoded).toBe(false);
  });
});
