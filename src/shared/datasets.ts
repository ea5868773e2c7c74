import { z } from 'zod';
import { filtersSchema, wireFilterSchema } from './filters.ts';
import { gatewayIdSchema } from './gateways.ts';
import { queryBool, queryInt, searchText } from './query.ts';

/** A name people give a dataset or an evaluation: trimmed, 1–200 characters, no control characters. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(200, 'Name must be at most 200 characters')
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Name must not contain control characters');

/**
 * The body of create (POST) and update (PUT, a full replace): the seed page's three required fields,
 * under the per-key filter rules (strict: this is what we send).
 */
export const datasetInputSchema = z.object({
  name: displayNameSchema,
  enable: z.boolean({ message: 'Enabled must be true or false' }),
  filters: filtersSchema,
});
export type DatasetInput = z.infer<typeof datasetInputSchema>;
export type DatasetFormValues = z.input<typeof datasetInputSchema>;

/** A dataset as the API returns it (liberal: the spec's wire shape only). */
export const datasetSchema = z.looseObject({
  id: z.string(),
  gateway_id: gatewayIdSchema,
  name: z.string(),
  enable: z.boolean(),
  filters: z.array(wireFilterSchema),
  created_at: z.string(),
  modified_at: z.string(),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const datasetListQuerySchema = z.object({
  page: queryInt(1, 1_000_000, 1),
  per_page: queryInt(1, 100, 20),
  name: z.string().max(200, 'must be at most 200 characters').optional(),
  enable: queryBool.optional(),
  search: searchText.optional(),
});
export type DatasetListQuery = z.infer<typeof datasetListQuerySchema>;
