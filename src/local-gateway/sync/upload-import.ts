import type { KeyObject } from 'node:crypto';
import { PrivateKeyError, rsaKeyFromPem } from '../import/decrypt.ts';
import { FileImport, type FileImportResult } from '../import/file-import.ts';
import { readInWorker } from '../import/read-in-worker.ts';
import { Store } from '../store.ts';
import type { SyncAction, SyncJob, SyncStatus } from '../../shared/sources.ts';
import { sourcesOf, type LogSource } from './log-sources.ts';
import { SyncJobConflict, SyncJobs, type SyncJobOptions, type SyncSourceConfig } from './sync-job.ts';

export interface UploadOptions {
  gatewayId: string;
  fileName: string;
  /** The PEM private key's bytes, when the user gave one: used for this upload only, then wiped. */
  privateKeyPem?: Buffer | undefined;
}

/**
 * The console's side of the local gateway's log sources: what a gateway's logs came from, and a file
 * uploaded as a stream into the streaming importer (all or nothing, the same file twice adds nothing).
 *
 * Uploads write through their own connection, as the command-line import does from its process: the
 * importer holds one write transaction while lines arrive, and the gateway's own connection must stay
 * free for the requests served meanwhile (their reads see only committed logs; the projections notice the
 * import's commit by its generation). Uploads run one at a time, so a second waits for the first instead
 * of for SQLite's write lock.
 */
export class LocalSources {
  private readonly reader: Store;
  private readonly countLogs: (gatewayId: string) => number;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly syncs: SyncJobs;

  /** `sync`: the account the server syncs from (or what to set for one), and the sync's pacing and retries. */
  constructor(
    private readonly dataDir: string,
    sync: { config: SyncSourceConfig; options?: SyncJobOptions } = { config: { ok: false, message: 'no account to sync from is configured' } },
    /** The gateway's log count; the server gives the local gateway's projection count (SQLite's scan by default). */
    countLogs?: (gatewayId: string) => number,
  ) {
    this.reader = new Store(dataDir);
    this.countLogs = countLogs ?? ((gatewayId) => this.reader.logs.count(gatewayId));
    this.syncs = new SyncJobs(dataDir, sync.config, sync.options);
  }

  syncStatus(gatewayId: string): SyncStatus {
    return this.syncs.status(gatewayId, this.reader);
  }

  /** Starts, pauses or cancels the gateway's sync; an action that does not fit the job's state is a conflict. */
  async syncAction(gatewayId: string, action: SyncAction['action']): Promise<{ ok: true; job: SyncJob } | { ok: false; conflict: string }> {
    try {
      const job = action === 'start' ? this.syncs.start(gatewayId) : await this.syncs.stop(gatewayId, action === 'pause' ? 'paused' : 'cancelled');
      return { ok: true, job };
    } catch (error) {
      if (error instanceof SyncJobConflict) return { ok: false, conflict: error.message };
      throw error;
    }
  }

  /** The gateway's sources, most recent first; undefined when there is no such gateway. */
  list(gatewayId: string): LogSource[] | undefined {
    if (!this.reader.gateways.get(gatewayId)) return undefined;
    return sourcesOf(this.reader.db, gatewayId, this.countLogs(gatewayId));
  }

  /**
   * Imports the body into `gatewayId`; a refusal answers `ok: false` with every problem `line N: field …`,
   * an unusable key `keyProblem` (nothing read).
   */
  async upload(body: ReadableStream<Uint8Array>, options: UploadOptions): Promise<FileImportResult | { ok: false; keyProblem: string }> {
    let privateKey: KeyObject | undefined;
    try {
      privateKey = options.privateKeyPem ? rsaKeyFromPem(options.privateKeyPem) : undefined;
    } catch (error) {
      if (error instanceof PrivateKeyError) return { ok: false, keyProblem: error.message };
      throw error;
    }
    const run = this.queue.then(() => this.importNow(body, options, privateKey));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async importNow(body: ReadableStream<Uint8Array>, options: UploadOptions, privateKey: KeyObject | undefined): Promise<FileImportResult> {
    const store = new Store(this.dataDir);
    try {
      const run = new FileImport(store, { gatewayId: options.gatewayId, privateKey, sourceLabel: options.fileName });
      try {
        // Read, unzipped, parsed, decrypted and checked on the import's reading thread, as a file from the
        // command line is: this thread serves every request, and keeps only the inserts between them.
        await readInWorker(run, body, { gatewayId: options.gatewayId, privateKey });
        return run.finish();
      } catch (error) {
        run.abort();
        throw error;
      }
    } finally {
      store.close();
    }
  }

  async close(): Promise<void> {
    await this.syncs.close();
    this.reader.close();
  }
}
