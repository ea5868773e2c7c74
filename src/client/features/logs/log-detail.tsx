import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatUsd, formatCount, formatDateTime } from '../../lib/format.ts';
import { FeedbackButtons } from './feedback-buttons.tsx';
import { useLogFeedback } from './log-cells.tsx';
import { LogBodies } from './log-detail-body.tsx';
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

/** Every field of one log, its request and response bodies, and the 👍/👎 that the row has too. */
export function LogDetailView({ gw, log }: { gw: string; log: LogDetail }) {
  // The list's own save: the same toast says what was saved, and the same one says a refusal.
  const onFeedback = useLogFeedback(gw);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" variant="outlined" color={log.success ? 'success' : 'error'} label={log.success ? 'Success' : 'Error'} />
        {log.cached && <Chip size="small" variant="outlined" label="Cached" />}
        {log.status_code !== undefined && <Typography variant="body2">HTTP {log.status_code}</Typography>}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2">Feedback</Typography>
        <FeedbackButtons value={log.feedback} onChange={(next) => onFeedback(log.id, next)} />
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
      <LogBodies gw={gw} id={log.id} />
    </Stack>
  );
}
