import { isApiError } from '../../lib/api-error.ts';

/**
 * Splits a failed request's errors into field errors (by the `path` the API gives, e.g. ['body',
 * 'dataset_ids', '2']) and the rest, so each message lands on its field and nothing is lost.
 */
export function splitServerErrors<F extends string>(error: unknown, fields: readonly F[]) {
  const byField = new Map<F, string>();
  const other: string[] = [];
  if (!isApiError(error)) return { byField, other: [error instanceof Error ? error.message : String(error)] };
  for (const item of error.errors) {
    const [where, field] = item.path ?? [];
    const match = where === 'body' ? fields.find((f) => f === field) : undefined;
    if (match && !byField.has(match)) byField.set(match, item.message);
    else if (!match) other.push(item.message);
  }
  return { byField, other };
}
