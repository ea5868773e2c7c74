import Add from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Link } from 'react-router';
import { UrlSearchField } from '../../components/url-search-field.tsx';
import { paths } from '../../lib/paths.ts';

interface DatasetsToolbarProps {
  gw: string;
  search: string;
  enable: boolean | undefined;
  onSearch: (search: string) => void;
  onEnable: (enable: boolean | undefined) => void;
}

export function DatasetsToolbar({ gw, search, enable, onSearch, onEnable }: DatasetsToolbarProps) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
      <UrlSearchField label="Search datasets" value={search} onSearch={onSearch} />
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
      <Button component={Link} to={paths.newDataset(gw)} variant="contained" startIcon={<Add />}>
        New dataset
      </Button>
    </Stack>
  );
}
