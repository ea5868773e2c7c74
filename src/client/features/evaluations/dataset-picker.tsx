import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Dataset } from '../../../shared/datasets.ts';
import { MAX_EVALUATION_DATASETS } from '../../../shared/evaluations.ts';
import { readBack } from '../../../shared/read-back.ts';
import { logQueries } from '../logs/log-queries.ts';
import { formatCount } from '../../lib/format.ts';

export const TOO_MANY_DATASETS = `Choose at most ${MAX_EVALUATION_DATASETS} datasets`;

/** Enabled datasets first (they are the ones in use), then by name. */
export function sortDatasets<T extends Pick<Dataset, 'enable' | 'name'>>(datasets: readonly T[]): T[] {
  return [...datasets].sort((a, b) => Number(b.enable) - Number(a.enable) || a.name.localeCompare(b.name));
}

function MatchCount({ gw, dataset, id }: { gw: string; dataset: Dataset; id: string }) {
  const count = useQuery(logQueries.count(gw, dataset.filters));
  if (count.isPending) return <Typography id={id} variant="body2" color="text.secondary">counting…</Typography>;
  if (count.isError) return <Typography id={id} variant="body2" color="error">count unavailable</Typography>;
  const n = count.data.total_count;
  return (
    <Typography id={id} variant="body2" color={n === 0 ? 'warning.main' : 'text.secondary'} sx={{ whiteSpace: 'nowrap' }}>
      {formatCount(n)} {n === 1 ? 'log' : 'logs'}
    </Typography>
  );
}

interface DatasetPickerProps {
  gw: string;
  datasets: readonly Dataset[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

/**
 * 1 to 5 datasets as checkboxes, each named by its dataset alone; its state, read-back and what it
 * matches today are the checkbox's description, so a screen reader (or a test) finds it by name.
 */
export function DatasetPicker({ gw, datasets, value, onChange, error }: DatasetPickerProps) {
  const [refused, setRefused] = useState(false);
  const helpId = useId();
  const rowId = useId();
  const toggle = (id: string) => {
    if (value.includes(id)) {
      setRefused(false);
      onChange(value.filter((x) => x !== id));
    } else if (value.length >= MAX_EVALUATION_DATASETS) {
      setRefused(true);
    } else {
      setRefused(false);
      onChange([...value, id]);
    }
  };
  const message = refused ? TOO_MANY_DATASETS : error;
  return (
    <FormControl component="fieldset" error={!!message} aria-describedby={helpId}>
      <FormLabel component="legend">Datasets</FormLabel>
      <FormHelperText id={helpId} role={message ? 'alert' : undefined} sx={{ mx: 0, mb: 1 }}>
        {message ?? `Choose 1 to ${MAX_EVALUATION_DATASETS} datasets (${value.length} chosen).`}
      </FormHelperText>
      <Paper variant="outlined">
        <Stack divider={<span style={{ display: 'block', borderTop: '1px solid var(--mui-palette-divider)' }} />}>
          {sortDatasets(datasets).map((d, i) => {
            const id = (part: string) => `${rowId}-${i}-${part}`;
            const described = [...(d.enable ? [] : [id('state')]), id('read-back'), id('count')].join(' ');
            return (
              <Stack key={d.id} direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 0.5 }}>
                <FormControlLabel
                  sx={{ flex: 1, mr: 0, minWidth: 0 }}
                  control={
                    <Checkbox
                      checked={value.includes(d.id)}
                      onChange={() => toggle(d.id)}
                      slotProps={{ input: { 'aria-labelledby': id('name'), 'aria-describedby': described } }}
                    />
                  }
                  label={
                    <span>
                      <Typography component="span" id={id('name')} sx={{ fontWeight: 500 }}>
                        {d.name}
                      </Typography>
                      {!d.enable && <Chip id={id('state')} size="small" label="Disabled" sx={{ ml: 1 }} />}
                      <Typography component="span" id={id('read-back')} variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                        {readBack(d.filters)}
                      </Typography>
                    </span>
                  }
                />
                <MatchCount gw={gw} dataset={d} id={id('count')} />
              </Stack>
            );
          })}
        </Stack>
      </Paper>
    </FormControl>
  );
}
