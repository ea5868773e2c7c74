import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { DatasetInput } from '../../../shared/datasets.ts';
import { envelopeOf } from '../../../shared/envelope.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import { datasetEnvelopeSchema, datasetQueries, type DatasetListItem, type DatasetPage } from './dataset-queries.ts';

const deleteEnvelopeSchema = envelopeOf(z.unknown());

function invalidateDatasets(qc: QueryClient, gw: string) {
  return qc.invalidateQueries({ queryKey: datasetQueries.gateway(gw) });
}

/** POST a new dataset. Resolves with the created dataset; the caller navigates and toasts. */
export function useCreateDataset(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DatasetInput) =>
      apiRequest({ method: 'POST', path: apiPath('gateways', gw, 'datasets'), body: input, schema: datasetEnvelopeSchema }).then((e) => e.result),
    onSuccess: async (dataset) => {
      qc.setQueryData(datasetQueries.detail(gw, dataset.id).queryKey, dataset);
      await qc.invalidateQueries({ queryKey: datasetQueries.lists(gw) });
    },
  });
}

/** PUT = full replace of name, enable and filters (the seed operation). */
export function useUpdateDataset(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: DatasetInput }) =>
      apiRequest({ method: 'PUT', path: apiPath('gateways', gw, 'datasets', id), body: input, schema: datasetEnvelopeSchema }).then((e) => e.result),
    onSuccess: async (dataset) => {
      qc.setQueryData(datasetQueries.detail(gw, dataset.id).queryKey, dataset);
      await qc.invalidateQueries({ queryKey: datasetQueries.lists(gw) });
    },
  });
}

/** Applies `change` to the dataset `id` wherever a cached list shows it; returns what to restore. */
function patchLists(qc: QueryClient, gw: string, change: (items: DatasetListItem[]) => DatasetListItem[]) {
  const snapshot = qc.getQueriesData<DatasetPage>({ queryKey: datasetQueries.lists(gw) });
  qc.setQueriesData<DatasetPage>({ queryKey: datasetQueries.lists(gw) }, (page) => (page ? { ...page, result: change(page.result) } : page));
  return () => snapshot.forEach(([key, data]) => qc.setQueryData(key, data));
}

/**
 * Flip `enable` optimistically: the switch moves at once, and snaps back if the PUT fails. PUT needs the
 * whole dataset, so it sends the row's name and filters unchanged.
 */
export function useSetDatasetEnabled(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ dataset, enable }: { dataset: DatasetListItem; enable: boolean }) =>
      apiRequest({
        method: 'PUT',
        path: apiPath('gateways', gw, 'datasets', dataset.id),
        body: { name: dataset.name, enable, filters: dataset.filters },
        schema: datasetEnvelopeSchema,
      }).then((e) => e.result),
    onMutate: async ({ dataset, enable }) => {
      await qc.cancelQueries({ queryKey: datasetQueries.lists(gw) });
      const restore = patchLists(qc, gw, (items) => items.map((d) => (d.id === dataset.id ? { ...d, enable } : d)));
      return { restore };
    },
    onError: (_e, _v, context) => context?.restore(),
    onSettled: () => invalidateDatasets(qc, gw),
  });
}

/**
 * DELETE a dataset (the Undo window is the caller's, `lib/use-undo-delete.ts`). Resolves once the lists are
 * read again, so the row leaves the list together with its count. `keepalive` lets it outlive a closing tab.
 */
export function useDeleteDataset(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, keepalive = false }: { id: string; keepalive?: boolean }) =>
      apiRequest({ method: 'DELETE', path: apiPath('gateways', gw, 'datasets', id), schema: deleteEnvelopeSchema, keepalive }),
    onSuccess: (_r, { id }) => qc.removeQueries({ queryKey: datasetQueries.detail(gw, id).queryKey }),
    onSettled: () => invalidateDatasets(qc, gw),
  });
}
