import type { FieldError } from 'react-hook-form';

/** A row's value error may sit on the list (`value`) or on one of its items (`value.0`); the first one wins. */
export function valueErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const direct = (error as FieldError).message;
  if (typeof direct === 'string' && direct) return direct;
  if (Array.isArray(error)) for (const item of error) if ((item as FieldError | undefined)?.message) return (item as FieldError).message;
  return undefined;
}
