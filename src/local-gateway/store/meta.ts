import type Database from 'better-sqlite3';

/** Key/value settings of the store itself (the local account id, say). */
export class MetaRepository {
  private readonly getStmt;
  private readonly setStmt;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.db.transaction(() => this.setStmt.run(key, value)).immediate();
  }
}
