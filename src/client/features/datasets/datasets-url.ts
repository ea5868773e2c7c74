import { readBoolParam, readIntParam } from '../../lib/url-state.ts';
import type { DatasetListQuery } from '../../../shared/datasets.ts';

/** The datasets list's state as its URL holds it (page, page size, search, enabled filter). */
export function datasetListParamsFrom(params: URLSearchParams): DatasetListQuery {
  const search = params.get('search') ?? '';
  return {
    page: readIntParam(params, 'page', 1, 1, 1_000_000),
    per_page: readIntParam(params, 'per_page', 20, 1, 100),
    search: search || undefined,
    enable: readBoolParam(params, 'enable'),
  };
}
