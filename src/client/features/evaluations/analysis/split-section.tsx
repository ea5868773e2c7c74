import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import type { AnalysisSplit, GroupAnalysis } from '../../../../shared/analysis.ts';
import type { Evaluation } from '../../../../shared/evaluations.ts';
import { isoToLocalInput, localInputToIso } from '../../../components/filter-builder/date-time-picker.tsx';
import { LoadingLines } from '../../../components/query-boundary.tsx';
import { formatDateTime, timeZoneLabel } from '../../../lib/format.ts';
import { useUrlParams } from '../../../lib/use-url-params.ts';
import { AnalysisTables } from './analysis-tables.tsx';
import { VerdictsTable } from './verdicts-table.tsx';

const AnalysisCharts = lazy(() => import('./analysis-charts.tsx'));

export const SPLIT_DATASET_PARAM = 'split_dataset';
export const SPLIT_AT_PARAM = 'split_at';

export interface SplitParams {
  dataset: string;
  at: string;
}

/** The split the URL asks for: both params or none (the API refuses one without the other). */
export function useSplitParams(): [SplitParams | undefined, (next: SplitParams | undefined) => void] {
  const [params, update] = useUrlParams();
  const dataset = params.get(SPLIT_DATASET_PARAM);
  const at = params.get(SPLIT_AT_PARAM);
  return [
    dataset && at ? { dataset, at } : undefined,
    (next) => update({ [SPLIT_DATASET_PARAM]: next?.dataset, [SPLIT_AT_PARAM]: next?.at }),
  ];
}

/**
 * "Before Dec 2, 2026, 4:30:00 PM" and "From …": the halves as the page names them, in the reader's time zone
 * (the API's labels are ISO); the section's title names the dataset.
 */
export function splitGroups(split: AnalysisSplit): [GroupAnalysis, GroupAnalysis] {
  const when = formatDateTime(split.at);
  const [before, from] = split.groups;
  return [
    { ...before, label: `Before ${when}` },
    { ...from, label: `From ${when}` },
  ];
}

/** The form's checks before the URL changes; the server checks again and names the field the same way. */
export function splitFormError(local: string, createdAt: string): string | undefined {
  const iso = localInputToIso(local);
  if (!iso) return 'Split at: enter a date and time';
  if (Date.parse(iso) > Date.parse(createdAt)) return `Split at: must be at or before the evaluation's creation (${formatDateTime(createdAt)})`;
  return undefined;
}

function SplitForm({ evaluation, current, onSplit }: { evaluation: Evaluation; current: SplitParams | undefined; onSplit: (s: SplitParams | undefined) => void }) {
  const [dataset, setDataset] = useState(current?.dataset ?? evaluation.datasets[0]?.id ?? '');
  const [local, setLocal] = useState(current ? isoToLocalInput(current.at) : '');
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = splitFormError(local, evaluation.created_at);
    setError(problem);
    if (!problem) onSplit({ dataset, at: localInputToIso(local)! });
  };
  return (
    <Stack component="form" onSubmit={submit} direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }} className="no-print" noValidate>
      <TextField select size="small" label="Dataset to split" value={dataset} onChange={(e) => setDataset(e.target.value)} sx={{ minWidth: 240 }}>
        {evaluation.datasets.map((d) => (
          <MenuItem key={d.id} value={d.id}>
            {d.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="datetime-local"
        size="small"
        label="Split at"
        value={local}
        onChange={(e) => setLocal(e.target.value)}
        error={!!error}
        helperText={error ?? `Your local time, ${timeZoneLabel()}; at or before ${formatDateTime(evaluation.created_at)}`}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: isoToLocalInput(evaluation.created_at) } }}
        sx={{ minWidth: 260 }}
      />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="outlined">
          Compare before and after
        </Button>
        {current && (
          <Button
            onClick={() => {
              setError(undefined);
              onSplit(undefined);
            }}
          >
            Clear split
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

/**
 * Before / after: one dataset of the evaluation split at an instant (a model switch, a prompt change) into
 * two groups with the same verdicts. The split lives in the URL and creates nothing upstream.
 */
export function SplitSection({
  evaluation,
  split,
  excluded,
  error,
  loading,
}: {
  evaluation: Evaluation;
  split: AnalysisSplit | null;
  excluded: boolean;
  error: Error | null;
  loading: boolean;
}) {
  const [current, setCurrent] = useSplitParams();
  const name = evaluation.datasets.find((d) => d.id === (split?.dataset_id ?? current?.dataset))?.name ?? current?.dataset ?? '';
  const groups = split ? splitGroups(split) : null;
  return (
    <Stack spacing={2} component="section" aria-label="Before and after">
      <Typography variant="subtitle1" component="h3">
        Before and after
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Split a dataset at an instant (a model switch, a prompt change) to compare its logs before it with those from it on, up to the
        evaluation's creation. Nothing is created in the gateway; the split is kept in the page's address.
      </Typography>
      {/* Keyed by the URL's split, so Back and Forward refill the form. */}
      <SplitForm key={`${current?.dataset}|${current?.at}`} evaluation={evaluation} current={current} onSplit={setCurrent} />
      {current && error && <Alert severity="error">Could not split the dataset: {error.message}</Alert>}
      {current && !error && loading && !groups && <LoadingLines lines={4} />}
      {groups && (
        <Stack spacing={3}>
          <VerdictsTable groups={groups} baseline={0} title={`${name} split at ${formatDateTime(split!.at)}: from then against before`} />
          <Suspense fallback={<LoadingLines lines={4} />}>
            <AnalysisCharts groups={groups} hasUnion={false} />
          </Suspense>
          <AnalysisTables groups={groups} excluded={excluded} />
        </Stack>
      )}
    </Stack>
  );
}
