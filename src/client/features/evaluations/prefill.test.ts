import { describe, expect, it } from 'vitest';
import { readPrefill, rerunPath } from './prefill.ts';

const paramsOf = (path: string) => new URL(path, 'http://console.test').searchParams;

describe('prefill', () => {
  it('round-trips a re-run through the URL, suffixing the name once', () => {
    const e = {
      name: 'Llama, cheap',
      datasets: [{ id: 'd1' }, { id: 'd2' }] as never,
      results: [{ evaluation_type_id: 'c' }, { evaluation_type_id: 's' }] as never,
    };
    const p = readPrefill(paramsOf(rerunPath('gw', e)));
    expect(p).toEqual({ name: 'Llama, cheap (re-run)', datasetIds: ['d1', 'd2'], evaluationTypeIds: ['c', 's'] });
    expect(readPrefill(paramsOf(rerunPath('gw', { ...e, name: p.name! }))).name).toBe('Llama, cheap (re-run)');
  });
  it('reads a dataset-only prefill', () => {
    expect(readPrefill(new URLSearchParams('dataset_ids=a'))).toEqual({ name: undefined, datasetIds: ['a'], evaluationTypeIds: undefined });
  });
});
