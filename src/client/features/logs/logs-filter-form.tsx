import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { filtersSchema, type WireFilter } from '../../../shared/filters.ts';
import { toRowInput } from '../../components/filter-builder/filter-rows.ts';
import { FilterBuilder } from '../../components/filter-builder/filter-builder.tsx';
import { useFilterBuilderData } from './log-filter-queries.ts';

const logsFilterSchema = z.object({ filters: filtersSchema });

interface LogsFilterFormProps {
  gatewayId: string;
  applied: WireFilter[];
  /** The applied text search, which the live count includes. */
  search?: string;
  onApply: (filters: WireFilter[]) => void;
  onSaveAsDataset: (filters: WireFilter[]) => void;
}

/** The filter builder over the logs: Apply puts the filters in the URL; the live count shows before that. */
export function LogsFilterForm({ gatewayId, applied, search, onApply, onSaveAsDataset }: LogsFilterFormProps) {
  const form = useForm<z.input<typeof logsFilterSchema>, unknown, z.output<typeof logsFilterSchema>>({
    resolver: zodResolver(logsFilterSchema),
    defaultValues: { filters: applied.map(toRowInput) },
  });
  const builderData = useFilterBuilderData(form.control, gatewayId, search);
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
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained">
            Apply filters
          </Button>
          <Button variant="outlined" onClick={() => void form.handleSubmit((v) => onSaveAsDataset(v.filters))()}>
            Save as dataset
          </Button>
          {applied.length > 0 && <Button onClick={() => onApply([])}>Clear filters</Button>}
        </Stack>
      </Stack>
    </Paper>
  );
}
