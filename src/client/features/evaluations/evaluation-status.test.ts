import { describe, expect, it } from 'vitest';
import { evaluationStatus, isStuck, pollDelay, resultStatusText } from './evaluation-status.ts';

const result = (status: number) => ({
  id: 'r', evaluation_id: 'e', evaluation_type_id: 't', result: status === 2 ? '' : '1', status,
  status_description: '', total_logs: 1, created_at: '', modified_at: '',
});

describe('evaluationStatus', () => {
  it('is running until processed', () => {
    expect(evaluationStatus({ processed: false, results: [result(1)] })).toBe('running');
  });
  it('is done, partial or error once processed', () => {
    expect(evaluationStatus({ processed: true, results: [result(1), result(1)] })).toBe('done');
    expect(evaluationStatus({ processed: true, results: [result(1), result(2)] })).toBe('partial');
    expect(evaluationStatus({ processed: true, results: [result(2)] })).toBe('error');
    expect(evaluationStatus({ processed: true, results: [] })).toBe('error');
  });
});

describe('time', () => {
  it('backs off polling to a 10 s cap', () => {
    expect([1, 2, 3, 4, 5, 9].map(pollDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
  it('calls an unfinished evaluation stuck after the threshold only', () => {
    const created_at = '2026-01-10T12:00:00Z';
    const t = Date.parse(created_at);
    expect(isStuck({ processed: false, created_at }, t + 59_000)).toBe(false);
    expect(isStuck({ processed: false, created_at }, t + 60_000)).toBe(true);
    expect(isStuck({ processed: true, created_at }, t + 600_000)).toBe(false);
    expect(isStuck({ processed: false, created_at }, t + 5_000, 1_000)).toBe(true);
  });
});

describe('resultStatusText', () => {
  it('says a finished result is done once, and keeps a description that adds something', () => {
    expect(resultStatusText(1, 'Completed')).toBe('Done');
    expect(resultStatusText(1, 'done')).toBe('Done');
    expect(resultStatusText(1, '')).toBe('Done');
    expect(resultStatusText(1, 'Completed on a sample of 500 logs')).toBe('Done — Completed on a sample of 500 logs');
    expect(resultStatusText(2, 'No rated logs')).toBe('Error — No rated logs');
    expect(resultStatusText(2, 'Completed')).toBe('Error — Completed');
  });
});
