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
  // What to do, not only what is missing: the logs can be copied into the local gateway, which has
  // datasets and evaluations whatever the account has.
  const howToEvaluate = caps.logs ? (
    <>
      To evaluate them anyway, copy this gateway's logs into the local gateway with{' '}
      <code>npm run gateway -- sync --gateway ID</code> (or import its Logpush files with{' '}
      <code>npm run gateway -- import FILE…</code>), then start the console without CLOUDFLARE_API_TOKEN to open it in
      local mode.
    </>
  ) : (
    <>
      Export this gateway's logs with Logpush (dataset ai_gateway_events), import the files into the local gateway
      with <code>npm run gateway -- import FILE…</code>, then start the console without CLOUDFLARE_API_TOKEN to open
      it in local mode, where datasets and evaluations work on them.
    </>
  );
  return (
    <Stack spacing={1}>
      {!caps.logs && (
        <Alert severity="warning">
          This account has no access to AI Gateway's Legacy Logs API, so logs, live match counts and observed values
          are unavailable here; datasets can still be viewed and edited. {howToEvaluate}
        </Alert>
      )}
      {!caps.evaluations && (
        <Alert severity="warning">
          This account cannot use AI Gateway evaluations (Cloudflare no longer offers them to newer accounts).
          {caps.logs && <> Logs and datasets still work. {howToEvaluate}</>}
        </Alert>
      )}
    </Stack>
  );
}
