import type { Store } from '../store.ts';
import { LogsApi, SyncError, type LogsApiSource, type RetryOptions } from './logs-api.ts';
import { ACCOUNT_CALLS_PER_WINDOW, DEFAULT_SYNC_PACING, Pacer } from './pacer.ts';
import { syncGateway, type SyncProgress, type SyncResult } from './sync-gateway.ts';

export const DEFAULT_BASE_URL = 'https://api.cloudflare.com/client/v4';

/** The source account from the environment, or the name of what is missing or wrong. */
export function sourceFromEnv(env: NodeJS.ProcessEnv): { ok: true; source: LogsApiSource } | { ok: false; message: string } {
  const token = env.CLOUDFLARE_API_TOKEN?.trim();
  const accountId = env.CLOUDFLARE_ACCOUNT_ID?.trim();
  if (!token) return { ok: false, message: 'CLOUDFLARE_API_TOKEN must be set to an API token with AI Gateway Read' };
  if (!accountId) return { ok: false, message: 'CLOUDFLARE_ACCOUNT_ID must be set to the account whose logs to copy' };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(accountId)) return { ok: false, message: 'CLOUDFLARE_ACCOUNT_ID must be letters, digits, _ or - (32 hex digits at Cloudflare)' };
  const baseUrl = env.CLOUDFLARE_BASE_URL?.trim() || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { ok: false, message: 'CLOUDFLARE_BASE_URL must be a URL such as https://api.cloudflare.com/client/v4' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'CLOUDFLARE_BASE_URL must be an http(s) URL' };
  return { ok: true, source: { baseUrl, accountId, token } };
}

export interface RunSyncOptions {
  /** Calls per 5 minutes this sync may make (default 550 plus a burst of 50: half the account's 1,200). */
  callsPer5Min?: number;
  retry?: Partial<RetryOptions>;
  lateWindowMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  fetchFn?: typeof fetch;
}

export type GatewaySyncOutcome = { gatewayId: string; ok: true; result: SyncResult } | { gatewayId: string; ok: false; message: string; retryable: boolean };

/** The pacer of a sync given `callsPer5Min` in all (burst included). */
export function syncPacer(callsPer5Min?: number): Pacer {
  if (callsPer5Min === undefined) return new Pacer(DEFAULT_SYNC_PACING);
  const burst = Math.max(1, Math.min(50, Math.floor(callsPer5Min / 10)));
  return new Pacer({ perWindow: callsPer5Min - burst, burst, windowMs: 300_000 });
}

/** Syncs the gateways one after the other with one pacer (one budget); a failed one does not stop the others. */
export async function runSync(store: Store, source: LogsApiSource, gatewayIds: string[], options: RunSyncOptions = {}): Promise<GatewaySyncOutcome[]> {
  if (options.callsPer5Min !== undefined && (options.callsPer5Min < 1 || options.callsPer5Min > ACCOUNT_CALLS_PER_WINDOW - 50)) {
    throw new RangeError(`calls per 5 minutes must be from 1 to ${ACCOUNT_CALLS_PER_WINDOW - 50}`);
  }
  const api = new LogsApi(source, syncPacer(options.callsPer5Min), options.retry, options.fetchFn);
  const outcomes: GatewaySyncOutcome[] = [];
  for (const gatewayId of gatewayIds) {
    try {
      const result = await syncGateway(store, api, source, gatewayId, {
        ...(options.lateWindowMs === undefined ? {} : { lateWindowMs: options.lateWindowMs }),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      outcomes.push({ gatewayId, ok: true, result });
    } catch (error) {
      if (error instanceof SyncError) outcomes.push({ gatewayId, ok: false, message: error.message, retryable: error.retryable });
      else throw error;
    }
  }
  return outcomes;
}

const minutes = (ms: number) => (ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`);

/** One progress line: `prod: 1200 of ~5000 new logs (24 %), 30 calls, about 3 min left`. */
export function progressLine(p: SyncProgress): string {
  const parts = [`${p.gatewayId}: ${p.stored} new logs stored`];
  if (p.expected !== undefined) parts[0] = `${p.gatewayId}: ${p.stored} of ~${p.expected} new logs stored (${p.expected > 0 ? Math.min(100, Math.floor((p.stored / p.expected) * 100)) : 100} %)`;
  if (p.alreadyPresent) parts.push(`${p.alreadyPresent} already present`);
  parts.push(`${p.calls} calls`);
  if (p.etaMs !== undefined) parts.push(`about ${minutes(p.etaMs)} left`);
  return parts.join(', ');
}

/** The closing line of a gateway's sync, on stdout when it worked. */
export function outcomeLine(o: GatewaySyncOutcome): string {
  if (!o.ok) return `${o.gatewayId}: sync stopped: ${o.message}`;
  const r = o.result;
  const extra = [r.alreadyPresent ? `${r.alreadyPresent} already present` : '', r.feedbackUpdated ? `feedback of ${r.feedbackUpdated} logs` : '']
    .filter(Boolean)
    .join(', ');
  return `${o.gatewayId}: up to date; ${r.stored} new logs stored${extra ? ` (${extra})` : ''}, ${r.state.synced} synced in all, ${r.calls} calls in ${minutes(r.elapsedMs)}; last synced ${r.state.lastSyncedAt}.`;
}
