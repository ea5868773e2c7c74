const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * Where a key moves the active row, or undefined for a key that does not move it. Moves stay among the
 * loaded rows (`lastIndex`); reaching the last one brings the next page, after which End goes further.
 */
export function moveActive(key: string, active: number, pageRows: number, lastIndex: number): number | undefined {
  if (lastIndex < 0) return undefined;
  const step = Math.max(1, pageRows);
  const to: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + step,
    PageUp: active - step,
    Home: 0,
    End: lastIndex,
  };
  return key in to ? clamp(to[key]!, 0, lastIndex) : undefined;
}
