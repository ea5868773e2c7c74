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
