import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link as RouterLink } from 'react-router';
import type { AnalysisSplit } from '../../../../shared/analysis.ts';
import type { Evaluation, EvaluationType } from '../../../../shared/evaluations.ts';
import { LoadingLines, QueryBoundary } from '../../../components/query-boundary.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formatFigure } from './analysis-format.ts';
import { ExcludeToggle, useExcludeCachedFailed } from './exclude-toggle.tsx';
import { analysisQueries } from './analysis-queries.ts';
import { AnalysisTables } from './analysis-tables.tsx';
import { unionMismatches } from './union-check.ts';
import { SplitSection, useSplitParams } from './split-section.tsx';
import { BASELINE_PARAM, DatasetVerdicts } from './verdicts-table.tsx';
import { buildReport, type ReportInput } from './report-model.ts';
import { ReportDialog, useReportOpen } from './report-view.tsx';
import { datasetReadBack } from '../export-evaluation.ts';
import { readIntParam } from '../../../lib/url-state.ts';
import { useUrlParams } from '../../../lib/use-url-params.ts';
import ArticleOutlined from '@mui/icons-material/ArticleOutlined';

// The chart library is loaded only when a breakdown is shown, after its tables.
const AnalysisCharts = lazy(() => import('./analysis-charts.tsx'));

/** The split shown on the page, named by its dataset, for the report (none while it loads or failed). */
function reportSplit(evaluation: Evaluation, split: AnalysisSplit | null | undefined): ReportInput['split'] {
  if (!split) return null;
  const dataset = evaluation.datasets.find((d) => d.id === split.dataset_id)?.name ?? split.dataset_id;
  return { dataset, at: split.at, halves: split.groups };
}

/**
 * The evaluation's breakdown per dataset and for the union, pinned to its created_at: the toggle, the
 * tables, the check against the evaluation's own results, and how many matching logs arrived since.
 */
export default function AnalysisSection({ gw, evaluation, types, rerunTo }: { gw: string; evaluation: Evaluation; types: readonly EvaluationType[]; rerunTo: string }) {
  const [excluded] = useExcludeCachedFailed();
  const query = useQuery(analysisQueries.evaluation(gw, evaluation.id, excluded));
  const [split] = useSplitParams();
  const [reportOpen, setReportOpen] = useReportOpen();
  const [params] = useUrlParams();
  const splitQuery = useQuery({ ...analysisQueries.evaluation(gw, evaluation.id, excluded, split), enabled: !!split });
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2">
        Breakdown by dataset
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Counts the logs this evaluation could see: those matching each dataset's filters created at or before{' '}
        {formatDateTime(evaluation.created_at)}. A log in two datasets counts once in “All datasets”.
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ExcludeToggle />
        <Button variant="outlined" className="no-print" startIcon={<ArticleOutlined />} onClick={() => setReportOpen(true)} disabled={!query.data}>
          One-page report
        </Button>
      </Stack>
      <QueryBoundary query={query} what="the breakdown" loading={<LoadingLines lines={8} />}>
        {(analysis) => {
          const union = analysis.groups.at(-1)!;
          const mismatches = evaluation.processed ? unionMismatches(evaluation, types, union) : [];
          const datasets = analysis.groups.slice(0, -1);
          const report = reportOpen
            ? buildReport({
                kind: 'evaluation',
                title: evaluation.name,
                gateway: gw,
                groups: analysis.groups,
                compared: datasets.length > 1 ? datasets : [],
                baseline: readIntParam(params, BASELINE_PARAM, 0, 0, Math.max(0, datasets.length - 1)),
                pins: [{ label: evaluation.name, at: evaluation.created_at }],
                readBacks: evaluation.datasets.map((d) => datasetReadBack(d)),
                excluded: analysis.exclude_cached_failed,
                estimate: analysis.estimate,
                split: reportSplit(evaluation, split ? splitQuery.data?.split : null),
                generatedAt: new Date(),
              })
            : null;
          return (
            <Stack spacing={3}>
              <ReportDialog model={report} open={reportOpen} onClose={() => setReportOpen(false)} />
              {union.arrived_since > 0 && (
                <Alert
                  severity="info"
                  action={
                    <Button component={RouterLink} to={rerunTo} color="inherit" size="small">
                      Re-run with them
                    </Button>
                  }
                >
                  {union.arrived_since.toLocaleString('en-US')} matching {union.arrived_since === 1 ? 'log' : 'logs'} arrived since this
                  evaluation; they are not counted here.
                </Alert>
              )}
              {mismatches.length > 0 && (
                <Alert severity="warning">
                  The union's figures differ from the evaluation's results:{' '}
                  {mismatches.map((m) => `${m.evaluator} reported ${m.reported}, recomputed ${m.recomputed}`).join('; ')}. Logs with an earlier
                  time may have been imported since.
                </Alert>
              )}
              {evaluation.processed && mismatches.length === 0 && !union.estimate && (
                <Typography variant="body2" color="text.secondary">
                  “All datasets” matches the evaluation's results exactly (mean cost {formatFigure('usd', union.evaluator.cost_logs ? union.evaluator.cost_sum / union.evaluator.cost_logs : null)} over{' '}
                  {union.evaluator.cost_logs.toLocaleString('en-US')} logs).
                </Typography>
              )}
              {analysis.groups.length > 2 && <DatasetVerdicts groups={analysis.groups.slice(0, -1)} />}
              <Suspense fallback={<LoadingLines lines={4} />}>
                <AnalysisCharts groups={analysis.groups} />
              </Suspense>
              <AnalysisTables groups={analysis.groups} excluded={analysis.exclude_cached_failed} />
              <SplitSection
                evaluation={evaluation}
                split={split ? (splitQuery.data?.split ?? null) : null}
                excluded={analysis.exclude_cached_failed}
                error={splitQuery.error}
                loading={splitQuery.isFetching}
              />
            </Stack>
          );
        }}
      </QueryBoundary>
    </Stack>
  );
}
