import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { LOG_BODY_MAX_CHARS, type LogBody } from '../../../shared/logs.ts';
import { LoadingLines, QueryBoundary } from '../../components/query-boundary.tsx';
import { formatBytes, formatCount } from '../../lib/format.ts';
import { logBodyQuery, type LogBodyPart } from './log-detail-body-query.ts';

/** Past either of these a body is shown folded to its start, with a "Show all" button. */
export const FOLD_LINES = 24;
export const FOLD_CHARS = 2000;

const TITLES: Readonly<Record<LogBodyPart, string>> = { request: 'Request', response: 'Response' };

/** JSON indented two spaces; text, and JSON the limit cut (no longer parseable), as it came. */
function displayText(body: LogBody): string {
  if (!body.json || body.truncated) return body.text;
  try {
    return JSON.stringify(JSON.parse(body.text), null, 2);
  } catch {
    return body.text;
  }
}

/** The start of `text` up to FOLD_LINES lines and FOLD_CHARS characters, or undefined when it all fits. */
function foldedStart(text: string): string | undefined {
  let end = Math.min(text.length, FOLD_CHARS);
  let at = -1;
  for (let line = 0; line < FOLD_LINES; line++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1 || at >= end) break;
    if (line === FOLD_LINES - 1) end = at;
  }
  return end < text.length ? text.slice(0, end) : undefined;
}

function BodyText({ label, body }: { label: string; body: LogBody }) {
  const text = useMemo(() => displayText(body), [body]);
  const start = useMemo(() => foldedStart(text), [text]);
  const [all, setAll] = useState(false);
  return (
    <>
      {body.truncated && (
        <Typography variant="body2" color="text.secondary">
          Only the first {formatCount(LOG_BODY_MAX_CHARS)} characters are shown; the whole body is {formatBytes(body.size)}.
        </Typography>
      )}
      <Box
        component="pre"
        tabIndex={0}
        aria-label={label}
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {text === '' ? '(empty)' : all || start === undefined ? text : `${start}…`}
      </Box>
      {start !== undefined && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show less' : `Show all (${formatCount(text.split('\n').length)} lines)`}
        </Button>
      )}
    </>
  );
}

/** One of a log's bodies, loaded when the drawer shows it: the text, a plain word when none was kept, or the failure with Retry. */
export function LogBodySection({ gw, id, part }: { gw: string; id: string; part: LogBodyPart }) {
  const query = useQuery(logBodyQuery(gw, id, part));
  const headingId = useId();
  const title = TITLES[part];
  return (
    <Stack component="section" spacing={0.5} aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        {title}
        {query.data && ` · ${formatBytes(query.data.size)}${query.data.json ? ' · JSON' : ''}`}
      </Typography>
      <QueryBoundary query={query} what={`the ${part}`} loading={<LoadingLines lines={2} />}>
        {(data) =>
          data === null ? (
            <Typography variant="body2" color="text.secondary">
              The gateway did not keep the {part} of this log.
            </Typography>
          ) : (
            // Keyed by the log, so stepping to the next log starts folded again.
            <BodyText key={id} label={`${title} body`} body={data} />
          )
        }
      </QueryBoundary>
    </Stack>
  );
}

/** Both bodies, and the limit they are shown to. */
export function LogBodies({ gw, id }: { gw: string; id: string }) {
  return (
    <Stack spacing={2}>
      <LogBodySection gw={gw} id={id} part="request" />
      <LogBodySection gw={gw} id={id} part="response" />
      <Typography variant="caption" color="text.secondary">
        Bodies are shown up to {formatCount(LOG_BODY_MAX_CHARS)} characters each.
      </Typography>
    </Stack>
  );
}
