import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiErrorItem } from '../../shared/envelope.ts';
import { isApiError } from './api-error.ts';

export interface MappedErrors {
  /** Errors that belong to a form field, by react-hook-form name (`filters.1.value`), at most one per field. */
  fields: { name: string; message: string }[];
  /** Everything else, to show above the form. */
  other: string[];
}

/**
 * Puts the server's error `path`s on form fields: ['body','filters','1','value','0'] → `filters.1.value`,
 * ['body','dataset_ids','2'] → `dataset_ids`. Only fields the form has (`roots`) are used; a filter row's
 * index names the row's field, never a deeper item, since the form shows one message per field. A second
 * error for a field already named, and any error without a field, go to `other`: nothing is lost.
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
    // The server's message names the field already ("filters › Filter 2 › value: …"); on the field, the part after the colon is enough.
    const message = error.message.includes(': ') ? error.message.slice(error.message.lastIndexOf(': ') + 2) : error.message;
    // A filter row as a whole (or the list) has no field of its own to carry a message.
    const rowWithoutField = root === 'filters' && (!isRow || path.length === 2);
    if (rowWithoutField || out.fields.some((f) => f.name === name)) out.other.push(error.message);
    else out.fields.push({ name, message });
  }
  return out;
}

/**
 * The one way a failed save reaches a form: each error with a field of the form (`roots`) is set on it
 * (the first one focused), and the messages for the alert above the form are returned. A failure that
 * is not the API's (or an answer without errors) is one message, so the user always reads something.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, roots: readonly (keyof T & string)[]): string[] {
  if (!isApiError(error)) return [error instanceof Error ? error.message : String(error)];
  const mapped = mapServerErrors(error.errors, roots);
  mapped.fields.forEach(({ name, message }, i) => setError(name as Path<T>, { type: 'server', message }, { shouldFocus: i === 0 }));
  return mapped.other.length || mapped.fields.length ? mapped.other : [error.message];
}
