/** A count with thousands separators and an optional unit; a missing value is a dash. */
export const formatCount = (n: number | null | undefined, unit = ''): string =>
  n === null || n === undefined ? '—' : `${n.toLocaleString('en-US')}${unit}`;

/** USD with up to six decimals (per-request costs are fractions of a cent), trailing zeros dropped. */
export const formatCost = (cost: number | undefined): string =>
  cost === undefined ? '—' : `$${cost.toFixed(6).replace(/0+$/, '').replace(/\.$/, '')}`;

/** The browser's local date and time; text that is not a date is shown as it came. */
export const formatTime = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en-US')} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
