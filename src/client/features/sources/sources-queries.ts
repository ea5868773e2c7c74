import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { logSourcesEnvelopeSchema, syncStatusEnvelopeSchema, type SyncAction } from '../../../shared/sources.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import { logQueries } from '../logs/log-queries.ts';
import { uploadSource, type SourceUpload } from './upload-source.ts';

/** Query factory for a gateway's log sources (local mode): entity → gateway → list. */
export const sourcesQueries = {
  all: () => ['sources'] as const,
  gateway: (gw: string) => [...sourcesQueries.all(), gw] as const,
  list: (gw: string) =>
    queryOptions({
      queryKey: [...sourcesQueries.gateway(gw), 'list'] as const,
      queryFn: ({ signal }) => apiRequest({ path: apiPath('gateways', gw, 'sources'), schema: logSourcesEnvelopeSchema, signal }).then((e) => e.result),
    }),
  /** The gateway's sync from the server's account: polled each second while a job runs, so progress moves. */
  sync: (gw: string) =>
    queryOptions({
      queryKey: [...sourcesQueries.gateway(gw), 'sync'] as const,
      queryFn: ({ signal }) => apiRequest({ path: apiPath('gateways', gw, 'sources', 'sync'), schema: syncStatusEnvelopeSchema, signal }).then((e) => e.result),
      refetchInterval: (query) => (query.state.data?.job?.status === 'running' ? 1000 : false),
    }),
};

/** Starts, resumes, retries, pauses or cancels the gateway's sync; the answer is the new status. */
export function useSyncAction(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: SyncAction['action']) =>
      apiRequest({ method: 'POST', path: apiPath('gateways', gw, 'sources', 'sync'), body: { action }, schema: syncStatusEnvelopeSchema }).then((e) => e.result),
    onSuccess: (status) => qc.setQueryData(sourcesQueries.sync(gw).queryKey, status),
  });
}

/** After an upload or a sync run added logs: the gateway's sources (and its sync) and every logs query refetch. */
export function refetchAfterNewLogs(qc: QueryClient, gw: string): Promise<unknown> {
  return Promise.all([qc.invalidateQueries({ queryKey: sourcesQueries.gateway(gw) }), qc.invalidateQueries({ queryKey: logQueries.gateway(gw) })]);
}

/** Uploads a log file; on success the gateway's sources and logs are refetched (the file added logs). */
export function useUploadSource(gw: string, onProgress: (percent: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (upload: SourceUpload) => uploadSource(gw, upload, onProgress),
    onSuccess: () => refetchAfterNewLogs(qc, gw),
  });
}
