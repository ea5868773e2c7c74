import ContentCopy from '@mui/icons-material/ContentCopy';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Edit from '@mui/icons-material/Edit';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { readBack } from '../../../shared/read-back.ts';
import { DateTime } from '../../components/date-time.tsx';
import { DeletedRowActions, deletedRowSx } from '../../components/deleted-row.tsx';
import { STACK } from '../../components/stacked-table.ts';
import { paths } from '../../lib/paths.ts';
import type { PendingDelete } from '../../lib/use-undo-delete.ts';
import type { DatasetListItem } from './dataset-queries.ts';

interface DatasetRowProps {
  gw: string;
  dataset: DatasetListItem;
  onToggle: (enable: boolean) => void;
  onDelete: () => void;
  /** Deleted, in its Undo window or on the way: shown in place, greyed, with Undo. */
  pending?: PendingDelete;
  onUndo: () => void;
}

export function DatasetRow({ gw, dataset, onToggle, onDelete, pending, onUndo }: DatasetRowProps) {
  const odd = dataset.odd_filters ?? [];
  return (
    <TableRow hover={!pending} sx={pending ? deletedRowSx : undefined}>
      <TableCell className={STACK.title}>
        <Link component={RouterLink} to={paths.dataset(gw, dataset.id)} sx={{ fontWeight: 600 }}>
          {dataset.name}
        </Link>
      </TableCell>
      <TableCell data-label="Enabled">
        <Switch
          size="small"
          checked={dataset.enable}
          disabled={!!pending}
          onChange={(e) => onToggle(e.target.checked)}
          slotProps={{ input: { 'aria-label': `Enabled: ${dataset.name}` } }}
        />
      </TableCell>
      <TableCell className={STACK.full}>
        <Stack spacing={0.5}>
          <Typography variant="body2">{readBack(dataset.filters)}</Typography>
          {odd.length > 0 && (
            <Tooltip title={odd.map((o) => `Filter ${o.index + 1}: ${o.message}`).join('\n')}>
              <Chip
                size="small"
                color="warning"
                variant="outlined"
                label={`${odd.length} ${odd.length === 1 ? 'filter breaks' : 'filters break'} the rules`}
                sx={{ alignSelf: 'flex-start' }}
                tabIndex={0}
              />
            </Tooltip>
          )}
        </Stack>
      </TableCell>
      <TableCell data-label="Modified" sx={{ whiteSpace: 'nowrap' }}>
        <DateTime iso={dataset.modified_at} />
      </TableCell>
      <TableCell align="right" className={STACK.actions} sx={{ whiteSpace: 'nowrap' }}>
        {pending ? (
          <DeletedRowActions name={dataset.name} state={pending} onUndo={onUndo} />
        ) : (
          <>
            <Tooltip title="Edit">
              <IconButton component={RouterLink} to={paths.dataset(gw, dataset.id)} aria-label={`Edit ${dataset.name}`} size="small">
                <Edit fontSize="small" />
              </IconButton>
            </Tooltip>
            <Tooltip title="Duplicate">
              <IconButton
                component={RouterLink}
                to={paths.newDataset(gw, { name: `Copy of ${dataset.name}`, enable: dataset.enable, filters: dataset.filters })}
                aria-label={`Duplicate ${dataset.name}`}
                size="small"
              >
                <ContentCopy fontSize="small" />
              </IconButton>
            </Tooltip>
            <Tooltip title="Delete">
              <IconButton aria-label={`Delete ${dataset.name}`} size="small" onClick={onDelete}>
                <DeleteOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          </>
        )}
      </TableCell>
    </TableRow>
  );
}
