import type { Evaluation } from '../../../shared/evaluations.ts';
import { readBack } from '../../../shared/read-back.ts';
import { STATUS_LABELS, evaluationStatus } from './evaluation-status.ts';
import type { ResultRow } from './result-rows.ts';

/** A dataset as the evaluation used it (its schema's fields), with whether its current version changed since. */
export type ExportDataset = Pick<Evaluation['datasets'][number], 'id' | 'name' | 'filters'> & {
  /** 'modified' / 'deleted' when known, 'unchanged' otherwise. */
  currentState?: 'unchanged' | 'modified' | 'deleted';
};

/** A spreadsheet would run a text cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quote a field holding a comma, a quote or a line break, doubling inner quotes. */
export function csvField(value: string | number | null | undefined, { text = true } = {}): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (text && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function datasetReadBack(d: ExportDataset): string {
  return `${d.name}: ${readBack(d.filters)}`;
}

export const CSV_HEADER = [
  'Evaluation',
  'Evaluator',
  'Result',
  'Value',
  'Unit',
  'Logs (n)',
  'Status',
  'Status description',
  'Updated',
  'Datasets',
] as const;

/**
 * What the results table shows, one row per evaluator, plus the value as a bare number with its unit (for
 * spreadsheets) and the datasets' read-back (so the file says which logs the figures cover).
 */
export function toCsv(evaluation: Pick<Evaluation, 'name'>, rows: readonly ResultRow[], datasets: readonly ExportDataset[]): string {
  const coverage = datasets.map(datasetReadBack).join('; ');
  const lines = [CSV_HEADER.map((h) => csvField(h)).join(',')];
  for (const r of rows) {
    lines.push(
      [
        csvField(evaluation.name),
        csvField(r.evaluator),
        csvField(r.display),
        csvField(r.value, { text: false }),
        csvField(r.unit),
        csvField(r.logs, { text: false }),
        csvField(r.statusLabel),
        csvField(r.description),
        csvField(r.updatedAt),
        csvField(coverage),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(evaluation: Evaluation, rows: readonly ResultRow[], datasets: readonly ExportDataset[]): string {
  const doc = {
    evaluation: {
      id: evaluation.id,
      name: evaluation.name,
      gateway_id: evaluation.gateway_id,
      created_at: evaluation.created_at,
      status: STATUS_LABELS[evaluationStatus(evaluation)],
      processed: evaluation.processed,
      total_logs: evaluation.total_logs,
    },
    datasets: datasets.map((d) => ({
      id: d.id,
      name: d.name,
      filters: d.filters,
      read_back: readBack(d.filters),
      current_state: d.currentState ?? 'unchanged',
    })),
    results: rows.map((r) => ({
      evaluator: r.evaluator,
      evaluation_type_id: r.evaluationTypeId,
      result: r.display,
      value: r.value,
      unit: r.unit,
      raw_result: r.raw,
      logs: r.logs,
      status: r.statusLabel,
      status_code: r.status,
      status_description: r.description,
      updated_at: r.updatedAt,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file name from the evaluation's name: "GPT-4o vs mini" → "gpt-4o-vs-mini". */
export function exportFileName(name: string, extension: 'csv' | 'json'): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'evaluation'}.${extension}`;
}
