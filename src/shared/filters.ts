import { z } from 'zod';

/**
 * The 13 log keys a dataset filter may use (Cloudflare's dataset filter enum), in display order.
 */
export const LOG_KEYS = [
  'created_at',
  'request_content_type',
  'response_content_type',
  'success',
  'cached',
  'provider',
  'model',
  'cost',
  'tokens',
  'tokens_in',
  'tokens_out',
  'duration',
  'feedback',
] as const;
export type LogKey = (typeof LOG_KEYS)[number];

/** Dataset filter operators. Cloudflare's log filters also know `neq`; datasets do not. */
export const OPERATORS = ['eq', 'contains', 'lt', 'gt'] as const;
export type Operator = (typeof OPERATORS)[number];

export type ValueType = 'date-time' | 'string' | 'boolean' | 'number' | 'integer' | 'feedback';

/** How a value picker offers the key's values (the client reads this; the server ignores it). */
export type ValuePicker = 'date-time' | 'autocomplete' | 'boolean' | 'number' | 'feedback';

export interface KeyMeta {
  key: LogKey;
  /** Human label used in the builder, the read-back sentence and exports. */
  label: string;
  type: ValueType;
  /** Unit shown beside numbers (USD is shown as a `$` prefix). */
  unit?: 'USD' | 'tokens' | 'ms';
  operators: readonly Operator[];
  picker: ValuePicker;
  /** Whether one row may hold several values (ORed). */
  multiple: boolean;
  /** Labels of a boolean's true/false values. */
  booleanLabels?: { true: string; false: string };
}

/**
 * The per-key rules of product §1, in one table. The filter builder, the validators, the SQL compiler,
 * the in-memory query engine and the read-back sentence all read it, so changing a key's operators is a
 * one-line change here.
 */
export const KEY_META: Readonly<Record<LogKey, KeyMeta>> = {
  created_at: { key: 'created_at', label: 'Created', type: 'date-time', operators: ['gt', 'lt', 'eq'], picker: 'date-time', multiple: false },
  request_content_type: { key: 'request_content_type', label: 'Request content type', type: 'string', operators: ['eq', 'contains'], picker: 'autocomplete', multiple: true },
  response_content_type: { key: 'response_content_type', label: 'Response content type', type: 'string', operators: ['eq', 'contains'], picker: 'autocomplete', multiple: true },
  success: { key: 'success', label: 'Status', type: 'boolean', operators: ['eq'], picker: 'boolean', multiple: false, booleanLabels: { true: 'Success', false: 'Error' } },
  cached: { key: 'cached', label: 'Cache', type: 'boolean', operators: ['eq'], picker: 'boolean', multiple: false, booleanLabels: { true: 'Cached', false: 'Not cached' } },
  provider: { key: 'provider', label: 'Provider', type: 'string', operators: ['eq', 'contains'], picker: 'autocomplete', multiple: true },
  model: { key: 'model', label: 'Model', type: 'string', operators: ['eq', 'contains'], picker: 'autocomplete', multiple: true },
  cost: { key: 'cost', label: 'Cost', type: 'number', unit: 'USD', operators: ['gt', 'lt', 'eq'], picker: 'number', multiple: false },
  tokens: { key: 'tokens', label: 'Total tokens', type: 'integer', unit: 'tokens', operators: ['gt', 'lt', 'eq'], picker: 'number', multiple: false },
  tokens_in: { key: 'tokens_in', label: 'Tokens in', type: 'integer', unit: 'tokens', operators: ['gt', 'lt', 'eq'], picker: 'number', multiple: false },
  tokens_out: { key: 'tokens_out', label: 'Tokens out', type: 'integer', unit: 'tokens', operators: ['gt', 'lt', 'eq'], picker: 'number', multiple: false },
  duration: { key: 'duration', label: 'Duration', type: 'integer', unit: 'ms', operators: ['gt', 'lt', 'eq'], picker: 'number', multiple: false },
  feedback: { key: 'feedback', label: 'Feedback', type: 'feedback', operators: ['eq'], picker: 'feedback', multiple: true },
};

export const OPERATOR_LABELS: Readonly<Record<Operator, string>> = {
  eq: 'is',
  contains: 'contains',
  lt: 'less than',
  gt: 'greater than',
};

/** A filter value as it travels on the wire (Cloudflare: string | number | boolean). */
export const filterValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type FilterValue = z.infer<typeof filterValueSchema>;

/**
 * The wire shape of a dataset filter row, as the spec declares it. Used to *read* upstream data
 * (liberal): a dataset made elsewhere with an odd row (say `created_at eq "string"`) still parses.
 */
export const wireFilterSchema = z.object({
  key: z.enum(LOG_KEYS),
  operator: z.enum(OPERATORS),
  value: z.array(filterValueSchema),
});
export type WireFilter = z.infer<typeof wireFilterSchema>;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A real calendar day: Date.parse rolls "02-31" over into March, which would say one day and mean another. */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

