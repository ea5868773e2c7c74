import { EmptyState } from '../../components/empty-state.tsx';

/** No logs to list: says whether the filters or the gateway is why. */
export function LogsEmpty({ filtered }: { filtered: boolean }) {
  return (
    <EmptyState title={filtered ? 'No logs match these filters' : 'No logs yet'}>
      {filtered ? 'Loosen or remove a filter above, then apply again.' : 'Send requests through this gateway and they appear here.'}
    </EmptyState>
  );
}
