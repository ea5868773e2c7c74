import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { PageTitle } from './page-title.tsx';

/** A page's one h1 and the document title that names it: every page says what it is in both places. */
export function PageHeading({ title, sx }: { title: string; sx?: SxProps<Theme> }) {
  return (
    <>
      <PageTitle title={title} />
      <Typography variant="h5" component="h1" sx={sx}>
        {title}
      </Typography>
    </>
  );
}
