import type { ApiErrorItem } from '../../shared/envelope.ts';

export interface MappedErrors {
  /** Errors that belong to a form field, by react-hook-form name (`filters.1.value`). */
  fields: { name: string; message: string }[];
  /** Everything else, to show above the form. */
  other: string[];
}

/**
 * Puts the server's error `path`s on form fields: ['body','filters','1','value','0'] → `filters.1.value`.
 * Only fields the form has (`roots`) are used; a row index names the row's field, never a deeper item,
 * since the form shows one message per field.
 */
export function mapServerErrors(errors: readonly ApiErrorItem[], roots: readonly string[]): MappedErrors {
  const out: MappedErrors = { fields: [], other: [] };
  for (const error of errors) {
    const path = error.path?.[0] === 'body' ? error.path.slice(1) : undefined;
    const root = path?.[0];
    if (!path || !root || !roots.includes(root)) {
      out.other.push(error.message);
      continue;
    }
    const isRow = root === 'filters' && path.length >= 2 && /^\d+$/.test(path[1]!);
    const name = isRow ? path.slice(0, Math.min(path.length, 3)).join('.') : root;
    // The server's message names the row and field already ("filters › Filter 2 › value: …"); on the field, the part after the colon is enough.
    const message = error.message.includes(': ') ? error.message.slice(error.message.lastIndexOf(': ') + 2) : error.message;
    if (root === 'filters' && (!isRow || path.length === 2)) out.other.push(error.message);
    else out.fields.push({ name, message });
  }
  return out;
}
