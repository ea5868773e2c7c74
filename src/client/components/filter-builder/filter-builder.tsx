import Add from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { MAX_FILTER_ROWS } from '../../../shared/filters.ts';
import type { ObservedValues } from './builder-data.ts';
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

type RowModule = typeof import('./filter-row.tsx');
let rowModule: RowModule | undefined;
const loadRowModule = () => import('./filter-row.tsx').then((m) => (rowModule = m));

/**
 * The rows (text fields, pickers, autocompletes) are most of the builder's code and the Logs page opens
 * with none, so they load with the first row. Not React.lazy: "Add filter" waits for the module and then
 * appends, so the new row mounts in the same render and react-hook-form can focus its Key field.
 */
function useRowModule(needed: boolean): [RowModule | undefined, (then: () => void) => void] {
  const [mod, setMod] = useState(rowModule);
  useEffect(() => {
    if (needed && !mod) void loadRowModule().then(setMod);
  }, [needed, mod]);
  const withModule = (then: () => void) =>
    void loadRowModule().then((m) => {
      setMod(m);
      then();
    });
  return [mod, withModule];
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
  const [mod, withModule] = useRowModule(fields.length > 0);
  return (
    <Stack spacing={1.5}>
      {fields.length === 0 && (
        <Typography color="text.secondary">No filters: every log of this gateway matches. Add a filter to narrow it.</Typography>
      )}
      {fields.map((f, index) =>
        mod ? (
          <mod.FilterRow
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
        ) : (
          <Skeleton key={f.id} variant="rounded" height={72} />
        ),
      )}
      <div>
        <Button
          startIcon={<Add />}
          onClick={() => withModule(() => append(newFilterRow()))}
          disabled={fields.length >= MAX_FILTER_ROWS}
        >
          Add filter
        </Button>
      </div>
      <FilterSummary rows={rows} match={match} />
    </Stack>
  );
}
