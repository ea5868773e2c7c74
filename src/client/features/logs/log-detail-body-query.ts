import { queryOptions } from '@tanstack/react-query';
import { envelopeOf } from '../../../shared/envelope.ts';
import { logBodySchema, type LogBody } from '../../../shared/logs.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import { isApiError } from '../../lib/api-error.ts';

/** Which of a log's two bodies. */
export type LogBodyPart = 'request' | 'response';

const logBodyEnvelopeSchema = envelopeOf(logBodySchema);

/**
 * One log's request or response body, asked for when the drawer shows the log (the list never carries
 * bodies). `null` when the gateway kept none: the route answers 404 for that, and the log itself is known
 * to exist since the drawer already loaded it, so a 404 here is an answer, not a failure.
 */
export const logBodyQuery = (gw: string, id: string, part: LogBodyPart) =>
  queryOptions({
    // Outside the `logs` keys on purpose: a saved thumb invalidates (and cancels) everything under those,
    // and a kept body never changes, so it has no reason to be fetched again.
    queryKey: ['log-bodies', gw, id, part] as const,
    queryFn: ({ signal }): Promise<LogBody | null> =>
      apiRequest({ path: apiPath('gateways', gw, 'logs', id, part), schema: logBodyEnvelopeSchema, signal }).then(
        (e) => e.result,
        (e: unknown) => {
          if (isApiError(e) && e.status === 404) return null;
          throw e;
        },
      ),
    // For the same reason no refetch on focus or remount.
    staleTime: Infinity,
  });