/** True when `text` is an ISO 8601 date-time with a zone (or, where `allowDay`, a `YYYY-MM-DD` day). */
export function isIsoDateTime(text: string, allowDay = false): boolean {
  const day = allowDay ? ISO_DAY.exec(text) : null;
  if (day) return isCalendarDay(day[1]!, day[2]!, day[3]!);
  const t = ISO_DATE_TIME.exec(text);
  if (!t || !isCalendarDay(t[1]!, t[2]!, t[3]!)) return false;
  const [hour, minute, second] = [Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
  const [offsetHour, offsetMinute] = [Number(t[9] ?? 0), Number(t[10] ?? 0)];
  return hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59 && !Number.isNaN(Date.parse(text));
}

export type ValueCheck = { ok: true; value: FilterValue } | { ok: false; message: string };

/**
 * Checks (and normalises, idempotently) one value against its key's type. Numbers may arrive as numeric
 * strings from a form or a query string; booleans as "true"/"false". Nothing else is coerced.
 */
export function checkFilterValue(key: LogKey, operator: Operator, raw: unknown): ValueCheck {
  const meta = KEY_META[key];
  switch (meta.type) {
    case 'string':
      if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: 'must be a non-empty text' };
      if (raw.length > 1000) return { ok: false, message: 'must be at most 1000 characters' };
      return { ok: true, value: raw };
    case 'boolean':
      if (raw === true || raw === 'true') return { ok: true, value: true };
      if (raw === false || raw === 'false') return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    case 'number':
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && NUMERIC.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return { ok: false, message: `must be a number${meta.unit ? ` (${meta.unit})` : ''}` };
      if (meta.type === 'integer' && !Number.isInteger(n)) return { ok: false, message: 'must be a whole number' };
      if (n < 0) return { ok: false, message: 'must not be negative' };
      return { ok: true, value: n };
    }
    case 'feedback': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && NUMERIC.test(raw.trim()) ? Number(raw) : NaN;
      if (n === -1 || n === 0 || n === 1) return { ok: true, value: n };
      return { ok: false, message: 'must be 1 (thumbs up), -1 (thumbs down) or 0 (none)' };
    }
    case 'date-time':
      if (typeof raw !== 'string' || !isIsoDateTime(raw, operator === 'eq'))
        return {
          ok: false,
          message:
            operator === 'eq'
              ? 'must be an ISO 8601 date-time (2026-01-31T12:00:00Z) or a day (2026-01-31)'
              : 'must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z',
        };
      return { ok: true, value: raw };
  }
}

/**
 * The first of `values` that its key refuses, as the message a person reads ("Cost must be a number
 * (USD)"), with its index; undefined when all pass. Built from KEY_META's label and unit, so the form's
 * as-you-type check and the strict schema below say the same words.
 */
export function valueProblem(key: LogKey, operator: Operator, values: readonly unknown[]): { index: number; message: string } | undefined {
  for (const [index, raw] of values.entries()) {
    const check = checkFilterValue(key, operator, raw);
    if (!check.ok) return { index, message: `${KEY_META[key].label} ${check.message}` };
  }
  return undefined;
}

/** Ordinal name of a row, as people count: index 0 is "Filter 1". */
export const filterRowName = (index: number) => `Filter ${index + 1}`;

/**
 * A filter row under the per-key rules of product §1 (strict: what the browser may send). Messages name
 * the key and the field; the caller's path (filters → index → field) names the row.
 */
export const filterSchema = z
  .object({
    key: z.string(),
    operator: z.string(),
    value: z.array(z.unknown()),
  })
  .transform((row, ctx) => {
    if (!(LOG_KEYS as readonly string[]).includes(row.key)) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `Unknown key "${row.key.slice(0, 64)}"; use one of ${LOG_KEYS.join(', ')}` });
      return z.NEVER;
    }
    const key = row.key as LogKey;
    const meta = KEY_META[key];
    if (!(meta.operators as readonly string[]).includes(row.operator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: `${meta.label} does not take "${row.operator.slice(0, 16)}"; use ${meta.operators.join(', ')}`,
      });
      return z.NEVER;
    }
    const operator = row.operator as Operator;
    if (row.value.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${meta.label} needs a value` });
      return z.NEVER;
    }
    if (!meta.multiple && row.value.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${meta.label} takes one value` });
      return z.NEVER;
    }
    if (row.value.length > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${meta.label} takes at most 100 values` });
      return z.NEVER;
    }
    const problem = valueProblem(key, operator, row.value);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['value', problem.index], message: problem.message });
      return z.NEVER;
    }
    const value: FilterValue[] = [];
    for (const raw of row.value) {
      const check = checkFilterValue(key, operator, raw);
      if (check.ok) value.push(check.value);
    }
    return { key, operator, value } satisfies WireFilter;
  });
export type Filter = WireFilter;

/** At most this many rows in one filter list; more is refused, not truncated. */
export const MAX_FILTER_ROWS = 50;

export const filtersSchema = z.array(filterSchema).max(MAX_FILTER_ROWS, `At most ${MAX_FILTER_ROWS} filter rows`);

/** Rows that the strict rules refuse, with why: used to flag odd rows of data made elsewhere. */
export function oddFilterRows(filters: readonly WireFilter[]): { index: number; message: string }[] {
  const odd: { index: number; message: string }[] = [];
  filters.forEach((row, index) => {
    const parsed = filterSchema.safeParse(row);
    if (!parsed.success) odd.push({ index, message: parsed.error.issues[0]?.message ?? 'Invalid filter' });
  });
  return odd;
}
