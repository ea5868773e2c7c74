import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` while `active`: what elapsed-time labels tick on. */
export function useNow(everyMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // The time may have moved on while inactive: catch up on the next tick, then keep ticking.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [everyMs, active]);
  return now;
}
