import { z } from 'zod';

/** Query strings carry text: these read numbers and booleans from it, and accept them as they are (idempotent). */
export const queryInt = (min: number, max: number, fallback: number) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,9}$/, 'must be a whole number')])
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);

export const queryBool = z
  .union([z.boolean(), z.enum(['true', 'false'], { message: 'must be true or false' })])
  .transform((v) => v === true || v === 'true');

/** Free text searched by the server; bounded so a huge string is refused, not scanned. */
export const searchText = z.string().max(200, 'must be at most 200 characters');

export const orderDirectionSchema = z.enum(['asc', 'desc']);
