import type { DatasetInput } from '../../shared/datasets.ts';
import type { WireFilter } from '../../shared/filters.ts';
import { filtersToParam, idsToParam } from './url-state.ts';

/** The sections under a gateway, as the navigation and the gateway switcher name them. */
export type GatewaySection = 'logs' | 'datasets' | 'evaluations' | 'sources';

const gateway = (gw: string) => `/gateways/${encodeURIComponent(gw)}`;
const withSearch = (path: string, params: URLSearchParams) => {
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

/** What the new-dataset form may start from ("Save as dataset" on Logs, Duplicate). */
export type DatasetPrefill = Partial<Pick<DatasetInput, 'name' | 'enable'>> & { filters?: readonly WireFilter[] };

/** What the new-evaluation form may start from (Re-run, or "Evaluate" from a dataset). */
export interface EvaluationPrefill {
  name?: string;
  datasetIds?: readonly string[];
  evaluationTypeIds?: readonly string[];
}

/**
 * Every link of the console, built in one place: ids are encoded so no id can reach another path, and
 * prefills are URL params, so "Save as dataset", Duplicate and Re-run are plain links too.
 */
export const paths = {
  section: (gw: string, section: GatewaySection) => `${gateway(gw)}/${section}`,
  logs: (gw: string) => `${gateway(gw)}/logs`,
  datasets: (gw: string) => `${gateway(gw)}/datasets`,
  dataset: (gw: string, id: string) => `${gateway(gw)}/datasets/${encodeURIComponent(id)}`,
  newDataset: (gw: string, prefill: DatasetPrefill = {}) => {
    const params = new URLSearchParams();
    if (prefill.name) params.set('name', prefill.name);
    if (prefill.enable !== undefined) params.set('enable', String(prefill.enable));
    const filters = prefill.filters && filtersToParam(prefill.filters);
    if (filters) params.set('filters', filters);
    return withSearch(`${gateway(gw)}/datasets/new`, params);
  },
  evaluations: (gw: string) => `${gateway(gw)}/evaluations`,
  sources: (gw: string) => `${gateway(gw)}/sources`,
  evaluation: (gw: string, id: string) => `${gateway(gw)}/evaluations/${encodeURIComponent(id)}`,
  newEvaluation: (gw: string, prefill: EvaluationPrefill = {}) => {
    const params = new URLSearchParams();
    if (prefill.name) params.set('name', prefill.name);
    if (prefill.datasetIds) params.set('dataset_ids', idsToParam(prefill.datasetIds));
    if (prefill.evaluationTypeIds) params.set('evaluation_type_ids', idsToParam(prefill.evaluationTypeIds));
    return withSearch(`${gateway(gw)}/evaluations/new`, params);
  },
  compare: (gw: string, ids: readonly string[]) =>
    // Commas kept literal (each id is encoded), so a shared link reads `?ids=a,b`.
    `${gateway(gw)}/evaluations/compare?ids=${ids.map(encodeURIComponent).join(',')}`,
};
