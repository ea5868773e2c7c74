import Sync from '@mui/icons-material/Sync';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { SyncJob, SyncStatus } from '../../../shared/sources.ts';
import { DateTime } from '../../components/date-time.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { isApiError } from '../../lib/api-error.ts';
import { formatCount, formatElapsed } from '../../lib/format.ts';
import { refetchAfterNewLogs, sourcesQueries, useSyncAction } from './sources-queries.ts';

const STATUS_WORDS: Record<SyncJob['status'], string> = {
  running: 'Syncing',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Up to date',
  failed: 'Stopped by an error',
};

/** What the job has done, in one line: counts, the calls it spent, and the time left while it runs. */
function jobLine(job: SyncJob): string {
  const parts = [formatCount(job.stored, ' new logs'), `${formatCount(job.already_present)} already here`, formatCount(job.calls, ' API calls')];
  if (job.status === 'running' && job.eta_ms !== null) parts.push(`about ${formatElapsed(job.eta_ms)} left`);
  return parts.join(' · ');
}

function JobProgress({ job }: { job: SyncJob }) {
  const running = job.status === 'running';
  // The account's count of what is new arrives after the first call; until then the bar says "working".
  const percent = job.expected ? Math.min(100, Math.round(((job.stored + job.already_present) / job.expected) * 100)) : undefined;
  return (
    <Stack spacing={0.5}>
      {running && (
        <LinearProgress
          variant={percent === undefined ? 'indeterminate' : 'determinate'}
          {...(percent === undefined ? {} : { value: percent })}
          aria-label="Sync progress"
        />
      )}
      <Typography variant="body2" aria-live="polite">
        <strong>{STATUS_WORDS[job.status]}</strong>
        {running && percent !== undefined ? ` ${percent}% of ${formatCount(job.expected)} expected` : ''}: {jobLine(job)}
      </Typography>
    </Stack>
  );
}

function SyncControls({ gw, job }: { gw: string; job: SyncJob | null }) {
  const action = useSyncAction(gw);
  const running = job?.status === 'running';
  const resumable = job?.status === 'paused' || job?.status === 'failed';
  const startLabel = job?.status === 'paused' ? 'Resume' : job?.status === 'failed' ? 'Retry' : 'Sync now';
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {!running && (
          <Button variant="contained" startIcon={<Sync />} disabled={action.isPending} onClick={() => action.mutate('start')}>
            {startLabel}
          </Button>
        )}
        {running && (
          <Button variant="outlined" disabled={action.isPending} onClick={() => action.mutate('pause')}>
            Pause
          </Button>
        )}
        {(running || resumable) && (
          <Button color="inherit" disabled={action.isPending} onClick={() => action.mutate('cancel')}>
            Cancel
          </Button>
        )}
      </Stack>
      {action.isError && (
        <Alert severity="error">
          {(isApiError(action.error) ? action.error.errors : [{ message: action.error.message }]).map((e) => e.message).join('; ')}
        </Alert>
      )}
    </Stack>
  );
}

function SyncBody({ gw, status, now }: { gw: string; status: SyncStatus; now: number }) {
  if (!status.configured)
    return (
      <Alert severity="info">
        The server has no Cloudflare account to sync from: {status.missing}, in the environment of <code>npm start</code> (with{' '}
        <code>SYNC_CLOUDFLARE_ACCOUNT_ID</code>). The command line syncs too: <code>npm run gateway -- sync --gateway {gw}</code> with the{' '}
        <code>CLOUDFLARE_*</code> variables.
      </Alert>
    );
  const job = status.job;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        From account {status.account_id}, gateway {gw}. Last up to date:{' '}
        {status.last_synced_at ? <DateTime iso={status.last_synced_at} now={now} /> : 'never'}.
      </Typography>
      {job && <JobProgress job={job} />}
      {job?.error && (
        <Alert severity={job.error.retryable ? 'warning' : 'error'}>
          {job.error.message}
          {job.error.retryable ? ' Trying again may work: the sync continues where it stopped.' : ''}
        </Alert>
      )}
      <SyncControls gw={gw} job={job} />
    </Stack>
  );
}

/**
 * Copies the gateway's logs from the Cloudflare account the server is set up with. The server runs the job
 * (it survives a closed tab) and the card polls it; when a run ends, the sources and logs are refetched.
 */
export function SyncCard({ gw }: { gw: string }) {
  const sync = useQuery(sourcesQueries.sync(gw));
  const qc = useQueryClient();
  const status = sync.data?.job?.status;
  const storedAny = (sync.data?.job?.stored ?? 0) > 0;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'running' && status !== 'running') void refetchAfterNewLogs(qc, gw);
    previous.current = status;
  }, [status, gw, qc]);
  // The first batch the job commits is in the provenance at once: the list (and the header's chip) show
  // the sync while it runs. Once, not per batch: each answer counts the gateway's logs, and the run's
  // end refetches it anyway.
  useEffect(() => {
    if (status === 'running' && storedAny) void qc.invalidateQueries({ queryKey: sourcesQueries.list(gw).queryKey });
  }, [status, storedAny, gw, qc]);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          Sync from a Cloudflare account
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Copies this gateway&apos;s logs from the account&apos;s Logs API. A second sync fetches only what is new; a paused or stopped sync continues where it
          stopped, and every log is stored once.
        </Typography>
        <QueryBoundary query={sync} what="the sync status" loading={<Skeleton variant="rounded" height={72} />}>
          {(s) => <SyncBody gw={gw} status={s} now={sync.dataUpdatedAt} />}
        </QueryBoundary>
      </Stack>
    </Paper>
  );
}
