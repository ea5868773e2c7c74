import Box from '@mui/material/Box';
import { formatDateTime, formatRelativeTime } from '../lib/format.ts';

/**
 * A time as the console shows it everywhere: the one absolute format in the user's locale and zone, and,
 * where recency matters (`now` given), how long ago beside it in a quieter tone.
 */
export function DateTime({ iso, now }: { iso: string; now?: number }) {
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso)}</time>
      {now !== undefined && (
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {' '}
          · {formatRelativeTime(iso, now)}
        </Box>
      )}
    </>
  );
}
