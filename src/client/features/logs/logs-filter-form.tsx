import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useCallback, useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { filtersSchema, type WireFilter } from '../../../shared/filters.ts';
import { sameFilters, toRowInput } from '../../components/filter-builder/filter-rows.ts';
import { FilterBuilder } from '../../components/filter-builder/filter-builder.tsx';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.tsx';
import { useFilterBuilderData } from './log-filter-queries.ts';

const logsFilterSchema = z.object({ filters: filtersSchema });

interface LogsFilterFormProps {
  gatewayId: string;
  applied: WireFilter[];
  /** The applied text search, which the live count includes. */
  search?: string;
  onApply: (filters: WireFilter[]) => void;
  onSaveAsDataset: (filters: WireFilter[]) => void;
  /** Told whenever the rows start or stop differing from `applied`, so the page can say what its table shows. */
  onDraftChange?: (draft: boolean) => void;
}

/**
 * The filter builder over the logs. Edits are a draft until Apply puts them in the URL: the live count says
 * it is for the draft, Apply is enabled only while there is one, and leaving the page with one asks first.
 * (Applying as rows become valid would rewrite the URL, and reload the table, on every pause while a
 * filter of several rows is half built.)
 */
export function LogsFilterForm({ gatewayId, applied, search, onApply, onSaveAsDataset, onDraftChange }: LogsFilterFormProps) {
  const form = useForm<z.input<typeof logsFilterSchema>, unknown, z.output<typeof logsFilterSchema>>({
    resolver: zodResolver(logsFilterSchema),
    defaultValues: { filters: applied.map(toRowInput) },
  });
  const rows = useWatch({ control: form.control, name: 'filters' }) ?? [];
  const draft = !sameFilters(rows, applied);
  // Read at navigation time; "Save as dataset" takes the draft along, so it may leave.
  const blocking = useRef(draft);
  useEffect(() => {
    blocking.current = draft;
  }, [draft]);
  const shouldBlock = useCallback(() => blocking.current, []);
  useEffect(() => onDraftChange?.(draft), [draft, onDraftChange]);
  useEffect(() => () => onDraftChange?.(false), [onDraftChange]);

  const saveAsDataset = (filters: WireFilter[]) => {
    blocking.current = false;
    onSaveAsDataset(filters);
  };
  const builderData = useFilterBuilderData(form.control, gatewayId, search, draft);
  return (
    <Paper
      component="form"
      variant="outlined"
      aria-label="Log filters"
      sx={{ p: 2 }}
      noValidate
      onSubmit={(e) => void form.handleSubmit((v) => onApply(v.filters))(e)}
    >
      <Stack spacing={2}>
        <FilterBuilder control={form.control} {...builderData} />
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" disabled={!draft}>
            Apply filters
          </Button>
          <Button variant="outlined" onClick={() => void form.handleSubmit((v) => saveAsDataset(v.filters))()}>
            Save as dataset
          </Button>
          {draft && <Button onClick={() => form.reset({ filters: applied.map(toRowInput) })}>Discard changes</Button>}
          {!draft && applied.length > 0 && <Button onClick={() => onApply([])}>Clear filters</Button>}
        </Stack>
      </Stack>
      <UnsavedChangesGuard
        shouldBlock={shouldBlock}
        title="Leave with filters not applied?"
        message="The filters have changes that are not applied. Leaving now loses them."
      />
    </Paper>
  );
}
