import Typography from '@mui/material/Typography';
import { timeZoneLabel } from '../lib/format.ts';

/** Said once, at the foot of every page (and of a print): the zone every time on the page is written in. */
export function TimeZoneNote() {
  return (
    <Typography component="p" variant="caption" color="text.secondary" sx={{ mt: 4, textAlign: 'center' }}>
      Times are shown in your time zone, {timeZoneLabel()}.
    </Typography>
  );
}
