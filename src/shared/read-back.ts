import { KEY_META, OPERATOR_LABELS, type FilterValue, type WireFilter } from './filters.ts';

// Words, not emoji: a machine without an emoji font shows 👍/👎 as empty boxes, and screen readers name them unevenly.
const FEEDBACK_WORDS: Record<string, string> = { '1': 'thumbs up', '-1': 'thumbs down', '0': 'no feedback' };

/** One value as a person reads it: "$0.01", "1,200 tokens", "Success", "thumbs up", "\"llama\"". */
export function formatFilterValue(key: WireFilter['key'], value: FilterValue): string {
  const meta = KEY_META[key];
  switch (meta.type) {
    case 'boolean':
      if (typeof value === 'boolean' && meta.booleanLabels) return value ? meta.booleanLabels.true : meta.booleanLabels.false;
      return JSON.stringify(value);
    case 'feedback':
      return FEEDBACK_WORDS[String(value)] ?? JSON.stringify(value);
    case 'number':
    case 'integer': {
      if (typeof value !== 'number') return JSON.stringify(value);
      if (meta.unit === 'USD') return `$${value}`;
      return `${value.toLocaleString('en-US')}${meta.unit ? ` ${meta.unit}` : ''}`;
    }
    case 'date-time':
      return String(value);
    case 'string':
      return `"${String(value)}"`;
  }
}

const SYMBOLS = { lt: '<', gt: '>' } as const;

/** One row as a phrase: `cost > $0.01`, `provider is "openai" or "anthropic"`, `status is Success`. */
export function describeFilter(row: WireFilter): string {
  const meta = KEY_META[row.key];
  const label = meta.label.toLowerCase();
  const values = row.value.map((v) => formatFilterValue(row.key, v));
  const joined = values.length <= 1 ? (values[0] ?? '(no value)') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  if (row.key === 'created_at') {
    const word = row.operator === 'gt' ? 'after' : row.operator === 'lt' ? 'before' : 'on';
    return `${label} ${word} ${joined}`;
  }
  if (row.operator === 'lt' || row.operator === 'gt') return `${label} ${SYMBOLS[row.operator]} ${joined}`;
  const verb = row.operator === 'eq' && values.length > 1 ? 'is any of' : OPERATOR_LABELS[row.operator];
  return `${label} ${verb} ${joined}`;
}

/**
 * Filters → one plain sentence: "Logs where status is Success and model contains "llama" and cost > $0.01".
 * Used under the builder, in lists, in evaluation details and in exports.
 */
export function readBack(filters: readonly WireFilter[]): string {
  if (filters.length === 0) return 'All logs';
  return `Logs where ${filters.map(describeFilter).join(' and ')}`;
}
