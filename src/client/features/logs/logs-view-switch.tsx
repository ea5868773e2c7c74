import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';

/** How the Logs page lists: a page at a time, or everything in one scrolling grid (`view=scroll`). */
export type LogsView = 'pages' | 'scroll';

/** The view in the URL; anything but `scroll` is the default, pages. */
export const readView = (params: URLSearchParams): LogsView => (params.get('view') === 'scroll' ? 'scroll' : 'pages');

const VIEWS: { value: LogsView; label: string }[] = [
  { value: 'pages', label: 'Pages' },
  { value: 'scroll', label: 'Continuous' },
];

/** Two toggle buttons (`aria-pressed`) in a labelled group: each is a Tab stop, pressed with Enter or Space. */
export function LogsViewSwitch({ view, onChange }: { view: LogsView; onChange: (view: LogsView) => void }) {
  const labelId = useId();
  return (
    <Stack direction="row" spacing={1} role="group" aria-labelledby={labelId} sx={{ alignItems: 'center' }}>
      <Typography id={labelId} variant="body2" color="text.secondary">
        View
      </Typography>
      {VIEWS.map((v) => (
        <Button
          key={v.value}
          size="small"
          variant={view === v.value ? 'contained' : 'outlined'}
          aria-pressed={view === v.value}
          onClick={() => onChange(v.value)}
        >
          {v.label}
        </Button>
      ))}
    </Stack>
  );
}
