import { z } from 'zod';
import { envelopeOf } from './envelope.ts';

/**
 * What `GET /api/session` tells the dashboard: which upstream it is talking to, the account (an id, never a
 * credential), which optional endpoints the account answers (probed by the server and cached briefly), and
 * whether a login stands in front of the API.
 */
export const apiSessionSchema = z.object({
  mode: z.enum(['local', 'cloudflare']),
  account_id: z.string(),
  capabilities: z.object({
    evaluations: z.boolean(),
    logs: z.boolean(),
  }),
  auth: z.object({ required: z.boolean() }),
});
export type ApiSession = z.infer<typeof apiSessionSchema>;

export const apiSessionEnvelopeSchema = envelopeOf(apiSessionSchema);

/** `GET /api/health`: answers without a session, so load balancers and the e2e harness can wait on it. */
export const apiHealthSchema = z.object({ ok: z.literal(true) });

/**
 * The `WWW-Authenticate` scheme of a 401 that the dashboard's own sign-in fixes (a missing or expired
 * session), as opposed to an upstream 401 (a Cloudflare token without the permission).
 */
export const SIGN_IN_SCHEME = 'DashboardSession';
