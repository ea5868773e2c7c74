import { lazy, Suspense } from 'react';

// The drawer (and the Modal under it) loads when a log is first opened, not with the page.
const LogDetailDrawer = lazy(() => import('./log-detail-drawer.tsx'));

/** What a logs view needs to open, step through and close the detail drawer (`?log=<id>`). */
export interface LogDrawerNav {
  openLog: string | undefined;
  onOpen: (id: string) => void;
  /** Previous / Next: replaces the URL, so Back closes the drawer instead of walking back through every log seen. */
  onStep: (id: string) => void;
  onClose: () => void;
}

/** The open log's drawer, with Previous / Next over `ids`, the rows the view shows, in its order. */
export function LogDrawerHost({ gw, ids, nav }: { gw: string; ids: readonly string[]; nav: LogDrawerNav }) {
  if (!nav.openLog) return null;
  const at = ids.indexOf(nav.openLog);
  const stepTo = (id: string | undefined) => (id ? () => nav.onStep(id) : undefined);
  return (
    <Suspense fallback={null}>
      <LogDetailDrawer
        gw={gw}
        logId={nav.openLog}
        onClose={nav.onClose}
        onPrevious={at > 0 ? stepTo(ids[at - 1]) : undefined}
        onNext={at >= 0 ? stepTo(ids[at + 1]) : undefined}
      />
    </Suspense>
  );
}
