import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { STACK, stackedTableSx } from '../../../components/stacked-table.ts';
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import { COMPARE_METHODS, type VerdictTone } from '../../../../shared/stats-compare.ts';
import { readIntParam } from '../../../lib/url-state.ts';
import { useUrlParams } from '../../../lib/use-url-params.ts';
import { formatFigure, formatInterval } from './analysis-format.ts';
import { verdictRows } from './verdicts.ts';

const TONE_COLOR: Record<VerdictTone, string> = {
  better: 'success.main',
  worse: 'error.main',
  noise: 'text.secondary',
  'too-few': 'text.secondary',
  none: 'text.secondary',
};

/** URL parameter of the baseline group's index. */
export const BASELINE_PARAM = 'baseline';

/** The detail page's verdicts: the baseline dataset is chosen here and kept in the URL by its index. */
export function DatasetVerdicts({ groups }: { groups: readonly GroupAnalysis[] }) {
  const [params, update] = useUrlParams();
  const baseline = readIntParam(params, BASELINE_PARAM, 0, 0, groups.length - 1);
  return <VerdictsTable groups={groups} baseline={baseline} onBaseline={(i) => update({ [BASELINE_PARAM]: i || undefined }, { replace: true })} />;
}

/**
 * Each group against the baseline group: verdict words, the difference and its interval, the method named.
 * With `onBaseline` the table offers its own baseline picker; without, the page around it has one.
 */
export function VerdictsTable({ groups, baseline, onBaseline, title = 'Against a baseline' }: { groups: readonly GroupAnalysis[]; baseline: number; onBaseline?: (index: number) => void; title?: string }) {
  const labelId = useId();
  const rows = verdictRows(groups, baseline);
  const others = groups.filter((_, i) => i !== baseline);
  return (
    <section aria-label={title}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {title}
      </Typography>
      {onBaseline && (
        <FormControl size="small" sx={{ minWidth: 'min(240px, 100%)', maxWidth: '100%', mb: 1 }} className="no-print">
          <InputLabel id={labelId}>Baseline</InputLabel>
          <Select labelId={labelId} label="Baseline" value={baseline} onChange={(e) => onBaseline(Number(e.target.value))}>
            {groups.map((g, i) => (
              <MenuItem key={i} value={i}>
                {g.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
      <TableContainer sx={{ overflowX: 'auto' }}>
        {/* On a phone a metric is a card: its name on a line, then each comparison's verdict after its name. */}
        <Table size="small" aria-label={`Verdicts against ${groups[baseline]!.label}`} sx={stackedTableSx()}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Metric
              </TableCell>
              {others.map((g, i) => (
                <TableCell key={i} component="th" scope="col">
                  {g.label} vs {groups[baseline]!.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(({ metric, cells }) => (
              <TableRow key={metric.label}>
                <TableCell component="th" scope="row" className={`${STACK.title} ${STACK.full}`}>
                  {metric.label}
                </TableCell>
                {cells.map((c, i) => (
                  <TableCell key={i} data-label={`${others[i]!.label} vs ${groups[baseline]!.label}`}>
                    <Typography component="span" sx={{ fontWeight: 600, color: TONE_COLOR[c.verdict.tone], display: 'block' }}>
                      {c.verdict.text}
                    </Typography>
                    {c.d && (
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', whiteSpace: { xs: 'normal', sm: 'nowrap' } }}>
                        {metric.unit === 'share'
                          ? `${(c.d.diff * 100).toFixed(1)} points (95% CI ${((c.d.diff_ci?.[0] ?? 0) * 100).toFixed(1)} to ${((c.d.diff_ci?.[1] ?? 0) * 100).toFixed(1)})`
                          : `${c.d.diff >= 0 ? '+' : ''}${formatFigure(metric.unit, c.d.diff)} (95% CI ${formatInterval(metric.unit, c.d.diff_ci)})`}
                        {c.d.ratio !== null && ` · ×${c.d.ratio.toFixed(2)}`}
                        {c.pAdjusted !== null && ` · p${others.length > 1 ? ' (Holm)' : ''} ${c.pAdjusted < 0.001 ? '< 0.001' : `= ${c.pAdjusted.toFixed(3)}`}`}
                      </Typography>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {COMPARE_METHODS.mean} {COMPARE_METHODS.share} {others.length > 1 ? COMPARE_METHODS.holm : ''} {COMPARE_METHODS.minN}
      </Typography>
    </section>
  );
}
