import { useEffect, useState } from 'react';

/** How long typing must pause before a search or a count follows it: words, not keystrokes. */
export const TYPING_PAUSE_MS = 300;

/** Returns `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = TYPING_PAUSE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}
