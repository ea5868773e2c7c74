import Schedule from '@mui/icons-material/Schedule';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { PickerProps } from './value-pickers.tsx';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO (or a `YYYY-MM-DD` day, read as UTC midnight) → the local `YYYY-MM-DDTHH:mm` a datetime-local input shows. */
export function isoToLocalInput(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local time the user picked → an absolute UTC ISO time (what the API compares). */
export function localInputToIso(local: string): string | undefined {
  if (!local) return undefined;
  const ms = new Date(local).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

export const DATE_PRESETS = [
  { label: 'Last 24 hours', ms: 24 * 3600_000 },
  { label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  { label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
] as const;

/**
 * A local date-time input; presets are turned into absolute times when clicked, so a saved dataset
 * does not silently slide with the clock.
 */
export function DateTimePicker({ value, onChange, onBlur, error, inputRef, onPreset }: PickerProps & { onPreset: (iso: string) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const raw = value[0];
  const shown = isoToLocalInput(raw);
  const odd = typeof raw === 'string' && raw !== '' && shown === '';
  return (
    <>
      <TextField
        type="datetime-local"
        label="Value"
        size="small"
        value={shown}
        onChange={(e) => {
          const iso = localInputToIso(e.target.value);
          onChange(iso ? [iso] : []);
        }}
        onBlur={onBlur}
        inputRef={inputRef}
        error={!!error || odd}
        helperText={error ?? (odd ? `Not a date-time: ${String(raw)}` : 'Your local time')}
        sx={{ minWidth: 260, flex: 1 }}
        slotProps={{
          inputLabel: { shrink: true },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton size="small" aria-label="Date presets" onClick={(e) => setAnchor(e.currentTarget)}>
                  <Schedule fontSize="small" />
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {DATE_PRESETS.map((p) => (
          <MenuItem
            key={p.label}
            onClick={() => {
              onPreset(new Date(Date.now() - p.ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));
              setAnchor(null);
            }}
          >
            {p.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
