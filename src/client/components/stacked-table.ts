import type { SxProps, Theme } from '@mui/material/styles';

/**
 * Classes a stacked table's cells take (see `stackedTableSx`):
 * - `title`: the row's name, first on the card's top line;
 * - `lead`: before the title on that line (a selection checkbox);
 * - `actions`: at the end of the top line, so the row's buttons stay on screen;
 * - `full`: a line of its own (a sentence, a list of names).
 * Other cells flow after them, each after its column's name (`data-label`).
 */
export const STACK = { title: 'stack-title', lead: 'stack-lead', actions: 'stack-actions', full: 'stack-full' } as const;

const visuallyHidden = {
  display: 'block',
  position: 'absolute',
  top: 0,
  left: 0,
  margin: '-1px',
  padding: 0,
  border: 0,
  clipPath: 'inset(50%)',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Below `below` (a phone), a table's rows become cards: the title and the actions on the top line, every
 * other cell after its column's name, nothing wider than the screen (no sideways scroll). The header row
 * stays for screen readers, the table keeps its table semantics, and wider screens keep the plain table.
 * Cells name their column with `data-label`; the header's text is not reachable from CSS.
 */
export function stackedTableSx(below: 'sm' | 'md' = 'sm'): SxProps<Theme> {
  return (theme) => ({
    [theme.breakpoints.down(below)]: {
      display: 'block',
      position: 'relative',
      minWidth: 0,
      tableLayout: 'auto',
      '& caption': { display: 'block' },
      // A fixed table's column widths mean nothing on cards, and would widen the block table.
      '& colgroup': { display: 'none' },
      '& thead': visuallyHidden,
      '& tbody': { display: 'block' },
      '& tbody > tr': {
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        columnGap: 1.5,
        rowGap: 0.5,
        px: 2,
        py: 1.5,
        borderBottom: 1,
        borderColor: 'divider',
      },
      '& tbody > tr:last-of-type': { borderBottom: 0 },
      // `:nth-of-type(n)` matches every cell; it only lifts the rule over a list's own cell classes. A row's
      // header cell (`th scope="row"`, as in the analysis tables) is a cell like the others here.
      '& tbody > tr > :is(td, th):nth-of-type(n)': {
        display: 'block',
        order: 3,
        width: 'auto',
        maxWidth: '100%',
        p: 0,
        border: 0,
        textAlign: 'left',
        whiteSpace: 'normal',
        overflowWrap: 'anywhere',
      },
      '& tbody > tr > :is(td, th)[data-label]::before': {
        content: 'attr(data-label) ": "',
        color: theme.vars?.palette.text.secondary ?? theme.palette.text.secondary,
      },
      [`& tbody > tr > :is(td, th).${STACK.lead}`]: { order: 0 },
      // The title shares its line, but never shrinks below its longest word ("Human feedback" once broke
      // into a letter or two a line beside its figures); a word wider than the card still wraps.
      [`& tbody > tr > :is(td, th).${STACK.title}`]: { order: 1, flex: '1 1 0', minWidth: 'auto', overflowWrap: 'break-word', fontWeight: 600 },
      [`& tbody > tr > :is(td, th).${STACK.actions}`]: { order: 2, ml: 'auto', whiteSpace: 'nowrap' },
      [`& tbody > tr > :is(td, th).${STACK.full}`]: { flexBasis: '100%' },
    },
  });
}
