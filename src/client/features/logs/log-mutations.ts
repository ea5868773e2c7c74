import { matchQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import { envelopeOf } from '../../../shared/envelope.ts';
import { logPatchResultSchema, type LogDetail, type LogPatch } from '../../../shared/logs.ts';
import { logQueries, type LogPage } from './log-queries.ts';

const patchEnvelopeSchema = envelopeOf(logPatchResultSchema);

/** Thumbs down, none, thumbs up: what the PATCH schema takes. */
export type Feedback = NonNullable<LogPatch['feedback']>;

/**
 * PATCH a log's feedback. The thumb moves at once in every cached page that shows the log and moves back
 * if the server refuses; afterwards counts are refreshed, since filters on feedback now match differently.
 */
export function useSetLogFeedback(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, feedback }: { id: string; feedback: Feedback }) =>
      apiRequest({ method: 'PATCH', path: apiPath('gateways', gw, 'logs', id), body: { feedback }, schema: patchEnvelopeSchema }).then((e) => e.result),
    onMutate: async ({ id, feedback }) => {
      const lists = { queryKey: logQueries.lists(gw) };
      const infinites = { queryKey: logQueries.infinites(gw) };
      const detailKey = logQueries.detail(gw, id).queryKey;
      await Promise.all([qc.cancelQueries(lists), qc.cancelQueries(infinites), qc.cancelQueries({ queryKey: detailKey })]);
      const pages = qc.getQueriesData<LogPage>(lists);
      const scrolls = qc.getQueriesData<InfiniteData<LogPage>>(infinites);
      const detail = qc.getQueryData(detailKey);
      const mark = (page: LogPage): LogPage => ({ ...page, result: page.result.map((l) => (l.id === id ? { ...l, feedback } : l)) });
      qc.setQueriesData<LogPage>(lists, (page) => (page ? mark(page) : page));
      qc.setQueriesData<InfiniteData<LogPage>>(infinites, (data) => (data ? { ...data, pages: data.pages.map(mark) } : data));
      // The detail panel shows the same thumb as the row, so both move together.
      qc.setQueryData<LogDetail>(detailKey, (log) => (log ? { ...log, feedback } : log));
      return {
        restore: () => {
          [...pages, ...scrolls].forEach(([key, data]) => qc.setQueryData(key, data));
          qc.setQueryData(detailKey, detail);
        },
      };
    },
    onError: (_e, _v, context) => context?.restore(),
    onSettled: async () => {
      // A continuous list refetches every page it has loaded (hundreds, deep in a scroll) when invalidated, for
      // one thumb the cache already shows; so it is only marked stale, and refetched when next opened.
      const infinites = logQueries.infinites(gw);
      await Promise.all([
        qc.invalidateQueries({ queryKey: logQueries.gateway(gw), predicate: (q) => !matchQuery({ queryKey: infinites }, q) }),
        qc.invalidateQueries({ queryKey: infinites, refetchType: 'none' }),
      ]);
    },
  });
}
