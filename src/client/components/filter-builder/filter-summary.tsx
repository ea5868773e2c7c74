import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { filterSchema } from '../../../shared/filters.ts';
import { lintFilters } from '../../../shared/filter-lint.ts';
import { readBack } from '../../../shared/read-back.ts';
import { formatCount, formatUsd } from '../../lib/format.ts';
import type { LogCount } from './builder-data.ts';
import { completeRows, rowsForReadBack, type FilterRowInput } from './filter-rows.ts';

/** The live count as the builder shows it: the last figure stays while a newer one loads. */
export interface MatchCountState {
  data?: LogCount;
  isFetching: boolean;
  error?: Error | null;
  /** True while the shown figure is for an older version of the filters. */
  isStale?: boolean;
  /** Asks for the count again after an error. */
  retry?: () => void;
  /** The rows are a draft the host has not applied yet: the figure is said to be for the draft. */
  draft?: boolean;
}


/** The observed ranges in one line: "cost $0.001 – $2.5 · duration 4 – 900 ms · tokens 10 – 90". */
export function rangesLine(ranges: LogCount['ranges']): string {
  const parts: string[] = [];
  if (ranges.min_cost !== undefined && ranges.max_cost !== undefined) parts.push(`cost ${formatUsd(ranges.min_cost)} – ${formatUsd(ranges.max_cost)}`);
  if (ranges.min_duration !== undefined && ranges.max_duration !== undefined)
    parts.push(`duration ${formatCount(ranges.min_duration)} – ${formatCount(ranges.max_duration)} ms`);
  if (ranges.min_total_tokens !== undefined && ranges.max_total_tokens !== undefined)
    parts.push(`tokens ${formatCount(ranges.min_total_tokens)} – ${formatCount(ranges.max_total_tokens)}`);
  // Each range keeps to one line ("duration 4 – 22,106 ms" once broke after the 4 on a phone): a narrow
  // screen wraps between ranges only.
  return parts.map((p) => p.replaceAll(' ', '\u00a0')).join(' · ');
}

const rowsWord = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
/** "1 incomplete row", "1 row with an error", or both: an error is for the user to fix, a gap only to finish. */
function uncounted(incomplete: number, invalid: number): string {
  const empty = incomplete - invalid;
  const parts = [];
  if (empty > 0) parts.push(`${empty} incomplete ${empty === 1 ? 'row' : 'rows'}`);
  if (invalid > 0) parts.push(`${rowsWord(invalid)} with an error`);
  return parts.join(' and ');
}

function MatchCount({ match, incomplete, invalid }: { match: MatchCountState; incomplete: number; invalid: number }) {
  const count = match.data?.total_count;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} aria-live="polite">
      {count !== undefined ? (
        <Typography sx={{ fontWeight: 600 }}>
          {formatCount(count)} {count === 1 ? 'log matches' : 'logs match'}
          {match.draft ? ' the draft' : ''}
        </Typography>
      ) : (
        !match.error && <Typography color="text.secondary">Counting matching logs…</Typography>
      )}
      {match.isFetching && <CircularProgress size={14} aria-label="Updating the count" />}
      {match.data && rangesLine(match.data.ranges) && (
        <Typography variant="body2" color="text.secondary">
          Observed {rangesLine(match.data.ranges)}
        </Typography>
      )}
      {incomplete > 0 && (
        <Typography variant="body2" color="text.secondary">
          ({uncounted(incomplete, invalid)} not counted)
        </Typography>
      )}
      {match.error && <Typography color="error">Could not count the matching logs: {match.error.message}</Typography>}
      {match.error && match.retry && (
        <Button size="small" color="inherit" onClick={match.retry}>
          Retry count
        </Button>
      )}
    </Stack>
  );
}

/** Read-back sentence, lint warnings and live count under the rows. */
export function FilterSummary({ rows, match }: { rows: readonly FilterRowInput[]; match?: MatchCountState }) {
  const { filters, incomplete } = completeRows(rows);
  // Rows refused for what they hold (a word for a number), not for what they still lack.
  const invalid = rows.filter((row) => row.value.length > 0 && !filterSchema.safeParse(row).success).length;
  // A zero from an older version of the filters must not warn about the current one.
  const matchCount = match && !match.isStale && incomplete === 0 ? match.data?.total_count : undefined;
  const lints = lintFilters(filters, { matchCount });
  return (
    <Stack spacing={1}>
      <Typography aria-label="Filter summary" sx={{ fontStyle: 'italic' }}>
        {readBack(rowsForReadBack(rows))}
      </Typography>
      {match && <MatchCount match={match} incomplete={incomplete} invalid={invalid} />}
      {lints.map((lint) => (
        <Alert key={lint.message} severity="warning" variant="outlined">
          {lint.message}
        </Alert>
      ))}
    </Stack>
  );
}
