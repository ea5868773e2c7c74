import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EvaluationInput } from '../../../shared/evaluations.ts';
import { apiPath, apiRequest } from '../../lib/api-client.ts';
import { evaluationEnvelopeSchema, evaluationQueries } from './evaluation-queries.ts';

/** POST: the job starts upstream and the answer is the evaluation with `processed: false`. */
export function useCreateEvaluation(gw: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EvaluationInput) =>
      apiRequest({ method: 'POST', path: apiPath('gateways', gw, 'evaluations'), body: input, schema: evaluationEnvelopeSchema }).then(
        (e) => e.result,
      ),
    onSuccess: (evaluation) => {
      // The detail page opens on the answer at once, then polls it.
      queryClient.setQueryData(evaluationQueries.detail(gw, evaluation.id).queryKey, evaluation);
      return queryClient.invalidateQueries({ queryKey: evaluationQueries.lists(gw) });
    },
  });
}

/** DELETE an evaluation; resolves once the lists are read again. `keepalive` lets it outlive a closing tab. */
export function useDeleteEvaluation(gw: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, keepalive = false }: { id: string; keepalive?: boolean }) =>
      apiRequest({ method: 'DELETE', path: apiPath('gateways', gw, 'evaluations', id), schema: evaluationEnvelopeSchema, keepalive }).then(
        (e) => e.result,
      ),
    // The detail entry is left to expire: removing it while its page is still mounted would refetch a 404.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationQueries.lists(gw) }),
  });
}
