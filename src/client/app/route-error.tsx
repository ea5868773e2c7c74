import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A page's code is fetched when first opened; that fails when the server is down or was redeployed. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(error.message);
}

/**
 * What a page that failed to render or to load shows, inside the shell so navigation still works.
 * Reload, not re-render: a page whose code failed to download stays failed until the document reloads.
 */
export function RouteError() {
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={() => window.location.reload()}>
          Reload
        </Button>
      }
    >
      <AlertTitle>{chunk ? 'This page could not be downloaded' : 'This page stopped working'}</AlertTitle>
      {chunk
        ? 'The server may be restarting or may have been updated. Check that it is running, then reload.'
        : `Reload to try again. If it happens again, report this message: ${detail}`}
    </Alert>
  );
}
