import ThumbDown from '@mui/icons-material/ThumbDown';
import ThumbUp from '@mui/icons-material/ThumbUp';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import type { KeyMeta } from '../../../shared/filters.ts';

/** What every value picker gets: the row's key, its current values, and how to report a change. */
export interface PickerProps {
  meta: KeyMeta;
  value: unknown[];
  onChange: (value: unknown[]) => void;
  onBlur: () => void;
  error?: string;
  /** A hint under the field when there is no error (e.g. the observed range). */
  hint?: string;
  inputRef?: (el: HTMLElement | null) => void;
}

/**
 * A number stays text while typed, so "abc" reaches the schema and is refused with a message on this row
 * instead of being silently dropped by an `<input type="number">`.
 */
export function NumberPicker({ meta, value, onChange, onBlur, error, hint, inputRef }: PickerProps) {
  const unit = meta.unit;
  return (
    <TextField
      label="Value"
      size="small"
      value={value[0] === undefined ? '' : String(value[0])}
      onChange={(e) => onChange(e.target.value === '' ? [] : [e.target.value])}
      onBlur={onBlur}
      inputRef={inputRef}
      error={!!error}
      helperText={error ?? hint ?? ' '}
      sx={{ minWidth: 200, flex: 1 }}
      slotProps={{
        htmlInput: { inputMode: meta.type === 'integer' ? 'numeric' : 'decimal', autoComplete: 'off' },
        input: {
          startAdornment: unit === 'USD' ? <InputAdornment position="start">$</InputAdornment> : undefined,
          endAdornment: unit && unit !== 'USD' ? <InputAdornment position="end">{unit}</InputAdornment> : undefined,
        },
      }}
    />
  );
}

export function BooleanPicker({ meta, value, onChange, onBlur, error, inputRef }: PickerProps) {
  const current = value[0] === true || value[0] === 'true' ? 'true' : value[0] === false || value[0] === 'false' ? 'false' : '';
  return (
    <TextField
      select
      label="Value"
      size="small"
      value={current}
      onChange={(e) => onChange(e.target.value === '' ? [] : [e.target.value === 'true'])}
      onBlur={onBlur}
      inputRef={inputRef}
      error={!!error}
      helperText={error ?? ' '}
      sx={{ minWidth: 200, flex: 1 }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value="">Choose…</option>
      <option value="true">{meta.booleanLabels?.true ?? 'true'}</option>
      <option value="false">{meta.booleanLabels?.false ?? 'false'}</option>
    </TextField>
  );
}

const FEEDBACK_CHOICES = [
  { value: 1, label: 'Thumbs up', text: <ThumbUp fontSize="small" /> },
  { value: -1, label: 'Thumbs down', text: <ThumbDown fontSize="small" /> },
  { value: 0, label: 'No feedback', text: 'None' },
] as const;

/** Thumbs up / down / none; several may be pressed (ORed), as the key allows. */
export function FeedbackPicker({ value, onChange, onBlur, error }: PickerProps) {
  const helpId = useId();
  const selected = value.map((v) => Number(v));
  return (
    <Stack sx={{ flex: 1, minWidth: 200 }}>
      <ToggleButtonGroup
        size="small"
        value={selected}
        onChange={(_, next: number[]) => onChange(next)}
        onBlur={onBlur}
        aria-label="Value"
        aria-describedby={helpId}
        aria-invalid={!!error}
      >
        {FEEDBACK_CHOICES.map((c) => (
          <ToggleButton key={c.value} value={c.value} aria-label={c.label} sx={{ px: 2, textTransform: 'none' }}>
            {c.text}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <FormHelperText id={helpId} error={!!error}>
        {error ?? 'Pick one or more'}
      </FormHelperText>
    </Stack>
  );
}
