import { describe, expect, it } from 'vitest';
import { testGroup } from './test-groups.ts';
import { buildReport, formatUtc, reportFileName, verdictSentences } from './report-model.ts';
import { columnWidths, CONTENT_WIDTH, pdfText, reportPdf } from './report-pdf.ts';
import { defaultPaper } from './report-paper.ts';

const group = testGroup;

const A = group('GPT-4o', 1, 500, 200, 60, 100);
const B = group('Claude', 0.62, 900, 200, 80, 100);
const input = {
  kind: 'evaluation' as const,
  title: 'GPT-4o vs Claude',
  gateway: 'production',
  groups: [A, B, group('All datasets', 0.8, 700, 400, 140, 200)],
  compared: [A, B],
  baseline: 0,
  pins: [{ label: 'GPT-4o vs Claude', at: '2026-12-02T16:55:09.240Z' }],
  readBacks: ['GPT-4o: Logs where model is "gpt-4o"', 'Claude: Logs where model contains "claude"'],
  excluded: false,
  generatedAt: new Date('2026-12-03T09:05:00Z'),
};

describe('formatUtc', () => {
  it('writes an absolute time with its zone', () => {
    expect(formatUtc('2026-12-02T16:55:09.240Z')).toBe('2026-12-02 16:55 UTC');
  });
});

describe('a split in the report', () => {
  const before = group('before', 1, 500, 200, 60, 100);
  const from = group('from', 0.5, 500, 200, 60, 100);
  const model = buildReport({ ...input, split: { dataset: 'GPT-4o', at: '2026-12-01T12:00:00.000Z', halves: [before, from] } });
  it('states the split, words its halves against each other and lists them in the table', () => {
    expect(model.facts).toContainEqual(['Split', 'GPT-4o at 2026-12-01 12:00 UTC, both halves within the same pin']);
    expect(model.verdicts.at(-1)).toMatch(/^GPT-4o from 2026-12-01 12:00 UTC against GPT-4o before 2026-12-01 12:00 UTC: 50% cheaper \(mean cost\)/);
    expect(model.table.rows.map((r) => r[0]).slice(-2)).toEqual(['GPT-4o before 2026-12-01 12:00 UTC', 'GPT-4o from 2026-12-01 12:00 UTC']);
  });
  it('leaves it out when none is active', () => {
    expect(buildReport(input).facts.map(([k]) => k)).not.toContain('Split');
    expect(buildReport(input).table.rows).toHaveLength(3);
  });
});

describe('verdictSentences', () => {
  it('words every metric of each group against the baseline in one sentence', () => {
    expect(verdictSentences([A, B], 0)).toEqual([
      'Claude against GPT-4o: 38% cheaper (mean cost); 1.8× slower (mean duration); mean tokens: could be noise; 20 points better liked (thumbs-up share); error rate: could be noise.',
    ]);
  });
  it('says nothing to compare with one group', () => {
    expect(verdictSentences([A], 0)).toEqual([]);
    expect(buildReport({ ...input, compared: [] }).verdicts[0]).toMatch(/^One group only/);
  });
});

describe('buildReport', () => {
  const model = buildReport(input);
  it('states gateway, pin and time made in absolute UTC', () => {
    expect(model.facts).toEqual([
      ['Gateway', 'production'],
      ['Logs counted', 'created at or before 2026-12-02 16:55 UTC'],
      ['Cost and speed count', 'every log, cached and failed ones included'],
      ['Report made', '2026-12-03 09:05 UTC'],
    ]);
  });
  it('has a row per group with n and intervals, and a chart per metric', () => {
    expect(model.table.rows.map((r) => r[0])).toEqual(['GPT-4o', 'Claude', 'All datasets']);
    expect(model.table.rows[0]![1]).toBe('200');
    expect(model.table.rows[0]![5]).toMatch(/^60\.0%\n\(.+\)\nof 100 rated$/);
    expect(model.charts.map((c) => c.bars.length)).toEqual([3, 3, 3]);
    expect(model.fileName).toBe('gpt-4o-vs-claude-report.pdf');
    expect(reportFileName('  ')).toBe('evaluation-report.pdf');
  });
});

describe('reportPdf', () => {
  it('fills the content width with the columns exactly', () => {
    const w = columnWidths(7);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(CONTENT_WIDTH, 9);
  });
  it('keeps only characters the standard fonts draw', () => {
    expect(pdfText('−5 ms · 1.8× “ok” ≤ 3\u202fPM 日本')).toBe('-5 ms · 1.8× “ok” <= 3 PM ??');
  });
  it('draws a two-dataset report on one A4 page with its text in it', () => {
    const doc = reportPdf(buildReport(input));
    expect(doc.getNumberOfPages()).toBe(1);
    const pdf = doc.output();
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('GPT-4o vs Claude');
    expect(pdf).toContain('38% cheaper');
  });
  it('draws it on US Letter too, with the page size in the file', () => {
    const doc = reportPdf(buildReport(input), 'letter');
    expect(doc.getNumberOfPages()).toBe(1);
    // 215.9 × 279.4 mm is 612 × 792 pt.
    const mediaBox = (pdf: string) => pdf.match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/)!.slice(1).map((v) => Math.round(Number(v)));
    expect(mediaBox(doc.output())).toEqual([612, 792]);
    expect(mediaBox(reportPdf(buildReport(input)).output())).toEqual([595, 842]);
  });
  it('picks Letter for the locales that print on it', () => {
    expect(defaultPaper('en-US')).toBe('letter');
    expect(defaultPaper('en-CA')).toBe('letter');
    expect(defaultPaper('en-GB')).toBe('a4');
    expect(defaultPaper('de')).toBe('a4');
    expect(defaultPaper('not a locale')).toBe('a4');
  });
});
