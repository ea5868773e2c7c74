import type Database from 'better-sqlite3';
import type { EvaluationType } from '../../shared/evaluations.ts';

/** The evaluators an evaluation can run; account-wide and fixed by the build (see evaluator.ts). */
export class EvaluationTypeRepository {
  private readonly allStmt;
  private readonly upsertStmt;

  constructor(private readonly db: Database.Database) {
    this.allStmt = db.prepare<[], Record<string, unknown>>('SELECT * FROM evaluation_types');
    this.upsertStmt = db.prepare(
      `INSERT INTO evaluation_types (id, name, type, description, enable, mandatory, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
    );
  }

  /** Adds the types this store lacks; an existing type is left as it is. */
  upsert(types: readonly EvaluationType[]): void {
    this.db.transaction(() => {
      for (const t of types)
        this.upsertStmt.run(t.id, t.name, t.type, t.description, t.enable ? 1 : 0, t.mandatory ? 1 : 0, t.created_at, t.modified_at);
    }).immediate();
  }

  all(): EvaluationType[] {
    return this.allStmt.all().map((r) => ({
      id: r.id as string,
      name: r.name as string,
      type: r.type as string,
      description: r.description as string,
      enable: r.enable === 1,
      mandatory: r.mandatory === 1,
      created_at: r.created_at as string,
      modified_at: r.modified_at as string,
    }));
  }
}
