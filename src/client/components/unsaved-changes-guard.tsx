import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './confirm-dialog.tsx';

/**
 * Asks before leaving a form with unsaved changes: in-app navigation through the router's blocker, closing
 * or reloading the tab through `beforeunload`. `shouldBlock` is read at navigation time, so a form can let
 * its own post-save navigation through.
 */
export function UnsavedChangesGuard({
  shouldBlock,
  title = 'Discard unsaved changes?',
  message = 'This dataset has changes that are not saved. Leaving now loses them.',
}: {
  shouldBlock: () => boolean;
  title?: string;
  message?: string;
}) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => shouldBlock() && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (shouldBlock()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [shouldBlock]);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={title}
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      destructive
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {message}
    </ConfirmDialog>
  );
}
