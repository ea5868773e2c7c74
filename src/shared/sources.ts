import { z } from 'zod';
import { envelopeOf } from './envelope.ts';

/**
 * Where a gateway's logs came from (local mode): the seed's demo logs, an imported file, or a sync from a
 * Cloudflare account. Wire shape of `GET /api/gateways/:gw/sources`.
 */
export const logSourceSchema = z.object({
  kind: z.enum(['seed', 'file', 'sync']),
  /** The file's name, the account and gateway synced from, or what the seed made. */
  label: z.string(),
  /** Logs this source added, over all its runs. */
  logs: z.number().int().nonnegative(),
  /** When it last added logs (ISO 8601). */
  at: z.string(),
});
export type LogSource = z.infer<typeof logSourceSchema>;

export const logSourcesEnvelopeSchema = envelopeOf(z.array(logSourceSchema));

/** Headers of `POST /api/gateways/:gw/sources` (the body is the file itself, raw, gzipped or not). */
export const SOURCE_UPLOAD_HEADERS = {
  /** The file's name, URI-encoded: recorded as the source and named in errors. */
  fileName: 'x-file-name',
  /** Optional: the PEM private key, base64 (a header cannot hold PEM's line breaks). Never stored. */
  privateKey: 'x-private-key',
} as const;

/** A file name as the upload header carries it (decoded): what a person would call the file, no path. */
export const uploadFileNameSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(255, 'must be at most 255 characters')
  .refine((s) => !/[/\\\0]/.test(s), 'must be a file name, not a path');

export const sourceUploadResultSchema = z.object({
  file_name: z.string(),
  /** Logs added to the gateway by this upload. */
  imported: z.number().int().nonnegative(),
  /** Lines whose log was stored already (the same file again): skipped. */
  already_present: z.number().int().nonnegative(),
  /** Encrypted fields left out because no private key was given. */
  kept_out: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
});
export type SourceUploadResult = z.infer<typeof sourceUploadResultSchema>;

export const sourceUploadEnvelopeSchema = envelopeOf(sourceUploadResultSchema);

/**
 * A sync of the gateway from the Cloudflare account configured on the server, run by the server as a job
 * the page polls (`GET /api/gateways/:gw/sources/sync`). Counts are this job's, over its runs (a paused
 * job resumed adds to them).
 */
export const syncJobSchema = z.object({
  status: z.enum(['running', 'paused', 'cancelled', 'done', 'failed']),
  /** New logs stored by this job. */
  stored: z.number().int().nonnegative(),
  /** Logs met that were stored already. */
  already_present: z.number().int().nonnegative(),
  /** Logs newer than the cursor when the current run began (the account's count), once known. */
  expected: z.number().int().nonnegative().nullable(),
  calls: z.number().int().nonnegative(),
  /** Time left at this run's pace, once it has one. */
  eta_ms: z.number().nonnegative().nullable(),
  started_at: z.string(),
  /** When the job stopped (done, failed, paused or cancelled). */
  ended_at: z.string().nullable(),
  /** Why a failed job stopped, and whether trying again as it is may work (the API was busy or down). */
  error: z.object({ message: z.string(), retryable: z.boolean() }).nullable(),
});
export type SyncJob = z.infer<typeof syncJobSchema>;

export const syncStatusSchema = z.object({
  /** Whether the server has an account to sync from; when not, `missing` says what to set. */
  configured: z.boolean(),
  missing: z.string().nullable(),
  /** The account the server syncs from (its id is no secret; the token is never answered). */
  account_id: z.string().nullable(),
  /** When this gateway's sync last ended up to date, or null before one did. */
  last_synced_at: z.string().nullable(),
  /** The gateway's latest job since the server started, or null. */
  job: syncJobSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export const syncStatusEnvelopeSchema = envelopeOf(syncStatusSchema);

/** `POST /api/gateways/:gw/sources/sync`: start (or resume, or retry) a sync, pause it, or cancel it. */
export const syncActionSchema = z.object({ action: z.enum(['start', 'pause', 'cancel']) }).strict();
export type SyncAction = z.infer<typeof syncActionSchema>;
