import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import FirstPage from '@mui/icons-material/FirstPage';
import LastPage from '@mui/icons-material/LastPage';
import IconButton from '@mui/material/IconButton';
import NativeSelect from '@mui/material/NativeSelect';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { formatCount } from '../lib/format.ts';

export interface PagerProps {
  /** Total rows, or undefined when the server did not say (then Next stays enabled while pages are full). */
  total: number | undefined;
  /** 1-based, as in the URL and the API. */
  page: number;
  perPage: number;
  perPageOptions: readonly number[];
  /** Rows on the current page, to know there is no next page when the total is unknown. */
  rowsOnPage: number;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
}

/** "1–25 of 14,000" as the pager says it; an unknown total says "more than" instead. */
export function rangeText(total: number | undefined, page: number, perPage: number, rowsOnPage: number): string {
  if (rowsOnPage === 0) return total ? `0 of ${formatCount(total)}` : '0';
  const from = (page - 1) * perPage + 1;
  const to = from + rowsOnPage - 1;
  const of = total === undefined ? `more than ${formatCount(to)}` : formatCount(total);
  return `${formatCount(from)}–${formatCount(to)} of ${of}`;
}

/**
 * Server-side paging controls. Not MUI's TablePagination: that one wraps its buttons in Tooltips, which
 * brings Popper into every list page's first load; a native select and labelled buttons do the same job.
 * The button names are MUI's, so they read the same everywhere in the console.
 */
export function Pager({ total, page, perPage, perPageOptions, rowsOnPage, onPage, onPerPage }: PagerProps) {
  const selectId = useId();
  const lastPage = total === undefined ? undefined : Math.max(1, Math.ceil(total / perPage));
  const hasNext = lastPage === undefined ? rowsOnPage === perPage : page < lastPage;
  return (
    <Stack
      component="nav"
      aria-label="Pages"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', justifyContent: 'flex-end', flexWrap: 'wrap', px: 1 }}
    >
      <Typography component="label" htmlFor={selectId} variant="body2">
        Rows per page
      </Typography>
      <NativeSelect
        id={selectId}
        value={perPage}
        onChange={(e) => onPerPage(Number(e.target.value))}
        disableUnderline
        sx={{ fontSize: 'body2.fontSize' }}
      >
        {perPageOptions.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </NativeSelect>
      <Typography variant="body2" role="status" sx={{ px: 1, fontVariantNumeric: 'tabular-nums' }}>
        {rangeText(total, page, perPage, rowsOnPage)}
      </Typography>
      <Stack direction="row">
        <IconButton aria-label="Go to first page" disabled={page <= 1} onClick={() => onPage(1)}>
          <FirstPage />
        </IconButton>
        <IconButton aria-label="Go to previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft />
        </IconButton>
        <IconButton aria-label="Go to next page" disabled={!hasNext} onClick={() => onPage(page + 1)}>
          <ChevronRight />
        </IconButton>
        {lastPage !== undefined && (
          <IconButton aria-label="Go to last page" disabled={page >= lastPage} onClick={() => onPage(lastPage)}>
            <LastPage />
          </IconButton>
        )}
      </Stack>
    </Stack>
  );
}
