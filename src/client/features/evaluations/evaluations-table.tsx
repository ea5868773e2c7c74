import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import OpenInNewOutlined from '@mui/icons-material/OpenInNewOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Paper from '@mui/material/Paper';
import { Link as RouterLink } from 'react-router';
import type { Evaluation, EvaluationType } from '../../../shared/evaluations.ts';
import { DateTime } from '../../components/date-time.tsx';
import { DeletedRowActions, deletedRowSx } from '../../components/deleted-row.tsx';
import { STACK, stackedTableSx } from '../../components/stacked-table.ts';
import { rerunPath } from './prefill.ts';
import { evaluatorName } from './result-rows.ts';
import { StatusChip } from './status-chip.tsx';
import { paths } from '../../lib/paths.ts';
import { formatCount } from '../../lib/format.ts';
import type { PendingDelete } from '../../lib/use-undo-delete.ts';

interface EvaluationsTableProps {
  gw: string;
  evaluations: readonly Evaluation[];
  types: readonly EvaluationType[];
  selected: readonly string[];
  now: number;
  onToggle: (id: string) => void;
  /** Deleted evaluations still in their Undo window (or on the way), shown in place. */
  pending: ReadonlyMap<string, PendingDelete>;
  onDelete: (evaluation: Evaluation) => void;
  onUndo: (evaluation: Evaluation) => void;
}

export function EvaluationsTable({ gw, evaluations, types, selected, now, onToggle, pending, onDelete, onUndo }: EvaluationsTableProps) {
  return (
    <TableContainer component={Paper} variant="outlined">
      {/* Fixed layout with set widths: a running row's ticking age or a greyed row never moves the columns. */}
      <Table size="small" aria-label="Evaluations" sx={[{ tableLayout: 'fixed' }, stackedTableSx()].flat()}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" sx={{ width: 48 }}>
              <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                Select
              </span>
            </TableCell>
            <TableCell sx={{ width: 136 }}>Status</TableCell>
            <TableCell sx={{ width: '20%' }}>Name</TableCell>
            <TableCell>Datasets</TableCell>
            <TableCell sx={{ width: '16%' }}>Evaluators</TableCell>
            <TableCell align="right" sx={{ width: 80 }}>
              Logs
            </TableCell>
            <TableCell sx={{ width: 220 }}>Created</TableCell>
            <TableCell align="right" sx={{ width: 144 }}>
              Actions
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evaluations.map((e) => {
            const href = paths.evaluation(gw, e.id);
            const evaluators = [...new Set(e.results.map((r) => r.evaluation_type_id))].map((id) => evaluatorName(id, types));
            const deleted = pending.get(e.id);
            return (
              <TableRow key={e.id} hover={!deleted} selected={selected.includes(e.id)} sx={deleted ? deletedRowSx : undefined}>
                <TableCell padding="checkbox" className={STACK.lead}>
                  <Checkbox
                    checked={selected.includes(e.id)}
                    disabled={!!deleted}
                    onChange={() => onToggle(e.id)}
                    slotProps={{ input: { 'aria-label': `Select ${e.name}` } }}
                  />
                </TableCell>
                <TableCell>
                  <StatusChip evaluation={e} now={now} />
                </TableCell>
                <TableCell className={STACK.title}>
                  <Link component={RouterLink} to={href} sx={{ fontWeight: 500 }}>
                    {e.name}
                  </Link>
                </TableCell>
                <TableCell className={STACK.full} data-label="Datasets">
                  {e.datasets.map((d) => d.name).join(', ') || '—'}
                </TableCell>
                <TableCell className={STACK.full} data-label="Evaluators">
                  {evaluators.join(', ') || '—'}
                </TableCell>
                <TableCell align="right" data-label="Logs">
                  {e.processed ? formatCount(e.total_logs) : '—'}
                </TableCell>
                <TableCell data-label="Created">
                  <DateTime iso={e.created_at} now={now} />
                </TableCell>
                <TableCell align="right" className={STACK.actions} sx={{ whiteSpace: 'nowrap' }}>
                  {deleted ? (
                    <DeletedRowActions name={e.name} state={deleted} onUndo={() => onUndo(e)} />
                  ) : (
                    <>
                      <Tooltip title="Open">
                        <IconButton component={RouterLink} to={href} size="small" aria-label={`Open ${e.name}`}>
                          <OpenInNewOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title="Re-run">
                        <IconButton component={RouterLink} to={rerunPath(gw, e)} size="small" aria-label={`Re-run ${e.name}`}>
                          <ReplayOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title="Delete">
                        <IconButton size="small" aria-label={`Delete ${e.name}`} onClick={() => onDelete(e)}>
                          <DeleteOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
