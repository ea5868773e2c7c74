// The console's one way to write numbers, money and times. Each Intl formatter is built once: `toLocaleString`
// with a locale or options builds a new one per call, which costs more than the rest of a row's render when a
// screenful of rows mounts.

/** Figures use one grouping style everywhere ("14,000"), whatever the browser's language. */
const NUMBER_LOCALE = 'en-US';
const COUNT = new Intl.NumberFormat(NUMBER_LOCALE);
const DECIMAL_1 = new Intl.NumberFormat(NUMBER_LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UP_TO_1 = new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 1 });
const UP_TO_4 = new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 4 });
const DOLLARS = new Intl.NumberFormat(NUMBER_LOCALE, { style: 'currency', currency: 'USD' });
const DIMES = new Intl.NumberFormat(NUMBER_LOCALE, { style: 'currency', currency: 'USD', maximumFractionDigits: 3 });
const BELOW_DIME = new Intl.NumberFormat(NUMBER_LOCALE, { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });

export const MISSING = '—';

/** A count with thousands separators and an optional unit (" ms"); a missing value is a dash. */
export const formatCount = (n: number | null | undefined, unit = ''): string =>
  n === null || n === undefined ? MISSING : `${COUNT.format(n)}${unit}`;

/** A plain number, to four decimals at most (a figure without a known unit). */
export const formatNumber = (n: number): string => UP_TO_4.format(n);

/**
 * The one precision rule for US dollars: dollars and cents from $1 up ("$1,234.50"); below $1, three
 * significant digits at most and two decimals at least ("$0.351", "$0.50", "$0.0351", "$0.0044"), since a
 * request often costs a fraction of a cent. A missing amount is a dash.
 */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 1) return DOLLARS.format(value);
  return abs >= 0.1 ? DIMES.format(value) : BELOW_DIME.format(value);
}

/** Milliseconds, to one decimal at most: "1,234.6 ms". */
export const formatMs = (value: number): string => `${UP_TO_1.format(value)} ms`;

/** A percentage with one decimal: "87.5%". */
export const formatPercent = (value: number): string => `${DECIMAL_1.format(value)}%`;

/** One decimal, always: "5.0" (percentage points, relative changes). */
export const formatOneDecimal = (value: number): string => DECIMAL_1.format(value);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${COUNT.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${DECIMAL_1.format(bytes / 1024)} KB`;
  return `${DECIMAL_1.format(bytes / 1024 / 1024)} MB`;
}

// Times: the user's own locale and time zone (undefined = the browser's), one style on every page, in exports
// and in print. The zone is said once, by <TimeZoneNote>, not after every time.
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const RELATIVE = new Intl.RelativeTimeFormat(NUMBER_LOCALE, { numeric: 'auto' });

/** The user's time zone as they would name it ("Europe/Paris, GMT+1"). */
export function timeZoneLabel(at: number = Date.now()): string {
  const zone = DATE_TIME.resolvedOptions().timeZone;
  const short = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== zone ? `${zone} (${short})` : zone;
}

/** The one absolute time format: "Dec 2, 2026, 5:31:49 AM" in the user's locale and zone; text that is not a time is shown as it came. */
export function formatDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : DATE_TIME.format(ms);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "5 minutes ago", "yesterday": shown beside the absolute time where recency matters. */
export function formatRelativeTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  let amount = (t - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return RELATIVE.format(Math.round(amount), unit);
    amount /= size;
  }
  return iso;
}

/** Elapsed time as people say it: "8 s", "3 min 5 s", "2 h 4 min", "3 d 1 h". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
