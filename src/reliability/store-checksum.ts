import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { STORE_FILE_NAME } from '../local-gateway/store.ts';

/**
 * sha256 over every table of the local gateway's store (rows as JSON, sorted, table by table), read over a
 * second read-only connection so the running server is not disturbed. Equal before and after a batch of
 * refused requests means none of them wrote anything.
 */
export function storeChecksum(dataDir: string): { sha256: string; rows: Record<string, number> } {
  const db = new Database(join(dataDir, STORE_FILE_NAME), { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const rows: Record<string, number> = {};
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) {
      const dump = (db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all() as unknown[][]).map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      dump.sort();
      rows[name] = dump.length;
      hash.update(`${name}\n${dump.join('\n')}\n`);
    }
    return { sha256: hash.digest('hex'), rows };
  } finally {
    db.close();
  }
}
