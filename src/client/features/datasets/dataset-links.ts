import type { WireFilter } from '../../../shared/filters.ts';
import { filtersToParam } from '../../lib/url-state.ts';

const base = (gw: string) => `/gateways/${encodeURIComponent(gw)}/datasets`;

export const datasetLinks = {
  list: (gw: string) => base(gw),
  edit: (gw: string, id: string) => `${base(gw)}/${encodeURIComponent(id)}`,
  /** The new-dataset form, prefilled through the URL (so "Save as dataset" and Duplicate are links too). */
  new: (gw: string, prefill: { name?: string; enable?: boolean; filters?: readonly WireFilter[] } = {}) => {
    const params = new URLSearchParams();
    if (prefill.name) params.set('name', prefill.name);
    if (prefill.enable !== undefined) params.set('enable', String(prefill.enable));
    const filters = prefill.filters && filtersToParam(prefill.filters);
    if (filters) params.set('filters', filters);
    const qs = params.toString();
    return `${base(gw)}/new${qs ? `?${qs}` : ''}`;
  },
};
