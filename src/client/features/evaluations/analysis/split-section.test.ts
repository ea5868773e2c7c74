import { describe, expect, it } from 'vitest';
import type { AnalysisSplit, GroupAnalysis } from '../../../../shared/analysis.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { isoToLocalInput } from '../../../components/filter-builder/date-time-picker.tsx';
import { splitFormError, splitGroups } from './split-section.tsx';

describe('splitGroups', () => {
  it('names the halves by the instant in the reader\'s zone, keeping their figures', () => {
    const before = { label: 'A before 2026-11-20T00:00:00.000Z', logs: 3 } as GroupAnalysis;
    const from = { label: 'A from 2026-11-20T00:00:00.000Z', logs: 4 } as GroupAnalysis;
    const split: AnalysisSplit = { dataset_id: 'a', at: '2026-11-20T00:00:00.000Z', groups: [before, from] };
    const [b, f] = splitGroups(split);
    const when = formatDateTime('2026-11-20T00:00:00.000Z');
    expect([b.label, b.logs, f.label, f.logs]).toEqual([`Before ${when}`, 3, `From ${when}`, 4]);
  });
});

describe('splitFormError', () => {
  const created = '2026-12-02T16:55:09.240Z';
  it('names the field when the instant is missing or after the evaluation', () => {
    expect(splitFormError('', created)).toBe('Split at: enter a date and time');
    expect(splitFormError(isoToLocalInput('2026-12-03T00:00:00Z'), created)).toMatch(/^Split at: must be at or before the evaluation's creation/);
  });
  it('accepts an instant at or before the evaluation', () => {
    expect(splitFormError(isoToLocalInput('2026-11-20T00:00:00Z'), created)).toBeUndefined();
  });
});
