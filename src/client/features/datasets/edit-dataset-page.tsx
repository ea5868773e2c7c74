import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { toRowInput } from '../../components/filter-builder/filter-rows.ts';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { paths } from '../../lib/paths.ts';
import { useUpdateDataset } from './dataset-mutations.ts';
import { datasetQueries } from './dataset-queries.ts';
import { DatasetForm } from './dataset-form.tsx';

/** `/gateways/:gw/datasets/:id`: Save replaces the dataset (PUT name, enable, filters). */
export default function EditDatasetPage() {
  const gw = useGatewayId();
  const id = useParams().id ?? '';
  const dataset = useQuery(datasetQueries.detail(gw, id));
  const update = useUpdateDataset(gw);
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <QueryBoundary query={dataset} what="this dataset">
      {(d) => (
        <DatasetForm
          // A newer version from the server starts a fresh form instead of mixing with stale defaults.
          key={`${d.id}:${d.modified_at}`}
          gatewayId={gw}
          title={`Dataset: ${d.name}`}
          defaultValues={{ name: d.name, enable: d.enable, filters: d.filters.map(toRowInput) }}
          onSave={async (input) => {
            const saved = await update.mutateAsync({ id, input });
            toast({ severity: 'success', message: `Saved "${saved.name}"` });
            await navigate(paths.datasets(gw));
          }}
        />
      )}
    </QueryBoundary>
  );
}
