import type { ControllerRenderProps, FieldError } from 'react-hook-form';
import { useState } from 'react';
import { valueProblem, type KeyMeta, type Operator } from '../../../shared/filters.ts';
import type { LogResultInfo } from '../../../shared/logs.ts';
import type { ObservedValues } from './builder-data.ts';
import { formatCount, formatUsd } from '../../lib/format.ts';
import { DateTimePicker } from './date-time-picker.tsx';
import type { FiltersFormValues } from './filter-rows.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { valueErrorMessage } from './value-error.ts';
import { TextPicker } from './text-picker.tsx';
import { BooleanPicker, FeedbackPicker, NumberPicker } from './value-pickers.tsx';

/** Which `meta_info` range belongs to which numeric key. */
const RANGE_FIELDS = {
  cost: ['min_cost', 'max_cost'],
  duration: ['min_duration', 'max_duration'],
  tokens_in: ['min_tokens_in', 'max_tokens_in'],
  tokens_out: ['min_tokens_out', 'max_tokens_out'],
  tokens: ['min_total_tokens', 'max_total_tokens'],
} as const;

export function observedRangeHint(meta: KeyMeta, ranges: LogResultInfo | undefined): string | undefined {
  const fields = RANGE_FIELDS[meta.key as keyof typeof RANGE_FIELDS];
  if (!fields || !ranges) return undefined;
  const [min, max] = [ranges[fields[0]], ranges[fields[1]]];
  if (min === undefined || max === undefined) return undefined;
  const fmt = (n: number) => (meta.unit === 'USD' ? formatUsd(n) : formatCount(n, meta.unit ? ` ${meta.unit}` : ''));
  // The ranges are the gateway's, not those of the rows above: said so, lest it read as a preview.
  return `Whole gateway: ${fmt(min)} – ${fmt(max)}`;
}

/** How long typing must pause before the value is checked (a blur checks at once). */
export const CHECK_PAUSE_MS = 600;

/**
 * The value's problem as the user types: shown after a pause or on leaving the field, never mid-word, in
 * the words the schema uses on Save. A value still empty is not a problem yet: Save says it needs one.
 */
function useLiveValueProblem(meta: KeyMeta, operator: string, value: unknown[]) {
  const text = JSON.stringify(value);
  const settled = useDebounced(text, CHECK_PAUSE_MS);
  const [blurredAt, setBlurredAt] = useState<string>();
  const due = settled === text || blurredAt === text;
  const valid = (meta.operators as readonly string[]).includes(operator);
  const problem = due && valid ? valueProblem(meta.key, operator as Operator, value)?.message : undefined;
  return { problem, onBlur: () => setBlurredAt(text) };
}

interface ValueFieldProps {
  meta: KeyMeta;
  operator: string;
  field: ControllerRenderProps<FiltersFormValues, `filters.${number}.value`>;
  error?: FieldError;
  observed?: ObservedValues;
  ranges?: LogResultInfo;
  onPreset: (iso: string) => void;
}

/** The value picker the key's `picker` asks for. */
export function ValueField({ meta, operator, field, error, observed, ranges, onPreset }: ValueFieldProps) {
  const live = useLiveValueProblem(meta, operator, field.value);
  const props = {
    meta,
    value: field.value,
    onChange: field.onChange,
    onBlur: () => {
      live.onBlur();
      field.onBlur();
    },
    error: valueErrorMessage(error) ?? live.problem,
    inputRef: field.ref,
  };
  switch (meta.picker) {
    case 'number':
      return <NumberPicker {...props} hint={observedRangeHint(meta, ranges)} />;
    case 'boolean':
      return <BooleanPicker {...props} />;
    case 'feedback':
      return <FeedbackPicker {...props} />;
    case 'date-time':
      return <DateTimePicker {...props} onPreset={onPreset} />;
    case 'autocomplete': {
      const options = observed?.[meta.key as Exclude<keyof ObservedValues, 'ranges'>] ?? [];
      return <TextPicker {...props} options={options} />;
    }
  }
}
