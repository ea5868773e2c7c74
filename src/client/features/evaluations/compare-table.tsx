import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { deltaTone, formatDelta, SMALL_SAMPLE, type CompareCell, type CompareRow } from './compare.ts';
import type { ResultKind } from './format-result.ts';
import { MISSING } from '../../lib/format.ts';
import { StatusChip } from './status-chip.tsx';
import { paths } from '../../lib/paths.ts';
import { formatCount } from '../../lib/format.ts';
import { STACK, stackedTableSx } from '../../components/stacked-table.ts';

const TONE_COLOR = { better: 'success.main', worse: 'error.main', same: 'text.secondary', neutral: 'text.secondary' } as const;
const TONE_WORD = { better: 'better', worse: 'worse', same: 'no change', neutral: '' } as const;

interface CompareTableProps {
  gw: string;
  evaluations: readonly Evaluation[];
  rows: readonly CompareRow[];
  baselineId: string;
  now: number;
}

function Cell({ cell, kind, isBaseline }: { cell: CompareCell; kind: ResultKind; isBaseline: boolean }) {
  const row = cell.row;
  if (!row) return <Typography color="text.secondary">not evaluated</Typography>;
  const tone = cell.delta ? deltaTone(kind, cell.delta) : undefined;
  return (
    <>
      <Typography component="div" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
        {row.display}
        {cell.smallSample && (
          <Tooltip title={`Only ${row.logs} logs: fewer than ${SMALL_SAMPLE}, so this figure can move a lot by chance.`}>
            <WarningAmberOutlined
              fontSize="small"
              color="warning"
              tabIndex={0}
              aria-label={`small sample: ${row.logs} logs`}
              sx={{ ml: 0.5, verticalAlign: 'text-bottom' }}
            />
          </Tooltip>
        )}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        n = {formatCount(row.logs)}
        {row.value === null && row.description ? ` · ${row.description}` : ''}
      </Typography>
      {isBaseline ? (
        <Typography variant="body2" color="text.secondary">
          baseline
        </Typography>
      ) : cell.delta && tone ? (
        <Typography variant="body2" sx={{ color: TONE_COLOR[tone], fontVariantNumeric: 'tabular-nums' }}>
          {formatDelta(kind, cell.delta)}
          {TONE_WORD[tone] ? ` · ${TONE_WORD[tone]}` : ''}
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {MISSING}
        </Typography>
      )}
    </>
  );
}

/** A row per evaluator, a column per evaluation: value, its n, the delta to the baseline. */
export function CompareTable({ gw, evaluations, rows, baselineId, now }: CompareTableProps) {
  return (
    <TableContainer component={Paper} variant="outlined">
      {/* On a phone an evaluator is a card: each evaluation's figures after its name (the header row, with the
          evaluations' links and states, is for screen readers there; the analysis above names them too). */}
      <Table aria-label="Comparison" sx={stackedTableSx()}>
        <TableHead>
          <TableRow>
            <TableCell>Evaluator</TableCell>
            {evaluations.map((e) => (
              <TableCell key={e.id} sx={{ verticalAlign: 'top', minWidth: 200 }}>
                <Link component={RouterLink} to={paths.evaluation(gw, e.id)} sx={{ fontWeight: 600 }}>
                  {e.name}
                </Link>
                {e.id === baselineId && (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' '}
                    (baseline)
                  </Typography>
                )}
                <div style={{ marginTop: 4 }}>
                  <StatusChip evaluation={e} now={now} />
                </div>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {formatCount(e.total_logs)} logs · {e.datasets.map((d) => d.name).join(', ')}
                </Typography>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.evaluationTypeId}>
              <TableCell component="th" scope="row" className={`${STACK.title} ${STACK.full}`} sx={{ fontWeight: 600 }}>
                {r.evaluator}
              </TableCell>
              {r.cells.map((c) => (
                <TableCell
                  key={c.evaluationId}
                  data-label={`${evaluations.find((e) => e.id === c.evaluationId)?.name ?? c.evaluationId}${c.evaluationId === baselineId ? ' (baseline)' : ''}`}
                  sx={{ verticalAlign: 'top' }}
                  className={STACK.full}
                >
                  <Cell cell={c} kind={r.kind} isBaseline={c.evaluationId === baselineId} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
