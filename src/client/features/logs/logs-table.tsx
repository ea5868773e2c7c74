import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { LogEntry } from '../../../shared/logs.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { FeedbackButtons } from './feedback-buttons.tsx';
import { useSetLogFeedback } from './log-mutations.ts';

const num = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n.toLocaleString('en-US')}${unit}`);
const time = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
};

const COLUMNS = ['Time', 'Provider', 'Model', 'Status', 'Cache', 'Tokens in', 'Tokens out', 'Cost', 'Duration', 'Feedback'];
const NUMERIC = new Set(['Tokens in', 'Tokens out', 'Cost', 'Duration']);

export function LogsTable({ gw, logs }: { gw: string; logs: LogEntry[] }) {
  const feedback = useSetLogFeedback(gw);
  const toast = useToast();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Logs">
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c} align={NUMERIC.has(c) ? 'right' : 'left'} sx={{ whiteSpace: 'nowrap' }}>
                {c}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {logs.map((log) => (
            <TableRow key={log.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{time(log.created_at)}</TableCell>
              <TableCell>{log.provider}</TableCell>
              <TableCell sx={{ maxWidth: 260, overflowWrap: 'anywhere' }}>{log.model}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" color={log.success ? 'success' : 'error'} label={log.success ? 'Success' : 'Error'} />
              </TableCell>
              <TableCell>{log.cached ? 'Cached' : '—'}</TableCell>
              <TableCell align="right">{num(log.tokens_in)}</TableCell>
              <TableCell align="right">{num(log.tokens_out)}</TableCell>
              <TableCell align="right">{log.cost === undefined ? '—' : `$${log.cost.toFixed(6).replace(/0+$/, '').replace(/\.$/, '')}`}</TableCell>
              <TableCell align="right">{num(log.duration, ' ms')}</TableCell>
              <TableCell>
                <FeedbackButtons
                  value={log.feedback}
                  onChange={(next) =>
                    feedback.mutate(
                      { id: log.id, feedback: next },
                      { onError: (e) => toast({ severity: 'error', message: `Could not save the feedback: ${e.message}` }) },
                    )
                  }
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
