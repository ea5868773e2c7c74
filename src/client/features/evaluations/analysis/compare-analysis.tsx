import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { GroupAnalysis } from '../../../../shared/analysis.ts';
import type { Evaluation } from '../../../../shared/evaluations.ts';
import { LoadingLines } from '../../../components/query-boundary.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { analysisQueries } from './analysis-queries.ts';
import { AnalysisTables } from './analysis-tables.tsx';
import { ExcludeToggle, useExcludeCachedFailed } from './exclude-toggle.tsx';
import { VerdictsTable } from './verdicts-table.tsx';
import { buildReport } from './report-model.ts';
import { ReportDialog, useReportOpen } from './report-view.tsx';
import { datasetReadBack } from '../export-evaluation.ts';
import ArticleOutlined from '@mui/icons-material/ArticleOutlined';

const AnalysisCharts = lazy(() => import('./analysis-charts.tsx'));

/** Names as column labels: a second evaluation of the same name gets its creation time beside it. */
export function distinctLabels(evaluations: readonly Pick<Evaluation, 'name' | 'created_at'>[]): string[] {
  return evaluations.map((e, i) =>
    evaluations.some((o, j) => j !== i && o.name === e.name) ? `${e.name} (${formatDateTime(e.created_at)})` : e.name,
  );
}

/** Each evaluation as one group: the union of its datasets, pinned to its own creation time. */
export function evaluationGroups(evaluations: readonly Pick<Evaluation, 'name' | 'created_at'>[], unions: readonly GroupAnalysis[]): GroupAnalysis[] {
  const labels = distinctLabels(evaluations);
  return unions.map((u, i) => ({ ...u, label: labels[i]! }));
}

/**
 * Two or more evaluations side by side on the breakdown's figures: verdicts against the baseline (Holm
 * over the comparisons), the charts and the tables, each evaluation counting the logs it could see.
 */
export function CompareAnalysis({ gw, evaluations, baseline }: { gw: string; evaluations: readonly Evaluation[]; baseline: number }) {
  const [excluded] = useExcludeCachedFailed();
  const [reportOpen, setReportOpen] = useReportOpen();
  const analyses = useQueries({ queries: evaluations.map((e) => analysisQueries.evaluation(gw, e.id, excluded)) });
  const failed = analyses.findIndex((a) => a.isError);
  const body = (() => {
    if (failed >= 0)
      return (
        <Alert severity="error" action={<Button color="inherit" size="small" onClick={() => void analyses[failed]!.refetch()}>Retry</Button>}>
          Could not load the breakdown of “{evaluations[failed]!.name}”: {analyses[failed]!.error!.message}
        </Alert>
      );
    if (analyses.some((a) => !a.data)) return <LoadingLines lines={8} />;
    const groups = evaluationGroups(
      evaluations,
      analyses.map((a) => a.data!.groups.at(-1)!),
    );
    const labels = distinctLabels(evaluations);
    const report = reportOpen
      ? buildReport({
          kind: 'comparison',
          title: `Comparison: ${labels.join(' vs ')}`,
          gateway: gw,
          groups,
          compared: groups,
          baseline,
          pins: evaluations.map((e, i) => ({ label: labels[i]!, at: e.created_at })),
          readBacks: evaluations.flatMap((e, i) => e.datasets.map((d) => `${labels[i]} · ${datasetReadBack(d)}`)),
          excluded,
          estimate: analyses.find((a) => a.data?.estimate)?.data?.estimate,
          generatedAt: new Date(),
        })
      : null;
    return (
      <Stack spacing={3}>
        <ReportDialog model={report} open={reportOpen} onClose={() => setReportOpen(false)} />
        <VerdictsTable groups={groups} baseline={baseline} title="Verdicts against the baseline" />
        <Suspense fallback={<LoadingLines lines={4} />}>
          <AnalysisCharts groups={groups} hasUnion={false} />
        </Suspense>
        <AnalysisTables groups={groups} excluded={excluded} />
      </Stack>
    );
  })();
  return (
    <Stack spacing={2} component="section" aria-label="Breakdown comparison">
      <Typography variant="h6" component="h2">
        Differences and verdicts
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Each evaluation counts the logs of all its datasets (a log in two datasets once) created at or before the evaluation's own
        creation time, so later logs do not move its figures.
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ExcludeToggle />
        <Button variant="outlined" className="no-print" startIcon={<ArticleOutlined />} onClick={() => setReportOpen(true)} disabled={analyses.some((a) => !a.data)}>
          One-page report
        </Button>
      </Stack>
      {body}
    </Stack>
  );
}
