import type Database from 'better-sqlite3';

/** A log's request or response as the local gateway kept it (decrypted Logpush bodies, the seed's samples). */
export type BodyPart = 'request' | 'response';

/** Reads the bodies kept beside logs (table log_extras); a log without a row has none. */
export class LogBodyRepository {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Database.Database) {
    this.getStmt = db.prepare<[string, string], { request_body: string | null; response_body: string | null }>(
      `SELECT e.request_body, e.response_body FROM log_extras e JOIN logs l ON l.id = e.log_id WHERE l.gateway_id = ? AND l.id = ?`,
    );
    this.setStmt = db.prepare(
      `INSERT INTO log_extras (log_id, request_body, response_body) VALUES (?, ?, ?)
       ON CONFLICT(log_id) DO UPDATE SET request_body = excluded.request_body, response_body = excluded.response_body`,
    );
  }

  /** The kept text, or undefined when the log (in this gateway) has none. */
  get(gatewayId: string, id: string, part: BodyPart): string | undefined {
    const row = this.getStmt.get(gatewayId, id);
    return (part === 'request' ? row?.request_body : row?.response_body) ?? undefined;
  }

  /** Keeps a log's bodies; the caller holds the transaction (the seed writes many). */
  set(id: string, request: string | null, response: string | null): void {
    this.setStmt.run(id, request, response);
  }
}
