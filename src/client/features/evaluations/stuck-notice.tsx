import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { formatElapsed } from './evaluation-status.ts';

/** Said plainly, with what to do, instead of a spinner that never ends. */
export function StuckNotice({ elapsedMs, rerunTo, onRefresh }: { elapsedMs: number; rerunTo: string; onRefresh: () => void }) {
  return (
    <Alert
      severity="warning"
      action={
        <>
          <Button color="inherit" size="small" onClick={onRefresh}>
            Check now
          </Button>
          <Button color="inherit" size="small" component={RouterLink} to={rerunTo}>
            Re-run
          </Button>
        </>
      }
    >
      <AlertTitle>This evaluation looks stuck</AlertTitle>
      It has been running for {formatElapsed(elapsedMs)}; evaluations usually finish within seconds. This page keeps
      checking and will update by itself. If it does not finish, re-run it, or check that the gateway is reachable and
      still has evaluations enabled.
    </Alert>
  );
}
