import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Link as RouterLink } from 'react-router';
import { formatElapsed } from '../../lib/format.ts';

/** Said plainly, with what to do, instead of a spinner that never ends. */
export function StuckNotice({ elapsedMs, rerunTo, onRefresh }: { elapsedMs: number; rerunTo: string; onRefresh: () => void }) {
  return (
    <Alert severity="warning">
      <AlertTitle>This evaluation looks stuck</AlertTitle>
      It has been running for {formatElapsed(elapsedMs)}; evaluations usually finish within seconds. This page keeps
      checking and will update by itself. If it does not finish, re-run it, or check that the gateway is reachable and
      still has evaluations enabled.
      <Stack direction="row" spacing={1} sx={{ mt: 1 }} className="no-print">
        <Button color="warning" size="small" variant="outlined" onClick={onRefresh}>
          Check now
        </Button>
        <Button color="warning" size="small" variant="outlined" component={RouterLink} to={rerunTo}>
          Re-run
        </Button>
      </Stack>
    </Alert>
  );
}
