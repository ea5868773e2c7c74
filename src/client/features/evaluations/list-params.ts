import { parseIdsParam } from '../../lib/url-state.ts';

/** The list's state as it lives in the URL: a link reproduces what the sender saw. */
export interface ListParams {
  page: number;
  search: string;
  /** '' = all, 'true' = finished, 'false' = running. */
  processed: '' | 'true' | 'false';
  selected: string[];
}

export const PER_PAGE = 20;

export function readListParams(p: URLSearchParams): ListParams {
  const page = Number(p.get('page'));
  const processed = p.get('processed');
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    search: p.get('search') ?? '',
    processed: processed === 'true' || processed === 'false' ? processed : '',
    selected: parseIdsParam(p.get('selected')),
  };
}

/** Writes only what differs from the defaults, so plain URLs stay plain. */
export function writeListParams(next: ListParams): URLSearchParams {
  const p = new URLSearchParams();
  if (next.search) p.set('search', next.search);
  if (next.processed) p.set('processed', next.processed);
  if (next.page > 1) p.set('page', String(next.page));
  if (next.selected.length) p.set('selected', next.selected.join(','));
  return p;
}
