import { lazy, Suspense, type ReactElement } from 'react';

// Tooltip brings Popper (and popper.js) along, about a tenth of the first screen's JS; icon buttons that
// appear only with a filter row, a dialog or a later page load it when they first render.
const Tooltip = lazy(() => import('@mui/material/Tooltip'));

/**
 * A tooltip on an icon button, loaded on first use. Until it has loaded, the child renders bare: its own
 * `aria-label` already names it, so nothing is lost but the hover text for a moment.
 */
export function Hint({ title, children }: { title: string; children: ReactElement }) {
  return (
    <Suspense fallback={children}>
      <Tooltip title={title}>{children}</Tooltip>
    </Suspense>
  );
}
