import { zodResolver } from '@hookform/resolvers/zod';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { Dataset } from '../../../shared/datasets.ts';
import { evaluationInputSchema, type Evaluation, type EvaluationInput, type EvaluationType } from '../../../shared/evaluations.ts';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { logQueries } from '../logs/log-queries.ts';
import { DatasetPicker } from './dataset-picker.tsx';
import { EvaluatorCheckboxes } from './evaluator-checkboxes.tsx';
import type { Prefill } from './prefill.ts';
import { reviewLine } from './review-line.ts';

type FormValues = z.input<typeof evaluationInputSchema>;
const FIELDS = ['name', 'dataset_ids', 'evaluation_type_ids'] as const;

interface NewEvaluationFormProps {
  gw: string;
  datasets: readonly Dataset[];
  types: readonly EvaluationType[];
  prefill: Prefill;
  onSubmit: (input: EvaluationInput) => Promise<Evaluation>;
  onCreated: (evaluation: Evaluation) => void;
}

export function defaultValues(prefill: Prefill, types: readonly EvaluationType[], datasets: readonly Dataset[]): FormValues {
  const mandatory = types.filter((t) => t.mandatory).map((t) => t.id);
  // Without a prefill every enabled evaluator starts checked: most people want all three figures.
  const chosen = prefill.evaluationTypeIds ?? types.filter((t) => t.enable).map((t) => t.id);
  return {
    name: prefill.name ?? '',
    // Ids of datasets deleted since are dropped rather than sent to fail.
    dataset_ids: prefill.datasetIds.filter((id) => datasets.some((d) => d.id === id)),
    evaluation_type_ids: [...new Set([...mandatory, ...chosen.filter((id) => types.some((t) => t.id === id))])],
  };
}

export function NewEvaluationForm({ gw, datasets, types, prefill, onSubmit, onCreated }: NewEvaluationFormProps) {
  const [formError, setFormError] = useState<string[]>([]);
  const form = useForm<FormValues, unknown, EvaluationInput>({
    resolver: zodResolver(evaluationInputSchema),
    defaultValues: defaultValues(prefill, types, datasets),
  });
  const { control, register, handleSubmit, setError, formState } = form;
  const chosenDatasets = useWatch({ control, name: 'dataset_ids' });
  const chosenTypes = useWatch({ control, name: 'evaluation_type_ids' });
  const counts = useQueries({
    queries: chosenDatasets.map((id) => logQueries.count(gw, datasets.find((d) => d.id === id)?.filters ?? [])),
  });
  const review = reviewLine(
    counts.map((c) => c.data?.total_count),
    types.filter((t) => chosenTypes.includes(t.id)).map((t) => t.name),
  );

  const submit = async (input: EvaluationInput) => {
    setFormError([]);
    try {
      onCreated(await onSubmit(input));
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  };

  return (
    <Stack component="form" noValidate spacing={3} onSubmit={(e) => void handleSubmit(submit)(e)} sx={{ maxWidth: 820 }}>
      <TextField
        label="Name"
        required
        {...register('name')}
        error={!!formState.errors.name}
        helperText={formState.errors.name?.message ?? 'A name your team will recognise, e.g. “Llama vs GPT-4o, November”.'}
      />
      <Controller
        control={control}
        name="dataset_ids"
        render={({ field, fieldState }) => (
          <DatasetPicker gw={gw} datasets={datasets} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Controller
        control={control}
        name="evaluation_type_ids"
        render={({ field, fieldState }) => (
          <EvaluatorCheckboxes types={types} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <Typography role="status" sx={{ fontWeight: 500 }}>
        {review}
      </Typography>
      {formError.length > 0 && (
        <Alert severity="error">
          Could not start the evaluation: {formError.join(' ')}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="contained" size="large" startIcon={<PlayArrowOutlined />} loading={formState.isSubmitting}>
          Run evaluation
        </Button>
      </div>
    </Stack>
  );
}
