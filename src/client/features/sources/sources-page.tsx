import UploadFile from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import type { LogSource } from '../../../shared/sources.ts';
import { DateTime } from '../../components/date-time.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { isApiError } from '../../lib/api-error.ts';
import { formatBytes, formatCount } from '../../lib/format.ts';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { sessionQueries } from '../session/session-queries.ts';
import { sourcesQueries, useUploadSource } from './sources-queries.ts';
import { SyncCard } from './sync-card.tsx';

const KIND_LABELS: Record<LogSource['kind'], string> = { seed: 'Seeded', file: 'Imported file', sync: 'Synced' };

/** A file picker as a button: the native input stays in the page (labelled, keyboard-reachable), hidden. */
function FilePicker({ label, accept, file, onPick }: { label: string; accept?: string; file: File | undefined; onPick: (file: File | undefined) => void }) {
  const id = useId();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <Button component="label" htmlFor={id} variant="outlined" sx={{ alignSelf: 'flex-start', whiteSpace: 'nowrap' }}>
        {label}
        <input
          id={id}
          type="file"
          accept={accept}
          hidden
          onChange={(e: ChangeEvent<HTMLInputElement>) => onPick(e.target.files?.[0] ?? undefined)}
        />
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {file ? `${file.name} (${formatBytes(file.size)})` : 'No file chosen'}
      </Typography>
    </Stack>
  );
}

function UploadCard({ gw }: { gw: string }) {
  const [file, setFile] = useState<File>();
  const [keyFile, setKeyFile] = useState<File>();
  const [percent, setPercent] = useState(0);
  const upload = useUploadSource(gw, setPercent);
  const start = () => {
    if (!file) return;
    setPercent(0);
    upload.mutate({ file, keyFile });
  };
  const uploading = upload.isPending;
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          Import a log file
        </Typography>
        <Typography variant="body2" color="text.secondary">
          A Logpush ai_gateway_events file or JSON Lines of Cloudflare log objects, gzipped or not. Its logs go to this gateway; a file with a bad line is
          refused whole, and importing a file again adds nothing. Give your Logpush private key to decrypt metadata and bodies; it is used for this upload
          only and never kept.
        </Typography>
        <FilePicker label="Choose log file" file={file} onPick={setFile} />
        <FilePicker label="Private key (optional)" accept=".pem,.key,text/plain" file={keyFile} onPick={setKeyFile} />
        <Box>
          <Button variant="contained" startIcon={<UploadFile />} disabled={!file || uploading} onClick={start}>
            Upload
          </Button>
        </Box>
        {/* Stays at 100% beside the result, so a quick upload is seen to have finished. */}
        {(uploading || upload.isSuccess) && (
          <Stack spacing={0.5}>
            <LinearProgress variant="determinate" value={percent} aria-label="Upload progress" />
            <Typography variant="body2" color="text.secondary" aria-live="polite">
              {percent < 100 ? `Uploading… ${percent}%` : uploading ? 'Uploaded 100%; importing…' : 'Uploaded 100%'}
            </Typography>
          </Stack>
        )}
        {upload.isSuccess && (
          <Alert severity="success" role="status">
            {upload.data.file_name}: {formatCount(upload.data.imported, ' logs')} added, {formatCount(upload.data.already_present)} duplicates skipped
            {upload.data.kept_out > 0 ? `, ${formatCount(upload.data.kept_out)} encrypted fields kept out (no key given)` : ''}.
          </Alert>
        )}
        {upload.isError && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={start} disabled={!file}>
                Retry
              </Button>
            }
          >
            <Stack spacing={0.5}>
              {(isApiError(upload.error) ? upload.error.errors : [{ message: upload.error.message }]).map((e, i) => (
                <span key={i}>{e.message}</span>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** `now`: when the list was fetched, so "how long ago" reads against the answer's own time. */
function SourceList({ sources, now }: { sources: LogSource[]; now: number }) {
  if (sources.length === 0) return <Typography color="text.secondary">This gateway has no logs yet.</Typography>;
  return (
    <List disablePadding aria-label="Log sources">
      {sources.map((s) => (
        <ListItem key={`${s.kind}:${s.label}`} divider disableGutters>
          <ListItemText
            primary={`${KIND_LABELS[s.kind]}: ${s.label}`}
            secondary={
              <>
                {formatCount(s.logs, ' logs')} · {s.kind === 'sync' ? 'synced' : s.kind === 'seed' ? 'since' : 'imported'} <DateTime iso={s.at} now={now} />
              </>
            }
            slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** Where this gateway's logs came from, and two ways to add more: a sync from an account, a file upload (local mode). */
export default function SourcesPage() {
  const gw = useGatewayId();
  const session = useQuery(sessionQueries.current());
  const local = session.data?.mode === 'local';
  const sources = useQuery({ ...sourcesQueries.list(gw), enabled: local });
  return (
    <Stack spacing={2}>
      <PageHeading title="Sources" />
      {session.data && !local ? (
        <Alert severity="info">
          In Cloudflare mode the logs stay at Cloudflare. To evaluate them locally, import a Logpush export or sync this gateway with the command line, then
          open the console in local mode.
        </Alert>
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
            <Typography variant="h6" component="h2" gutterBottom>
              Where this gateway&apos;s logs came from
            </Typography>
            <QueryBoundary query={sources} what="the log sources">
              {(list) => <SourceList sources={list} now={sources.dataUpdatedAt} />}
            </QueryBoundary>
          </Paper>
          <SyncCard gw={gw} />
          <UploadCard gw={gw} />
        </>
      )}
    </Stack>
  );
}
