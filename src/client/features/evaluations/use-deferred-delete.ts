import { useCallback, useEffect, useRef, useState } from 'react';

/** How long Undo is offered before the DELETE is sent (the API has no restore). */
export const UNDO_WINDOW_MS = 6_000;

/**
 * Deletes after an Undo window: the item is hidden at once, and the request is only sent when the
 * window ends (or the page is left), because a deleted evaluation cannot be brought back.
 */
export function useDeferredDelete(commit: (id: string) => Promise<unknown>) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  const finish = useCallback((id: string) => {
    timers.current.delete(id);
    commitRef.current(id).catch(() => {
      // The call site reports the failure; show the row again since it still exists.
      setHidden((h) => new Set([...h].filter((x) => x !== id)));
    });
  }, []);

  const schedule = useCallback(
    (id: string) => {
      setHidden((h) => new Set(h).add(id));
      timers.current.set(id, setTimeout(() => finish(id), UNDO_WINDOW_MS));
    },
    [finish],
  );

  const undo = useCallback((id: string) => {
    const t = timers.current.get(id);
    if (t) clearTimeout(t);
    timers.current.delete(id);
    setHidden((h) => new Set([...h].filter((x) => x !== id)));
  }, []);

  // Leaving the page ends the window: the user saw the row go and did not undo.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const [id, t] of pending) {
        clearTimeout(t);
        void commitRef.current(id).catch(() => undefined);
      }
      pending.clear();
    };
  }, []);

  return { hidden, schedule, undo };
}
