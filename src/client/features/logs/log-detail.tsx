import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { FeedbackButtons } from './feedback-buttons.tsx';
import { formatBytes, formatUsd, formatCount, formatDateTime } from '../../lib/format.ts';
import { useSetLogFeedback } from './log-mutations.ts';
import type { LogDetail } from '../../../shared/logs.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

/** A request or response head as the gateway kept it; it says so when the gateway cut it short. */
function Head({ title, text, complete, size }: { title: string; text?: string; complete?: boolean; size?: number }) {
  if (text === undefined && size === undefined) return null;
  return (
    <Stack spacing={0.5}>
      <Typography variant="subtitle2" component="h3">
        {title}
        {size !== undefined && ` · ${formatBytes(size)}`}
        {complete === false && ' · truncated by the gateway'}
      </Typography>
      {text !== undefined && (
        <Box
          component="pre"
          tabIndex={0}
          aria-label={title}
          sx={{ m: 0, p: 1, maxHeight: 240, overflow: 'auto', bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, whiteSpace: 'pre-wrap' }}
        >
          {text || '(empty)'}
        </Box>
      )}
    </Stack>
  );
}

/** Every field of one log, its heads when present, and the 👍/👎 that the row has too. */
export function LogDetailView({ gw, log }: { gw: string; log: LogDetail }) {
  const feedback = useSetLogFeedback(gw);
  const toast = useToast();
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" variant="outlined" color={log.success ? 'success' : 'error'} label={log.success ? 'Success' : 'Error'} />
        {log.cached && <Chip size="small" variant="outlined" label="Cached" />}
        {log.status_code !== undefined && <Typography variant="body2">HTTP {log.status_code}</Typography>}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2">Feedback</Typography>
        <FeedbackButtons
          value={log.feedback}
          onChange={(next) =>
            feedback.mutate(
              { id: log.id, feedback: next },
              { onError: (e) => toast({ severity: 'error', message: `Could not save the feedback: ${e.message}` }) },
            )
          }
        />
      </Stack>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
        <Field label="Time">{formatDateTime(log.created_at)}</Field>
        <Field label="Provider">{log.provider}</Field>
        <Field label="Model">{log.model}</Field>
        {log.model_type && <Field label="Model type">{log.model_type}</Field>}
        <Field label="Path">{log.path}</Field>
        {log.request_type && <Field label="Request type">{log.request_type}</Field>}
        <Field label="Duration">{formatCount(log.duration, ' ms')}</Field>
        <Field label="Tokens in">{formatCount(log.tokens_in)}</Field>
        <Field label="Tokens out">{formatCount(log.tokens_out)}</Field>
        <Field label="Cost">
          {formatUsd(log.cost)}
          {log.custom_cost && ' (custom)'}
        </Field>
        {log.request_content_type && <Field label="Request content type">{log.request_content_type}</Field>}
        {log.response_content_type && <Field label="Response content type">{log.response_content_type}</Field>}
        {log.step !== undefined && <Field label="Step">{log.step}</Field>}
        {log.score !== undefined && log.score !== null && <Field label="Score">{log.score}</Field>}
        {log.metadata && <Field label="Metadata">{log.metadata}</Field>}
        <Field label="Log id">{log.id}</Field>
      </Box>
      <Head title="Request head" text={log.request_head} complete={log.request_head_complete} size={log.request_size} />
      <Head title="Response head" text={log.response_head} complete={log.response_head_complete} size={log.response_size} />
      {log.request_head === undefined && log.response_head === undefined && (
        <Typography variant="body2" color="text.secondary">
          The gateway kept no request or response head for this log.
        </Typography>
      )}
    </Stack>
  );
}
