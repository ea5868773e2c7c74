import { EmptyState } from '../../components/empty-state.tsx';

/** No logs to list: says whether the search, the filters or the gateway is why. */
export function LogsEmpty({ filtered, searched = false }: { filtered: boolean; searched?: boolean }) {
  if (searched)
    return (
      <EmptyState title={filtered ? 'No logs match this search and these filters' : 'No logs match this search'}>
        The search looks for a provider or model containing the text, or a log id. Change or clear it above.
      </EmptyState>
    );
  return (
    <EmptyState title={filtered ? 'No logs match these filters' : 'No logs yet'}>
      {filtered ? 'Loosen or remove a filter above, then apply again.' : 'Send requests through this gateway and they appear here.'}
    </EmptyState>
  );
}
