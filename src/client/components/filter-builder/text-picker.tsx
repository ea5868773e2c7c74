import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import { lazy, Suspense } from 'react';
import type { PickerProps } from './value-pickers.tsx';

// Autocomplete is the builder's largest part; it loads with the first text row, not with every page.
const Autocomplete = lazy(() => import('@mui/material/Autocomplete'));

/** Free text with suggestions of values seen in recent logs; several values where the key allows. */
export function TextPicker({ meta, value, onChange, onBlur, error, hint, inputRef, options }: PickerProps & { options: string[] }) {
  const strings = value.map((v) => String(v));
  return (
    <Suspense fallback={<Skeleton variant="rounded" height={40} sx={{ minWidth: 240, flex: 1 }} />}>
      <Autocomplete
        multiple={meta.multiple}
        freeSolo
        autoSelect
        filterSelectedOptions
        options={options}
        value={meta.multiple ? strings : (strings[0] ?? null)}
        onChange={(_, next) => {
          const list = Array.isArray(next) ? next : next ? [next] : [];
          onChange(list.map((v) => v.trim()).filter(Boolean));
        }}
        onBlur={onBlur}
        sx={{ minWidth: 240, flex: 1 }}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Value"
            size="small"
            inputRef={inputRef}
            error={!!error}
            helperText={error ?? hint ?? (meta.multiple ? 'Type and press Enter; several values match any of them' : ' ')}
          />
        )}
      />
    </Suspense>
  );
}
