import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import { Link as RouterLink } from 'react-router';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { readBack } from '../../../shared/read-back.ts';
import type { DatasetState } from './use-dataset-states.ts';
import { paths } from '../../lib/paths.ts';

interface DatasetSnapshotsProps {
  gw: string;
  evaluation: Evaluation;
  states: ReadonlyMap<string, DatasetState>;
}

/** The datasets as the evaluation used them (their filters then), flagged where they changed since. */
export function DatasetSnapshots({ gw, evaluation, states }: DatasetSnapshotsProps) {
  return (
    <Paper variant="outlined">
      <List dense aria-label="Datasets">
        {evaluation.datasets.map((d) => {
          const state = states.get(d.id);
          return (
            <ListItem key={d.id} divider>
              <ListItemText
                primary={
                  <>
                    {state === 'deleted' ? (
                      d.name
                    ) : (
                      <Link component={RouterLink} to={paths.dataset(gw, d.id)}>
                        {d.name}
                      </Link>
                    )}
                    {state === 'modified' && (
                      <Tooltip title="The dataset was edited after this evaluation ran: these figures describe its earlier filters, shown here. Re-run to measure it as it is now.">
                        <Chip size="small" color="warning" label="Modified since" sx={{ ml: 1 }} tabIndex={0} />
                      </Tooltip>
                    )}
                    {state === 'deleted' && <Chip size="small" label="Deleted" sx={{ ml: 1 }} />}
                  </>
                }
                secondary={readBack(d.filters)}
              />
            </ListItem>
          );
        })}
      </List>
    </Paper>
  );
}
