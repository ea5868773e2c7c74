import type { SyncJob, SyncStatus } from '../../shared/sources.ts';
import { Store } from '../store.ts';
import { LogsApi, SyncError, type LogsApiSource, type RetryOptions } from './logs-api.ts';
import { sleep } from './pacer.ts';
import { sourceFromEnv, syncPacer } from './run-sync.ts';
import { readSyncState, syncGateway, type SyncProgress } from './sync-gateway.ts';

/**
 * The variables the console's server reads for its syncs. Not `CLOUDFLARE_*`: those switch the console into
 * Cloudflare mode, and a sync copies into the local gateway, so it runs in local mode.
 */
export const SYNC_ENV = {
  token: 'SYNC_CLOUDFLARE_API_TOKEN',
  accountId: 'SYNC_CLOUDFLARE_ACCOUNT_ID',
  baseUrl: 'SYNC_CLOUDFLARE_BASE_URL',
} as const;

export type SyncSourceConfig = { ok: true; source: LogsApiSource } | { ok: false; message: string };

/** The server's sync account from its environment, or what to set (never a value). */
export function syncSourceFromEnv(env: NodeJS.ProcessEnv): SyncSourceConfig {
  const found = sourceFromEnv({ CLOUDFLARE_API_TOKEN: env[SYNC_ENV.token], CLOUDFLARE_ACCOUNT_ID: env[SYNC_ENV.accountId], CLOUDFLARE_BASE_URL: env[SYNC_ENV.baseUrl] });
  if (found.ok) return found;
  // The CLI's messages name its variables; the server's are the same with a prefix.
  return { ok: false, message: found.message.replace(/\bCLOUDFLARE_/g, 'SYNC_CLOUDFLARE_') };
}

export interface SyncJobOptions {
  callsPer5Min?: number;
  retry?: Partial<RetryOptions>;
  lateWindowMs?: number;
  fetchFn?: typeof fetch;
}

/** A refusal of an action that does not fit the job's state (pausing a job that is not running, say). */
export class SyncJobConflict extends Error {}

interface Job {
  view: SyncJob;
  /** Counts of the job's earlier runs (before a pause), added to the current run's. */
  base: { stored: number; alreadyPresent: number; calls: number };
  controller?: AbortController;
  run?: Promise<void>;
}

const nowIso = () => new Date().toISOString();

/**
 * The server's syncs, one job per gateway, run in the server's process and polled by the page. All share
 * one pacer: the server has one account, and Cloudflare's budget of calls is the account's. A job writes
 * through its own connection (as an upload does), so the requests served meanwhile are not held up.
 *
 * Pause and cancel both stop the run (nothing after the last commit is kept; the sync's cursor describes
 * what is stored). A paused or failed job started again continues from that cursor and keeps counting; a
 * cancelled one is over, and the next start is a new job, which also continues from the cursor.
 */
export class SyncJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly api: LogsApi | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly config: SyncSourceConfig,
    private readonly options: SyncJobOptions = {},
  ) {
    if (config.ok) this.api = new LogsApi(config.source, syncPacer(options.callsPer5Min), options.retry, options.fetchFn);
  }

  status(gatewayId: string, reader: Store): SyncStatus {
    const state = readSyncState(reader, gatewayId);
    return {
      configured: this.config.ok,
      missing: this.config.ok ? null : this.config.message,
      account_id: this.config.ok ? this.config.source.accountId : null,
      last_synced_at: state?.lastSyncedAt ?? null,
      job: this.jobs.get(gatewayId)?.view ?? null,
    };
  }

  /** Starts the gateway's sync, resumes a paused one or retries a failed one; a running one is left running. */
  start(gatewayId: string): SyncJob {
    if (!this.config.ok || !this.api) throw new SyncJobConflict(`Sync is not set up on the server: ${this.config.ok ? '' : this.config.message}`);
    const existing = this.jobs.get(gatewayId);
    if (existing?.view.status === 'running') return existing.view;
    const resumes = existing && (existing.view.status === 'paused' || existing.view.status === 'failed');
    const job: Job = resumes
      ? existing
      : {
          base: { stored: 0, alreadyPresent: 0, calls: 0 },
          view: { status: 'running', stored: 0, already_present: 0, expected: null, calls: 0, eta_ms: null, started_at: nowIso(), ended_at: null, error: null },
        };
    job.base = { stored: job.view.stored, alreadyPresent: job.view.already_present, calls: job.view.calls };
    job.view = { ...job.view, status: 'running', expected: null, eta_ms: null, ended_at: null, error: null };
    job.controller = new AbortController();
    this.jobs.set(gatewayId, job);
    job.run = this.runJob(gatewayId, job, this.config.source, this.api, job.controller.signal);
    return job.view;
  }

  /** Stops a running job as paused (to be resumed) or cancelled; cancelling a paused or failed job ends it. */
  async stop(gatewayId: string, as: 'paused' | 'cancelled'): Promise<SyncJob> {
    const job = this.jobs.get(gatewayId);
    if (!job) throw new SyncJobConflict('No sync of this gateway has started');
    const { status } = job.view;
    if (status === 'running') {
      job.view = { ...job.view, status: as, eta_ms: null, ended_at: nowIso() };
      job.controller?.abort();
      // The run ends at its next call; a wait inside a retry-after may take longer, and the job says it stopped already.
      await Promise.race([job.run, sleep(3000)]);
      return job.view;
    }
    if (as === 'cancelled' && (status === 'paused' || status === 'failed')) {
      job.view = { ...job.view, status: 'cancelled', ended_at: nowIso() };
      return job.view;
    }
    throw new SyncJobConflict(`The sync is ${status}; only a running sync can be ${as === 'paused' ? 'paused' : 'cancelled'}`);
  }

  private async runJob(gatewayId: string, job: Job, source: LogsApiSource, api: LogsApi, signal: AbortSignal): Promise<void> {
    const progress = (p: SyncProgress) => {
      if (signal.aborted) return;
      job.view = {
        ...job.view,
        stored: job.base.stored + p.stored,
        already_present: job.base.alreadyPresent + p.alreadyPresent,
        expected: p.expected ?? null,
        calls: job.base.calls + p.calls,
        eta_ms: p.etaMs ?? null,
      };
    };
    let store: Store | undefined;
    try {
      store = new Store(this.dataDir);
      const result = await syncGateway(store, api, source, gatewayId, {
        signal,
        onProgress: progress,
        ...(this.options.lateWindowMs === undefined ? {} : { lateWindowMs: this.options.lateWindowMs }),
      });
      job.view = {
        ...job.view,
        status: 'done',
        stored: job.base.stored + result.stored,
        already_present: job.base.alreadyPresent + result.alreadyPresent,
        calls: job.base.calls + result.calls,
        eta_ms: 0,
        ended_at: nowIso(),
      };
    } catch (error) {
      // Paused or cancelled: the view says so already.
      if (signal.aborted) return;
      const failure =
        error instanceof SyncError
          ? { message: error.message, retryable: error.retryable }
          : // The store's own errors (its write lock held past the wait by a long upload, say) are worth a retry.
            { message: `the sync stopped: ${(error as Error).message}`, retryable: true };
      job.view = { ...job.view, status: 'failed', eta_ms: null, ended_at: nowIso(), error: failure };
    } finally {
      store?.close();
    }
  }

  /** Stops every running job (the server is closing) and waits for them. */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.view.status === 'running');
    for (const job of running) {
      job.view = { ...job.view, status: 'paused', ended_at: nowIso() };
      job.controller?.abort();
    }
    await Promise.all(running.map((j) => j.run));
  }
}
