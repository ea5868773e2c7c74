import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import type { PendingDelete } from '../lib/use-undo-delete.ts';
import { STACK } from './stacked-table.ts';

/** A deleted row in its Undo window: greyed and struck through, but for its actions cell, which offers Undo. */
export const deletedRowSx = {
  [`& > td:not(.${STACK.actions})`]: { opacity: 0.45 },
  '& a': { textDecoration: 'line-through' },
} satisfies SxProps<Theme>;

/**
 * What a deleted row's actions cell holds instead of its buttons: Undo while the window is open (in the
 * place of the Delete that was pressed, so a second press undoes rather than deletes the next row), then a
 * note while the DELETE is on the way. Undo takes the focus the pressed Delete had.
 */
export function DeletedRowActions({ name, state, onUndo }: { name: string; state: PendingDelete; onUndo: () => void }) {
  if (state === 'deleting')
    return (
      <Typography component="span" variant="body2" color="text.secondary" role="status">
        Deleting…
      </Typography>
    );
  return (
    <>
      <Typography component="span" variant="body2" color="text.secondary" sx={{ mr: 1 }}>
        Deleted
      </Typography>
      {/* The pressed Delete is gone; its focus moves here. */}
      <Button size="small" variant="outlined" onClick={onUndo} aria-label={`Undo delete of ${name}`} autoFocus>
        Undo
      </Button>
    </>
  );
}
