import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { gatewayQueries } from '../features/gateways/gateway-queries.ts';
import { paths, type GatewaySection } from '../lib/paths.ts';

const SECTIONS = ['logs', 'datasets', 'evaluations', 'sources'] as const satisfies readonly GatewaySection[];

/** The section of `/gateways/:gw/<section>/...`; ids below it belong to the old gateway, so they are dropped. */
export function sectionOf(pathname: string): (typeof SECTIONS)[number] {
  const segment = pathname.split('/')[3];
  return SECTIONS.find((s) => s === segment) ?? 'logs';
}

// Built from its parts rather than TextField: TextField imports the menu Select (Menu, Popover, Modal),
// and the shell is on every first load while it only needs a native select.
export function GatewaySwitcher() {
  const { gw } = useParams();
  const gateways = useQuery(gatewayQueries.list());
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const id = useId();
  const ids = gateways.data?.map((g) => g.id) ?? [];
  // Keep a gateway from the URL selectable even before (or without) the list, so the select is never out of range.
  const options = gw && !ids.includes(gw) ? [gw, ...ids] : ids;
  return (
    <FormControl size="small" sx={{ minWidth: 180 }} disabled={options.length === 0} error={gateways.isError}>
      <InputLabel htmlFor={id} shrink>
        Gateway
      </InputLabel>
      <NativeSelect
        id={id}
        value={gw ?? ''}
        onChange={(e) => void navigate(paths.section(e.target.value, sectionOf(pathname)))}
        input={<OutlinedInput label="Gateway" notched />}
        aria-describedby={gateways.isError ? `${id}-help` : undefined}
      >
        {!gw && <option value="">Choose…</option>}
        {options.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </NativeSelect>
      {gateways.isError && <FormHelperText id={`${id}-help`}>Could not load gateways</FormHelperText>}
    </FormControl>
  );
}
