import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** An empty list says what it would show and what to do next. */
export function EmptyState({
  title,
  children,
  action,
  heading = 'p',
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** `h1` where the empty state is the whole page (404), so the page still has its heading. */
  heading?: 'p' | 'h1' | 'h2';
}) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Stack spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component={heading}>
          {title}
        </Typography>
        {children && (
          <Typography color="text.secondary" sx={{ maxWidth: 520 }}>
            {children}
          </Typography>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
