import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { datasetInputSchema, type DatasetFormValues, type DatasetInput } from '../../../shared/datasets.ts';
import { FilterBuilder } from '../../components/filter-builder/filter-builder.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.tsx';
import { applyServerErrors } from '../../lib/form-errors.ts';
import { useFilterBuilderData } from '../logs/log-filter-queries.ts';
import { paths } from '../../lib/paths.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { datasetQueries } from './dataset-queries.ts';

const FIELDS = ['name', 'enable', 'filters'] as const;

interface DatasetFormProps {
  gatewayId: string;
  title: string;
  defaultValues: DatasetFormValues;
  /** Sends the dataset; resolves when saved (the caller then navigates), rejects with the server's error. */
  onSave: (input: DatasetInput) => Promise<unknown>;
}

/**
 * "Another dataset is already called …" once typing pauses on a name another dataset of the gateway has
 * (the name the form opened with is the dataset's own). Undefined when the name is free or unknown.
 */
function useSameNameWarning(gatewayId: string, name: string | undefined, ownName: string | undefined): string | undefined {
  const settled = useDebounced((name ?? '').trim());
  const key = settled.toLowerCase();
  const mine = key !== '' && key === (ownName ?? '').trim().toLowerCase();
  const matches = useQuery({ ...datasetQueries.list(gatewayId, { search: settled, per_page: 100 }), enabled: key !== '' && !mine });
  if (key === '' || mine) return undefined;
  const taken = matches.data?.result.find((d) => d.name.trim().toLowerCase() === key);
  return taken ? `Another dataset is already called “${taken.name}”. You can still save; a different name is easier to tell apart.` : undefined;
}

/** Name, Enabled and the filter rows, validated with the same schema the server uses. */
export function DatasetForm({ gatewayId, title, defaultValues, onSave }: DatasetFormProps) {
  const form = useForm<DatasetFormValues, unknown, DatasetInput>({
    resolver: zodResolver(datasetInputSchema),
    defaultValues,
  });
  const builderData = useFilterBuilderData(form.control, gatewayId);
  const sameName = useSameNameWarning(gatewayId, useWatch({ control: form.control, name: 'name' }), defaultValues.name);
  const [formError, setFormError] = useState<string[]>([]);
  // Set while a save is in flight or done, so the save's own navigation is not held up by the guard.
  const saving = useRef(false);
  const { isSubmitting, isDirty } = form.formState;
  // Read when the user navigates: the dirty state of the last render (subscribed to above, since the form
  // state proxy only reports what a render read), and whether a save let it through.
  const dirty = useRef(isDirty);
  useEffect(() => {
    dirty.current = isDirty;
  });
  const shouldBlock = useCallback(() => dirty.current && !saving.current, []);

  const submit = async (input: DatasetInput) => {
    setFormError([]);
    saving.current = true;
    try {
      await onSave(input);
    } catch (e) {
      saving.current = false;
      setFormError(applyServerErrors(e, form.setError, FIELDS));
    }
  };

  return (
    <Stack component="form" spacing={2} noValidate onSubmit={(e) => void form.handleSubmit(submit)(e)} aria-label={title}>
      <PageHeading title={title} />
      {formError.length > 0 && (
        <Alert severity="error">
          {formError.length === 1 ? formError[0] : <ul style={{ margin: 0 }}>{formError.map((m) => <li key={m}>{m}</li>)}</ul>}
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField
            label="Name"
            {...form.register('name')}
            error={!!form.formState.errors.name}
            helperText={form.formState.errors.name?.message ?? sameName ?? ' '}
            // A warning, not an error: two datasets may share a name, but the user should know.
            slotProps={{ formHelperText: { sx: sameName && !form.formState.errors.name ? { color: 'warning.main' } : undefined } }}
            sx={{ minWidth: 320 }}
            autoComplete="off"
          />
          <Controller
            control={form.control}
            name="enable"
            render={({ field }) => (
              <FormControlLabel
                sx={{ pt: 1 }}
                label="Enabled"
                control={<Switch checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} />}
              />
            )}
          />
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1.5, fontWeight: 600 }}>
          Filters
        </Typography>
        <FilterBuilder control={form.control} {...builderData} />
      </Paper>
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" loading={isSubmitting}>
          Save
        </Button>
        <Button component={Link} to={paths.datasets(gatewayId)}>
          Cancel
        </Button>
      </Stack>
      <UnsavedChangesGuard shouldBlock={shouldBlock} />
    </Stack>
  );
}
