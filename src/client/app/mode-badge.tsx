import Chip from '@mui/material/Chip';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '../features/session/session-queries.ts';

export function ModeBadge() {
  const session = useQuery(sessionQueries.current());
  if (!session.data) return null;
  const { mode, account_id } = session.data;
  const label = mode === 'local' ? 'Local gateway' : `Cloudflare · ${account_id}`;
  return (
    <Chip
      size="small"
      label={label}
      color={mode === 'local' ? 'default' : 'primary'}
      variant="outlined"
      title={`Account ${account_id}`}
      sx={{ color: 'inherit', borderColor: 'currentColor' }}
    />
  );
}
