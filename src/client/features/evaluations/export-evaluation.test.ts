import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../shared/evaluations.ts';
import { csvField, exportFileName, toCsv, toJson } from './export-evaluation.ts';
import { resultRows } from './result-rows.ts';
import { parseCsv } from '../../../test-support/parse-csv.ts';

const types = [
  { id: 't-cost', name: 'Cost', type: 'cost', description: '', enable: true, mandatory: true, created_at: '', modified_at: '' },
  { id: 't-speed', name: 'Speed', type: 'speed', description: '', enable: true, mandatory: true, created_at: '', modified_at: '' },
  { id: 't-hf', name: 'Human feedback', type: 'performance', description: '', enable: true, mandatory: false, created_at: '', modified_at: '' },
];
const res = (id: string, typeId: string, result: string, status: number, total_logs: number, status_description = '') => ({
  id, evaluation_id: 'e1', evaluation_type_id: typeId, result, status, status_description, total_logs,
  created_at: '2026-01-01T00:00:00Z', modified_at: '2026-01-01T00:00:01Z',
});
const evaluation: Evaluation = {
  id: 'e1', gateway_id: 'gw', name: 'Llama, "fast" run', created_at: '2026-01-01T00:00:00Z', modified_at: '2026-01-01T00:00:01Z',
  processed: true, total_logs: 120,
  datasets: [
    { id: 'd1', gateway_id: 'gw', name: 'Llama', enable: true, created_at: '', modified_at: '',
      filters: [{ key: 'model', operator: 'contains', value: ['llama'] }, { key: 'cost', operator: 'gt', value: [0.01] }] },
  ],
  results: [res('r2', 't-speed', '812.25', 1, 120), res('r1', 't-cost', '0.00042', 1, 100), res('r3', 't-hf', '', 2, 0, 'No rated logs')],
};
const datasets = evaluation.datasets.map((d) => ({ id: d.id, name: d.name, filters: d.filters }));


describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
  });
  it('defuses formulas in text but keeps negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-1.5, { text: false })).toBe('-1.5');
  });
});

describe('toCsv', () => {
  const rows = parseCsv(toCsv(evaluation, resultRows(evaluation, types), datasets));
  it('has a header and one row per evaluator, in the evaluators order', () => {
    expect(rows[0]).toEqual(['Evaluation', 'Evaluator', 'Result', 'Value', 'Unit', 'Logs (n)', 'Status', 'Status description', 'Updated', 'Datasets']);
    expect(rows.map((r) => r[1])).toEqual(['Evaluator', 'Cost', 'Speed', 'Human feedback']);
  });
  it('carries units, the n and the status description', () => {
    expect(rows[1]!.slice(0, 8)).toEqual(['Llama, "fast" run', 'Cost', '$0.00042', '0.00042', 'USD', '100', 'Done', '']);
    expect(rows[2]!.slice(2, 6)).toEqual(['812.3 ms', '812.25', 'ms', '120']);
    expect(rows[3]!.slice(2, 8)).toEqual(['—', '', '%', '0', 'Error', 'No rated logs']);
  });
  it('carries the datasets read-back', () => {
    expect(rows[1]![9]).toBe('Llama: Logs where model contains "llama" and cost > $0.01');
  });
});

describe('toJson', () => {
  it('keeps raw and formatted values, units and read-back', () => {
    const doc = JSON.parse(toJson(evaluation, resultRows(evaluation, types), datasets));
    expect(doc.evaluation).toMatchObject({ id: 'e1', status: 'Done', total_logs: 120 });
    expect(doc.datasets[0].read_back).toBe('Logs where model contains "llama" and cost > $0.01');
    expect(doc.results[0]).toMatchObject({ evaluator: 'Cost', result: '$0.00042', value: 0.00042, unit: 'USD', logs: 100 });
    expect(doc.results[2]).toMatchObject({ evaluator: 'Human feedback', value: null, status: 'Error', status_description: 'No rated logs' });
  });
});

describe('exportFileName', () => {
  it('slugs the evaluation name', () => {
    expect(exportFileName('Llama, "fast" run', 'csv')).toBe('llama-fast-run.csv');
    expect(exportFileName('***', 'json')).toBe('evaluation.json');
  });
});
