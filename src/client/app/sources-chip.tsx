import Chip from '@mui/material/Chip';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { sessionQueries } from '../features/session/session-queries.ts';
import { sourcesQueries } from '../features/sources/sources-queries.ts';
import { paths } from '../lib/paths.ts';

/**
 * Local mode: where the current gateway's logs came from, in a word (the most recent source), linking to
 * the Sources page that lists them all. Cloudflare mode shows nothing: the logs are Cloudflare's own.
 */
export function SourcesChip() {
  const { gw } = useParams();
  const session = useQuery(sessionQueries.current());
  const local = session.data?.mode === 'local';
  const sources = useQuery({ ...sourcesQueries.list(gw ?? ''), enabled: local && Boolean(gw) });
  if (!gw || !local || !sources.data) return null;
  const latest = sources.data[0];
  const word = !latest ? 'no logs' : latest.kind === 'seed' ? 'seeded' : latest.kind === 'file' ? 'imported' : 'synced';
  const more = sources.data.length > 1 ? ` +${sources.data.length - 1}` : '';
  return (
    <Chip
      size="small"
      variant="outlined"
      clickable
      component={Link}
      to={paths.sources(gw)}
      label={`Logs: ${word}${more}`}
      title={latest ? `Latest source: ${latest.label}` : undefined}
      aria-label={`Log sources: ${word}${more ? `, ${sources.data.length} sources` : ''}`}
      sx={{ color: 'inherit', borderColor: 'currentColor' }}
    />
  );
}
