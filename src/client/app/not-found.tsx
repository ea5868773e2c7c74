import Button from '@mui/material/Button';
import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state.tsx';
import { PageTitle } from '../components/page-title.tsx';

export default function NotFound() {
  return (
    <>
      <PageTitle title="Page not found" />
      <EmptyState
        title="Page not found"
        heading="h1"
        action={
          <Button component={Link} to="/" variant="contained">
            Go to the logs
          </Button>
        }
      >
        Nothing lives at this address. Check the link, or start again from the first gateway's logs.
      </EmptyState>
    </>
  );
}
