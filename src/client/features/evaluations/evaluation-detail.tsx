import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { PageHeading } from '../../components/page-heading.tsx';
import { LoadingLines, QueryBoundary } from '../../components/query-boundary.tsx';
import { useToast } from '../../components/toast/toast-provider.tsx';
import type { Evaluation, EvaluationType } from '../../../shared/evaluations.ts';
import { DatasetSnapshots } from './dataset-snapshots.tsx';
import { DetailActions } from './detail-actions.tsx';
import { isStuck, STUCK_AFTER_MS } from './evaluation-status.ts';
import { DateTime } from '../../components/date-time.tsx';
import { useDeleteEvaluation } from './evaluation-mutations.ts';
import { evaluationQueries, evaluationTypeQueries } from './evaluation-queries.ts';
import { rerunPath } from './prefill.ts';
import { PrintStyles } from './print-styles.tsx';
import { resultRows } from './result-rows.ts';
import { ResultsSection } from './results-section.tsx';
import { StatusChip } from './status-chip.tsx';
import { StuckNotice } from './stuck-notice.tsx';
import { useDatasetStates } from './use-dataset-states.ts';
import { useNow } from './use-now.ts';
import { paths } from '../../lib/paths.ts';
import { formatCount, formatElapsed } from '../../lib/format.ts';

const AnalysisSection = lazy(() => import('./analysis/analysis-section.tsx'));

export default function EvaluationDetailPage({ stuckAfterMs = STUCK_AFTER_MS }: { stuckAfterMs?: number }) {
  const gw = useGatewayId();
  const { id = '' } = useParams();
  const detail = useQuery(evaluationQueries.detail(gw, id));
  const types = useQuery(evaluationTypeQueries.list());
  return (
    <Stack spacing={3}>
      <PrintStyles />
      <Link component={RouterLink} to={paths.evaluations(gw)} variant="body2" className="no-print">
        ← Evaluations
      </Link>
      <QueryBoundary query={detail} what="the evaluation" loading={<LoadingLines lines={6} />}>
        {(evaluation) => (
          <EvaluationView gw={gw} evaluation={evaluation} types={types.data ?? []} stuckAfterMs={stuckAfterMs} onRefresh={() => void detail.refetch()} />
        )}
      </QueryBoundary>
    </Stack>
  );
}

interface EvaluationViewProps {
  gw: string;
  evaluation: Evaluation;
  types: readonly EvaluationType[];
  stuckAfterMs: number;
  onRefresh: () => void;
}

function EvaluationView({ gw, evaluation, types, stuckAfterMs, onRefresh }: EvaluationViewProps) {
  const navigate = useNavigate();
  const toast = useToast();
  const remove = useDeleteEvaluation(gw);
  const now = useNow(1000, !evaluation.processed);
  const states = useDatasetStates(gw, evaluation);
  const rows = resultRows(evaluation, types);
  const base = paths.evaluations(gw);
  const rerunTo = rerunPath(gw, evaluation);
  const exportDatasets = evaluation.datasets.map((d) => {
    const state = states.get(d.id);
    return { id: d.id, name: d.name, filters: d.filters, currentState: state === 'unknown' ? undefined : state };
  });

  return (
    <>
      <Stack spacing={1}>
        <PageHeading title={evaluation.name} />
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <StatusChip evaluation={evaluation} now={now} />
          <Typography variant="body2" color="text.secondary">
            Created{' '}
            <DateTime iso={evaluation.created_at} now={now} />{' '}
            ·{' '}
            {evaluation.processed
              ? `${formatCount(evaluation.total_logs)} distinct logs across ${evaluation.datasets.length} ${evaluation.datasets.length === 1 ? 'dataset' : 'datasets'}`
              : `${evaluation.datasets.length} ${evaluation.datasets.length === 1 ? 'dataset' : 'datasets'}, logs not counted yet`}
          </Typography>
        </Stack>
      </Stack>
      {isStuck(evaluation, now, stuckAfterMs) && (
        <StuckNotice elapsedMs={now - Date.parse(evaluation.created_at)} rerunTo={rerunTo} onRefresh={onRefresh} />
      )}
      {!evaluation.processed && !isStuck(evaluation, now, stuckAfterMs) && (
        <Typography color="text.secondary" role="status">
          Computing the results… ({formatElapsed(now - Date.parse(evaluation.created_at))} so far; this page updates by itself)
        </Typography>
      )}
      <DetailActions
        evaluation={evaluation}
        rows={rows}
        datasets={exportDatasets}
        rerunTo={rerunTo}
        deleting={remove.isPending}
        onDelete={() =>
          remove.mutateAsync({ id: evaluation.id }).then(
            () => {
              toast({ severity: 'success', message: `Deleted “${evaluation.name}”` });
              void navigate(base);
            },
            (e: Error) => toast({ severity: 'error', message: `Could not delete the evaluation: ${e.message}` }),
          )
        }
      />
      <Typography variant="h6" component="h2">
        Results
      </Typography>
      <ResultsSection rows={rows} running={!evaluation.processed} />
      <Suspense fallback={<LoadingLines lines={6} />}>
        <AnalysisSection gw={gw} evaluation={evaluation} types={types} rerunTo={rerunTo} />
      </Suspense>
      <Typography variant="h6" component="h2">
        Datasets
      </Typography>
      <Typography variant="body2" color="text.secondary">
        The filters below are the ones this evaluation used. Datasets are live filters; an evaluation is a snapshot.
      </Typography>
      <DatasetSnapshots gw={gw} evaluation={evaluation} states={states} />
    </>
  );
}
