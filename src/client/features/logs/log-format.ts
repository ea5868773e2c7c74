// One formatter each, made once: `toLocaleString` with a locale or options builds a new one per call, which
// cost more than the rest of a row's render when a screenful of rows mounts.
const COUNT = new Intl.NumberFormat('en-US');
const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/** A count with thousands separators and an optional unit; a missing value is a dash. */
export const formatCount = (n: number | null | undefined, unit = ''): string =>
  n === null || n === undefined ? '—' : `${COUNT.format(n)}${unit}`;

/** USD with up to six decimals (per-request costs are fractions of a cent), trailing zeros dropped. */
export const formatCost = (cost: number | undefined): string =>
  cost === undefined ? '—' : `$${cost.toFixed(6).replace(/0+$/, '').replace(/\.$/, '')}`;

/** The browser's local date and time; text that is not a date is shown as it came. */
export const formatTime = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : TIME.format(ms);
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-US')} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
