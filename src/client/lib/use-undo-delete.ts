import { useCallback, useEffect, useRef, useState } from 'react';

/** How long Undo is offered before the DELETE is sent (the API has no restore). */
export const UNDO_WINDOW_MS = 6_000;

/** Where a deleted item is: in its Undo window, or with its DELETE on the way. */
export type PendingDelete = 'waiting' | 'deleting';

export interface CommitOptions {
  /** The page is going away: the request must outlive it (`fetch`'s `keepalive`). */
  keepalive: boolean;
}

export interface UndoDeleteOptions {
  windowMs?: number;
  /** A DELETE that failed; the item is shown as before. Called even after the page was left. */
  onError?: (id: string, error: Error) => void;
}

/**
 * The one delete with Undo of the console (datasets and evaluations alike). A deleted item stays where it
 * is, greyed, with Undo, until the window ends; only then is the DELETE sent, and the item leaves the list
 * when the list has been read again, so what is shown, the pager and the counts agree all along, and the
 * pointer that pressed Delete never lands on the next row's Delete.
 *
 * Leaving the page ends the window at once: the user saw the item deleted and did not undo it, so the
 * DELETE is sent then (with `keepalive` when the tab itself is closed or reloaded), never dropped silently.
 * `commit` resolves once the lists are fresh (a mutation that invalidates in `onSuccess`).
 */
export function useUndoDelete(commit: (id: string, options: CommitOptions) => Promise<unknown>, options: UndoDeleteOptions = {}) {
  const { windowMs = UNDO_WINDOW_MS } = options;
  const [pending, setPending] = useState<ReadonlyMap<string, PendingDelete>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const latest = useRef({ commit, onError: options.onError });
  useEffect(() => {
    latest.current = { commit, onError: options.onError };
  });

  const set = useCallback((id: string, state: PendingDelete | undefined) => {
    setPending((current) => {
      const next = new Map(current);
      if (state) next.set(id, state);
      else next.delete(id);
      return next;
    });
  }, []);

  /** Sends the DELETE; `mounted` says whether there is still a list to update. */
  const send = useCallback(
    (id: string, keepalive: boolean, mounted: boolean) => {
      timers.current.delete(id);
      if (mounted) set(id, 'deleting');
      latest.current.commit(id, { keepalive }).then(
        () => mounted && set(id, undefined),
        (error: Error) => {
          if (mounted) set(id, undefined);
          latest.current.onError?.(id, error);
        },
      );
    },
    [set],
  );

  const schedule = useCallback(
    (id: string) => {
      if (timers.current.has(id)) return;
      set(id, 'waiting');
      timers.current.set(
        id,
        setTimeout(() => send(id, false, true), windowMs),
      );
    },
    [send, set, windowMs],
  );

  /** Brings the item back; once its DELETE is on the way it is too late (and Undo is no longer offered). */
  const undo = useCallback(
    (id: string) => {
      const timer = timers.current.get(id);
      if (timer === undefined) return;
      clearTimeout(timer);
      timers.current.delete(id);
      set(id, undefined);
    },
    [set],
  );

  useEffect(() => {
    const waiting = timers.current;
    const flush = (keepalive: boolean, mounted: boolean) => {
      for (const [id, timer] of [...waiting]) {
        clearTimeout(timer);
        send(id, keepalive, mounted);
      }
    };
    // Closing or reloading the tab: a plain request would be cancelled with the page.
    const onPageHide = () => flush(true, true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      flush(false, false);
    };
  }, [send]);

  return { pending, schedule, undo };
}
