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

/** Thrown into a pending delete when the user presses Undo within the window. */
export class DeleteUndone extends Error {
  constructor() {
    super('Delete undone');
    this.name = 'DeleteUndone';
  }
}

/** How long a deleted dataset can still be brought back before the DELETE is sent. */
export const DELETE_UNDO_MS = 6000;

function waitOrUndo(ms: number, undo: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (undo.aborted) return reject(new DeleteUndone());
    const timer = setTimeout(resolve, ms);
    undo.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DeleteUndone());
    });
  });
}

/**
 * Delete with an Undo window: the row disappears at once, and the DELETE is sent only after the window,
 * unless `undo` aborts first (then the row comes back and nothing is sent). The wait lives in the
 * mutation, so leaving the page does not cancel a delete the user meant.
 */
export function useDeleteDataset(gw: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, undo, windowMs = DELETE_UNDO_MS }: { id: string; undo: AbortSignal; windowMs?: number }) => {
      await waitOrUndo(windowMs, undo);
      await apiRequest({ method: 'DELETE', path: apiPath('gateways', gw, 'datasets', id), schema: deleteEnvelopeSchema });
    },
    onMutate: async ({ id }) => {
      await qc.cancelQueries({ queryKey: datasetQueries.lists(gw) });
      const restore = patchLists(qc, gw, (items) => items.filter((d) => d.id !== id));
      return { restore };
    },
    onError: (_e, _v, context) => context?.restore(),
    onSuccess: (_r, { id }) => qc.removeQueries({ queryKey: datasetQueries.detail(gw, id).queryKey }),
    onSettled: () => invalidateDatasets(qc, gw),
  });
}
