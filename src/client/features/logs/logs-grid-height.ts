import { useLayoutEffect, useState, type RefObject } from 'react';

/** Below this the grid would show too few rows to be useful; the page then scrolls to make room. */
const MIN_HEIGHT = 220;
/**
 * Chromium's tallest element, 2^25 px (its layout units are 1/64 px in 32 bits); a taller one is cut off
 * there. Firefox's is lower (about 17.9 million px); `maxElementHeight` asks the browser at hand.
 */
const CHROMIUM_MAX_HEIGHT = 33_554_428;

let measuredMax: number | undefined;

/**
 * The tallest element this browser lays out, measured once: a box asked to be far taller than any browser
 * allows reports the height it was clamped to. Without layout (tests) it is Chromium's.
 */
export function maxElementHeight(): number {
  if (measuredMax !== undefined) return measuredMax;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;top:0;left:0;width:1px;height:1000000000px';
  document.body.append(probe);
  const clamped = probe.getBoundingClientRect().height;
  probe.remove();
  measuredMax = clamped > 1_000_000 && clamped < 1_000_000_000 ? clamped : CHROMIUM_MAX_HEIGHT;
  return measuredMax;
}

/**
 * The height that makes the element `ref` fill the window from where it starts down to what the page
 * lays out under it, so the grid is the page's one scroll: the page itself then fits the window. Measured again when
 * the window resizes or anything above the grid changes height (the page's body resizes then).
 */
export function useFillWindowHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(MIN_HEIGHT);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const box = el.getBoundingClientRect();
      const top = box.top + window.scrollY;
      // What the page lays out under the grid (its padding, the time-zone footnote) stays in the window too.
      const below = Math.max(0, document.documentElement.scrollHeight - (top + box.height));
      const next = Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - below));
      setHeight((h) => (h === next ? h : next));
    };
    measure();
    window.addEventListener('resize', measure, { passive: true });
    const body = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    body?.observe(document.body);
    return () => {
      window.removeEventListener('resize', measure);
      body?.disconnect();
    };
  }, [ref]);
  return height;
}
