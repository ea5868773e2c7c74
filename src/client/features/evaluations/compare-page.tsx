import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { LoadingLines, QueryBoundary } from '../../components/query-boundary.tsx';
import { CompareAnalysis } from './analysis/compare-analysis.tsx';
import { buildComparison, SMALL_SAMPLE } from './compare.ts';
import { paths } from '../../lib/paths.ts';
import { parseIdsParam } from '../../lib/url-state.ts';
import { CompareTable } from './compare-table.tsx';
import { evaluationQueries, evaluationTypeQueries } from './evaluation-queries.ts';
import { PrintStyles } from './print-styles.tsx';
import { useNow } from './use-now.ts';

/** Comparing more than this many evaluations side by side stops being readable. */
const MAX_COMPARED = 10;

export default function ComparePage() {
  const gw = useGatewayId();
  const [searchParams, setSearchParams] = useSearchParams();
  const ids = parseIdsParam(searchParams.get('ids')).slice(0, MAX_COMPARED);
  const requested = searchParams.get('baseline');
  const baselineId = requested && ids.includes(requested) ? requested : (ids[0] ?? '');
  const details = useQueries({ queries: ids.map((id) => evaluationQueries.detail(gw, id)) });
  const types = useQuery(evaluationTypeQueries.list());
  const evaluations = details.flatMap((d) => (d.data ? [d.data] : []));
  const now = useNow(1000, evaluations.some((e) => !e.processed));
  const list = paths.evaluations(gw);
  const failed = details.find((d) => d.isError);

  const header = (
    <div>
      <Link component={RouterLink} to={list} variant="body2" className="no-print">
        ← Evaluations
      </Link>
      <PageHeading title="Compare evaluations" sx={{ mt: 1 }} />
    </div>
  );
  if (ids.length < 2)
    return (
      <Stack spacing={3}>
        {header}
        <EmptyState title="Choose evaluations to compare">
          Select two or more evaluations on the <Link component={RouterLink} to={list}>Evaluations</Link> page, then
          choose Compare.
        </EmptyState>
      </Stack>
    );

  return (
    <Stack spacing={3}>
      <PrintStyles />
      {header}
      {failed ? (
        <QueryBoundary query={failed} what="one of the evaluations">
          {() => null}
        </QueryBoundary>
      ) : evaluations.length < ids.length || types.isPending ? (
        <LoadingLines lines={6} />
      ) : (
        <>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <TextField
              select
              size="small"
              label="Baseline"
              value={baselineId}
              onChange={(e) => {
                const next = new URLSearchParams(searchParams);
                next.set('baseline', e.target.value);
                setSearchParams(next, { replace: true });
              }}
              // A long evaluation name is cut with an ellipsis, not widening the page on a phone.
              sx={{ minWidth: 'min(260px, 100%)', maxWidth: '100%' }}
              className="no-print"
            >
              {evaluations.map((e) => (
                <MenuItem key={e.id} value={e.id}>
                  {e.name}
                </MenuItem>
              ))}
            </TextField>
            <Typography variant="body2" color="text.secondary">
              Deltas are against the baseline. A warning marks figures from fewer than {SMALL_SAMPLE} logs.
            </Typography>
          </Stack>
          <CompareAnalysis gw={gw} evaluations={evaluations} baseline={Math.max(0, evaluations.findIndex((e) => e.id === baselineId))} />
          <ComparisonBody gw={gw} baselineId={baselineId} now={now} evaluations={evaluations} types={types.data ?? []} />
        </>
      )}
    </Stack>
  );
}

/** The evaluators' own results (Cloudflare's figures over each evaluation's union) with their deltas. */
function ComparisonBody(props: {
  gw: string;
  baselineId: string;
  now: number;
  evaluations: Parameters<typeof buildComparison>[0];
  types: Parameters<typeof buildComparison>[1];
}) {
  const rows = buildComparison(props.evaluations, props.types, props.baselineId);
  return (
    <Stack spacing={1}>
      <Typography variant="h6" component="h2">
        Results as the evaluators report them
      </Typography>
      <CompareTable gw={props.gw} evaluations={props.evaluations} rows={rows} baselineId={props.baselineId} now={props.now} />
    </Stack>
  );
}
