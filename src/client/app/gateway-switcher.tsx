import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { gatewayQueries } from '../features/gateways/gateway-queries.ts';

const SECTIONS = ['logs', 'datasets', 'evaluations'] as const;

/** The section of `/gateways/:gw/<section>/...`; ids below it belong to the old gateway, so they are dropped. */
export function sectionOf(pathname: string): (typeof SECTIONS)[number] {
  const segment = pathname.split('/')[3];
  return SECTIONS.find((s) => s === segment) ?? 'logs';
}

export function GatewaySwitcher() {
  const { gw } = useParams();
  const gateways = useQuery(gatewayQueries.list());
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const ids = gateways.data?.map((g) => g.id) ?? [];
  // Keep a gateway from the URL selectable even before (or without) the list, so the select is never out of range.
  const options = gw && !ids.includes(gw) ? [gw, ...ids] : ids;
  return (
    <TextField
      select
      size="small"
      label="Gateway"
      value={gw ?? ''}
      onChange={(e) => void navigate(`/gateways/${encodeURIComponent(e.target.value)}/${sectionOf(pathname)}`)}
      sx={{ minWidth: 180 }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      disabled={options.length === 0}
      helperText={gateways.isError ? 'Could not load gateways' : undefined}
    >
      {!gw && <option value="">Choose…</option>}
      {options.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      ))}
    </TextField>
  );
}
