import { z } from 'zod';
import { datasetSchema, displayNameSchema } from './datasets.ts';
import { gatewayIdSchema, resourceIdSchema } from './gateways.ts';
import { orderDirectionSchema, queryBool, queryInt, searchText } from './query.ts';

export const MAX_EVALUATION_DATASETS = 5;

/** The seed page's create body: name, dataset_ids (1 to 5, distinct), evaluation_type_ids. */
export const evaluationInputSchema = z.object({
  name: displayNameSchema,
  dataset_ids: z
    .array(resourceIdSchema)
    .min(1, 'Choose at least one dataset')
    .max(MAX_EVALUATION_DATASETS, `Choose at most ${MAX_EVALUATION_DATASETS} datasets`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each dataset may be chosen once'),
  evaluation_type_ids: z
    .array(resourceIdSchema)
    .min(1, 'Choose at least one evaluator')
    .max(20, 'At most 20 evaluators')
    .refine((ids) => new Set(ids).size === ids.length, 'Each evaluator may be chosen once'),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

/**
 * Per-result status codes. Cloudflare does not document them (UNCONFIRMED upstream); the local gateway
 * uses these and the console shows `status_description` beside the number whatever it is.
 */
export const RESULT_STATUS = { pending: 0, done: 1, error: 2 } as const;

export const evaluationResultSchema = z.looseObject({
  id: z.string(),
  evaluation_id: z.string(),
  evaluation_type_id: z.string(),
  result: z.string(),
  status: z.number(),
  status_description: z.string(),
  total_logs: z.number(),
  created_at: z.string(),
  modified_at: z.string(),
});
export type EvaluationResult = z.infer<typeof evaluationResultSchema>;

/** Datasets embedded in an evaluation carry account_id/account_tag too (spec). */
export const evaluationDatasetSchema = datasetSchema.extend({
  account_id: z.string().optional(),
  account_tag: z.string().optional(),
});

export const evaluationSchema = z.looseObject({
  id: z.string(),
  gateway_id: gatewayIdSchema,
  name: z.string(),
  created_at: z.string(),
  modified_at: z.string(),
  processed: z.boolean(),
  total_logs: z.number(),
  datasets: z.array(evaluationDatasetSchema),
  results: z.array(evaluationResultSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const evaluationListQuerySchema = z.object({
  page: queryInt(1, 1_000_000, 1),
  per_page: queryInt(1, 100, 20),
  name: z.string().max(200, 'must be at most 200 characters').optional(),
  processed: queryBool.optional(),
  search: searchText.optional(),
});
export type EvaluationListQuery = z.infer<typeof evaluationListQuerySchema>;

export const evaluationTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string(),
  enable: z.boolean(),
  mandatory: z.boolean(),
  created_at: z.string(),
  modified_at: z.string(),
});
export type EvaluationType = z.infer<typeof evaluationTypeSchema>;

export const evaluationTypeListQuerySchema = z.object({
  page: queryInt(1, 1_000_000, 1),
  per_page: queryInt(5, 50, 20),
  order_by: z.enum(['mandatory', 'name', 'type', 'created_at'], { message: 'must be mandatory, name, type or created_at' }).default('mandatory'),
  order_by_direction: orderDirectionSchema.default('desc'),
});
export type EvaluationTypeListQuery = z.infer<typeof evaluationTypeListQuerySchema>;
