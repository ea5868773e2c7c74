import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { datasetQueries } from '../datasets/dataset-queries.ts';
import { useCreateEvaluation } from './evaluation-mutations.ts';
import { evaluationTypeQueries } from './evaluation-queries.ts';
import { NewEvaluationForm } from './new-evaluation-form.tsx';
import { readPrefill } from './prefill.ts';
import { paths } from '../../lib/paths.ts';

/** 100 is the API's largest page; Cloudflare has allowed about ten datasets per gateway. */
const DATASETS_PER_PAGE = 100;

export default function NewEvaluationPage() {
  const gw = useGatewayId();
  const navigate = useNavigate();
  const toast = useToast();
  const [searchParams] = useSearchParams();
  const prefill = readPrefill(searchParams);
  const datasets = useQuery(datasetQueries.list(gw, { per_page: DATASETS_PER_PAGE }));
  const types = useQuery(evaluationTypeQueries.list());
  const create = useCreateEvaluation(gw);

  return (
    <Stack spacing={3}>
      <div>
        <Link component={RouterLink} to={paths.evaluations(gw)} variant="body2">
          ← Evaluations
        </Link>
        <PageHeading title="New evaluation" sx={{ mt: 1 }} />
        <Typography color="text.secondary">
          Measures the cost, speed and human feedback of the logs your datasets match now. The figures are a
          snapshot: later logs need a new evaluation.
        </Typography>
      </div>
      <QueryBoundary query={datasets} what="the datasets">
        {(page) => (
          <QueryBoundary query={types} what="the evaluators">
            {(typeList) =>
              page.result.length === 0 ? (
                <EmptyState
                  title="No datasets yet"
                  action={
                    <Link component={RouterLink} to={paths.newDataset(gw)}>
                      New dataset
                    </Link>
                  }
                >
                  An evaluation measures the logs of one to five datasets. Create a dataset first, from the Logs page
                  or the Datasets page.
                </EmptyState>
              ) : (
                <NewEvaluationForm
                  // A new prefill (another Re-run) starts a fresh form.
                  key={searchParams.toString()}
                  gw={gw}
                  datasets={page.result}
                  types={typeList}
                  prefill={prefill}
                  onSubmit={(input) => create.mutateAsync(input)}
                  onCreated={(evaluation) => {
                    toast({ severity: 'success', message: `Started “${evaluation.name}”` });
                    void navigate(paths.evaluation(gw, evaluation.id));
                  }}
                />
              )
            }
          </QueryBoundary>
        )}
      </QueryBoundary>
    </Stack>
  );
}
