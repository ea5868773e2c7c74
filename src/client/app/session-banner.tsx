import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../features/session/session-queries.ts';
import { useRetryFailed } from '../lib/use-retry-failed.ts';

/** Says plainly what the account cannot do (Cloudflare retired evaluations and legacy logs for newer accounts). */
export function SessionBanner() {
  const session = useQuery(sessionQueries.current());
  const retryFailed = useRetryFailed();
  // The one Retry of an outage: it reloads the gateways and the page too, whose alerts then offer none.
  if (session.isError)
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void retryFailed()} disabled={session.isFetching}>
            Retry
          </Button>
        }
      >
        Could not reach the console's server: {session.error.message}
      </Alert>
    );
  const caps = session.data?.capabilities;
  if (!caps || (caps.logs && caps.evaluations)) return null;
  return (
    <Stack spacing={1}>
      {!caps.logs && (
        <Alert severity="warning">
          This account has no access to AI Gateway's Legacy Logs API, so logs, live match counts and observed values
          are unavailable. Datasets can still be viewed and edited.
        </Alert>
      )}
      {!caps.evaluations && (
        <Alert severity="warning">
          This account cannot use AI Gateway evaluations (Cloudflare no longer offers them to newer accounts). Logs and
          datasets still work.
        </Alert>
      )}
    </Stack>
  );
}
