import { useNavigate, useSearchParams } from 'react-router';
import { useGatewayId } from '../../lib/use-gateway-id.ts';
import { toRowInput } from '../../components/filter-builder/filter-rows.ts';
import { useToast } from '../../components/toast/toast-provider.tsx';
import { parseFiltersParam, readBoolParam } from '../../lib/url-state.ts';
import { paths } from '../../lib/paths.ts';
import { useCreateDataset } from './dataset-mutations.ts';
import { DatasetForm } from './dataset-form.tsx';

/** `/gateways/:gw/datasets/new`, prefilled from the URL by "Save as dataset" and Duplicate. */
export default function NewDatasetPage() {
  const gw = useGatewayId();
  const [params] = useSearchParams();
  const create = useCreateDataset(gw);
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <DatasetForm
      gatewayId={gw}
      title="New dataset"
      defaultValues={{
        name: params.get('name') ?? '',
        enable: readBoolParam(params, 'enable') ?? true,
        filters: parseFiltersParam(params.get('filters')).map(toRowInput),
      }}
      onSave={async (input) => {
        const dataset = await create.mutateAsync(input);
        toast({ severity: 'success', message: `Created "${dataset.name}"` });
        await navigate(paths.datasets(gw));
      }}
    />
  );
}
