import Add from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { MAX_FILTER_ROWS } from '../../../shared/filters.ts';
import type { LogResultInfo } from '../../../shared/logs.ts';
import type { ObservedValues } from '../../features/logs/log-queries.ts';
import { FilterRow } from './filter-row.tsx';
import { newFilterRow, type FiltersFormValues } from './filter-rows.ts';
import { FilterSummary, type MatchCountState } from './filter-summary.tsx';

export interface FilterBuilderProps<T extends FiltersFormValues, C, O> {
  /** The host form's control; the builder edits its `filters` list. */
  control: Control<T, C, O>;
  observed?: ObservedValues;
  /** The live match count and observed ranges, when the host measures them. */
  match?: MatchCountState;
  cloudflare?: boolean;
}

/**
 * Rows of key → operator → value, driven by KEY_META, with the read-back sentence, lint warnings and the
 * live match count under them. One component for the Logs page and the dataset editor.
 */
export function FilterBuilder<T extends FiltersFormValues, C, O>({ control, observed, match, cloudflare }: FilterBuilderProps<T, C, O>) {
  // The host form has more fields than `filters`; the builder only reads and writes that one list.
  const filtersControl = control as unknown as Control<FiltersFormValues>;
  const { fields, append, remove, move } = useFieldArray({ control: filtersControl, name: 'filters' });
  const rows = useWatch({ control: filtersControl, name: 'filters' }) ?? [];
  return (
    <Stack spacing={1.5}>
      {fields.length === 0 && (
        <Typography color="text.secondary">No filters: every log of this gateway matches. Add a filter to narrow it.</Typography>
      )}
      {fields.map((f, index) => (
        <FilterRow
          key={f.id}
          control={filtersControl}
          index={index}
          count={fields.length}
          onRemove={() => remove(index)}
          onMove={(to) => move(index, to)}
          observed={observed}
          ranges={observed?.ranges ?? match?.data?.ranges}
          cloudflare={cloudflare}
        />
      ))}
      <div>
        <Button startIcon={<Add />} onClick={() => append(newFilterRow())} disabled={fields.length >= MAX_FILTER_ROWS}>
          Add filter
        </Button>
      </div>
      <FilterSummary rows={rows} match={match} />
    </Stack>
  );
}
