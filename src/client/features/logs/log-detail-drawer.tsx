import Close from '@mui/icons-material/Close';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUp from '@mui/icons-material/KeyboardArrowUp';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { QueryBoundary } from '../../components/query-boundary.tsx';
import { LogDetailView } from './log-detail.tsx';
import { logQueries } from './log-queries.ts';

interface LogDetailDrawerProps {
  gw: string;
  /** The log in the URL (`?log=`); the drawer is open while there is one. */
  logId: string;
  onClose: () => void;
  /** The rows above and below on the current page, when there are. */
  onPrevious?: () => void;
  onNext?: () => void;
}

/**
 * One log's every field, beside the table. A modal drawer: focus moves in and stays, Escape closes it,
 * and focus goes back to the row that opened it. Its own chunk, since the Logs page opens without it.
 */
export default function LogDetailDrawer({ gw, logId, onClose, onPrevious, onNext }: LogDetailDrawerProps) {
  const log = useQuery(logQueries.detail(gw, logId));
  const titleId = useId();
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { width: { xs: '100%', sm: 480 }, p: 2 } } }}
    >
      <Stack spacing={2}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id={titleId} variant="h6" component="h2">
            Log details
          </Typography>
          <Stack direction="row">
            <IconButton aria-label="Previous log" disabled={!onPrevious} onClick={onPrevious}>
              <KeyboardArrowUp />
            </IconButton>
            <IconButton aria-label="Next log" disabled={!onNext} onClick={onNext}>
              <KeyboardArrowDown />
            </IconButton>
            <IconButton aria-label="Close log details" onClick={onClose}>
              <Close />
            </IconButton>
          </Stack>
        </Stack>
        <QueryBoundary query={log} what="this log">
          {(data) => <LogDetailView gw={gw} log={data} />}
        </QueryBoundary>
      </Stack>
    </Drawer>
  );
}
