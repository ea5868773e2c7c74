import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { filtersSchema } from '../../../shared/filters.ts';
import { FilterBuilder, type FilterBuilderProps } from './filter-builder.tsx';
import type { FilterRowInput, FiltersFormValues } from './filter-rows.ts';

const schema = z.object({ filters: filtersSchema });

/** A minimal host form for the builder's component tests. */
export function TestForm({
  defaultFilters = [],
  onSubmit,
  ...rest
}: { defaultFilters?: FilterRowInput[]; onSubmit: (v: z.output<typeof schema>) => void } & Omit<
  FilterBuilderProps<FiltersFormValues, unknown, unknown>,
  'control'
>) {
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { filters: defaultFilters },
  });
  return (
    <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <FilterBuilder control={form.control} {...rest} />
      <button type="submit">Save</button>
    </form>
  );
}
