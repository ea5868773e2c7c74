import { z } from 'zod';
import { wireFilterSchema, type WireFilter } from '../../shared/filters.ts';

/**
 * The `filters` search param (a JSON array, as the logs API takes it) → rows. Read liberally with the
 * wire shape, so a link made elsewhere still opens; the form then flags rows that break the strict rules.
 * Anything that is not a list of rows gives no filters.
 */
export function parseFiltersParam(text: string | null): WireFilter[] {
  if (!text) return [];
  try {
    const parsed = z.array(wireFilterSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export const filtersToParam = (filters: readonly WireFilter[]): string | undefined =>
  filters.length ? JSON.stringify(filters) : undefined;

/** A whole number from the URL, clamped to [min, max]; the fallback when absent or not a number. */
export function readIntParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = params.get(name);
  if (text === null || !/^\d{1,9}$/.test(text)) return fallback;
  return Math.min(max, Math.max(min, Number(text)));
}

export function readBoolParam(params: URLSearchParams, name: string): boolean | undefined {
  const text = params.get(name);
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** A copy of `params` with `changes` applied; undefined or '' removes a param (so defaults keep URLs short). */
export function withParams(params: URLSearchParams, changes: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  return next;
}

/** A list of ids as one param ("a,b,c"): duplicates and blanks dropped, order kept. */
export function parseIdsParam(param: string | null): string[] {
  if (!param) return [];
  return [...new Set(param.split(',').map((s) => s.trim()).filter(Boolean))];
}

export const idsToParam = (ids: readonly string[]): string => ids.join(',');
