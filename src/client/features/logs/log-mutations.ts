import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import type { LogDetail } from '../../../shared/logs.ts';
import { logEnvelopeSchema, logQueries, type LogPage } from './log-queries.ts';

export type Feedback = -1 | 0 | 1;

/**
 * PATCH a log's feedback. The thumb moves at once in every cached page that shows the log and moves back
 * if the server refuses; afterwards counts are refreshed, since filters on feedback now match differently.
 */
export function useSetLogFeedback(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, feedback }: { id: string; feedback: Feedback }) =>
      apiRequest({ method: 'PATCH', path: apiPath('gateways', gw, 'logs', id), body: { feedback }, schema: logEnvelopeSchema }).then((e) => e.result),
    onMutate: async ({ id, feedback }) => {
      await qc.cancelQueries({ queryKey: logQueries.lists(gw) });
      await qc.cancelQueries({ queryKey: logQueries.detail(gw, id).queryKey });
      const snapshot = qc.getQueriesData<LogPage>({ queryKey: logQueries.lists(gw) });
      const detail = qc.getQueryData(logQueries.detail(gw, id).queryKey);
      qc.setQueriesData<LogPage>({ queryKey: logQueries.lists(gw) }, (page) =>
        page ? { ...page, result: page.result.map((l) => (l.id === id ? { ...l, feedback } : l)) } : page,
      );
      // The detail panel shows the same thumb as the row, so both move together.
      qc.setQueryData<LogDetail>(logQueries.detail(gw, id).queryKey, (log) => (log ? { ...log, feedback } : log));
      return {
        restore: () => {
          snapshot.forEach(([key, data]) => qc.setQueryData(key, data));
          qc.setQueryData(logQueries.detail(gw, id).queryKey, detail);
        },
      };
    },
    onError: (_e, _v, context) => context?.restore(),
    onSettled: () => qc.invalidateQueries({ queryKey: logQueries.gateway(gw) }),
  });
}
