import { z } from 'zod';
import { datasetSchema } from './datasets.ts';
import { evaluationDatasetSchema, evaluationSchema } from './evaluations.ts';

/**
 * Rows of a dataset's filters that the console's own rules refuse (a dataset made elsewhere, say with
 * `created_at eq "string"`): the server lists them instead of failing, so the page can flag them.
 */
export const oddFiltersSchema = z.array(z.object({ index: z.number().int().min(0), message: z.string() }));
export type OddFilters = z.infer<typeof oddFiltersSchema>;

/** A dataset as the server answers it: the wire shape plus `odd_filters` (empty when every row is fine). */
export const annotatedDatasetSchema = datasetSchema.extend({ odd_filters: oddFiltersSchema });
export type AnnotatedDataset = z.infer<typeof annotatedDatasetSchema>;

/** An evaluation as the server answers it: each embedded dataset carries `odd_filters` too. */
export const annotatedEvaluationSchema = evaluationSchema.extend({
  datasets: z.array(evaluationDatasetSchema.extend({ odd_filters: oddFiltersSchema })),
});
export type AnnotatedEvaluation = z.infer<typeof annotatedEvaluationSchema>;
