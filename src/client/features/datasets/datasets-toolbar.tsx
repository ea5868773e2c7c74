import Add from '@mui/icons-material/Add';
import Search from '@mui/icons-material/Search';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useDebounced } from '../../components/filter-builder/use-match-count.ts';
import { datasetLinks } from './dataset-links.ts';

interface DatasetsToolbarProps {
  gw: string;
  search: string;
  enable: boolean | undefined;
  onSearch: (search: string) => void;
  onEnable: (enable: boolean | undefined) => void;
}

export function DatasetsToolbar({ gw, search, enable, onSearch, onEnable }: DatasetsToolbarProps) {
  // Typing stays local until it pauses, so the URL (and the request) follow words, not keystrokes.
  const [text, setText] = useState(search);
  const settled = useDebounced(text, 300);
  const written = useRef(search);
  useEffect(() => {
    if (settled === search) return;
    written.current = settled;
    onSearch(settled);
    // Only a settled change of the text should write the URL.
  }, [settled]);
  // Back, forward or a link change the search under the field; the field follows (but not our own writes,
  // which may lag behind what is being typed).
  useEffect(() => {
    if (search === written.current) return;
    written.current = search;
    setText(search);
  }, [search]);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
      <TextField
        label="Search datasets"
        size="small"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        sx={{ minWidth: 260 }}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
      />
      <TextField
        select
        label="Show"
        size="small"
        value={enable === undefined ? 'all' : String(enable)}
        onChange={(e) => onEnable(e.target.value === 'all' ? undefined : e.target.value === 'true')}
        sx={{ minWidth: 160 }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        <option value="all">All datasets</option>
        <option value="true">Enabled only</option>
        <option value="false">Disabled only</option>
      </TextField>
      <Stack sx={{ flexGrow: 1 }} />
      <Button component={Link} to={datasetLinks.new(gw)} variant="contained" startIcon={<Add />}>
        New dataset
      </Button>
    </Stack>
  );
}
