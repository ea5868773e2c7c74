import { jsPDF } from 'jspdf';
import { formatFigure } from './analysis-format.ts';
import type { ReportModel } from './report-model.ts';
import { PAPERS, type Paper } from './report-paper.ts';

/**
 * The report as an A4 or US Letter PDF drawn with jsPDF: vector text and shapes (selectable, sharp when
 * printed), light colours, every column inside the 12 mm margins. A report with more groups than one page
 * holds goes on to a second page rather than shrinking text past reading.
 */

const MARGIN = 12;
/** The same 186 mm column on both papers (A4's width inside its margins), centred on the wider Letter. */
export const CONTENT_WIDTH = PAPERS.a4.width - 2 * MARGIN;

/** Relative widths of the table's columns (group, logs, cost, duration, p95, thumbs up, errors). */
const COLUMN_WEIGHTS = [36, 14, 30, 32, 20, 32, 16];

/** Column widths in mm that fill the content width exactly. */
export function columnWidths(count: number): number[] {
  const weights = COLUMN_WEIGHTS.slice(0, count);
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (w / total) * CONTENT_WIDTH);
}

const CP1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/**
 * Text the PDF's standard fonts can draw (Windows-1252): the typographic minus and narrow spaces that Intl
 * writes become their plain forms, anything else outside the set becomes "?" rather than garbage.
 */
export function pdfText(s: string): string {
  return s
    .replace(/[\u2212]/g, '-')
    .replace(/[\u202f\u2009\u2007]/g, ' ')
    .replace(/≤/g, '<=')
    .replace(/≥/g, '>=')
    .replace(/→/g, '->')
    .replace(/./gu, (c) => {
      const code = c.codePointAt(0)!;
      return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || c === '\n' || CP1252_EXTRAS.includes(c) ? c : '?';
    });
}

const INK = [20, 20, 20] as const;
const MUTED = [90, 90, 90] as const;
const RULE = [200, 200, 200] as const;
const BAR_COLORS: [number, number, number][] = [
  [29, 78, 216],
  [194, 65, 12],
  [4, 120, 87],
  [126, 34, 206],
  [14, 116, 144],
  [161, 98, 7],
];

const LINE = 0.3528; // mm per pt

export function reportPdf(model: ReportModel, paper: Paper = 'a4'): jsPDF {
  const PAGE = { ...PAPERS[paper], margin: MARGIN };
  const doc = new jsPDF({ unit: 'mm', format: [PAGE.width, PAGE.height], orientation: 'portrait' });
  doc.setProperties({ title: pdfText(`${model.kind}: ${model.title}`), subject: 'AI Gateway evaluation report', creator: 'AI Gateway Console' });
  const left = (PAGE.width - CONTENT_WIDTH) / 2;
  const bottom = PAGE.height - PAGE.margin;
  let y: number = PAGE.margin;

  const ensure = (height: number) => {
    if (y + height > bottom) {
      doc.addPage();
      y = PAGE.margin;
    }
  };
  const text = (s: string, size: number, opts: { bold?: boolean; color?: readonly number[]; width?: number; x?: number; gap?: number } = {}) => {
    doc.setFont('helvetica', opts.bold ? 'bold' : 'normal');
    doc.setFontSize(size);
    doc.setTextColor(...((opts.color ?? INK) as [number, number, number]));
    const lines = doc.splitTextToSize(pdfText(s), opts.width ?? CONTENT_WIDTH) as string[];
    const lh = size * LINE * 1.25;
    ensure(lines.length * lh);
    doc.text(lines, opts.x ?? left, y + size * LINE, { baseline: 'alphabetic' });
    y += lines.length * lh + (opts.gap ?? 0);
  };
  const heading = (s: string) => {
    y += 1.5;
    text(s, 10, { bold: true, gap: 0.8 });
  };

  text(model.kind, 8, { color: MUTED });
  text(model.title, 16, { bold: true, gap: 1.5 });
  for (const [label, value] of model.facts) {
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(8);
    doc.setTextColor(...INK);
    doc.text(pdfText(`${label}:`), left, y + 8 * LINE);
    const before = y;
    text(value, 8, { x: left + 34, width: CONTENT_WIDTH - 34 });
    y = Math.max(y, before + 8 * LINE * 1.25);
  }

  heading('Verdicts');
  for (const s of model.verdicts) text(`•  ${s}`, 8.5, { gap: 0.8 });

  heading('Figures');
  const widths = columnWidths(model.table.columns.length);
  const cellLines = (row: string[], bold: boolean) => {
    doc.setFont('helvetica', bold ? 'bold' : 'normal');
    doc.setFontSize(7.5);
    return row.map((c, i) => c.split('\n').flatMap((part) => doc.splitTextToSize(pdfText(part), widths[i]! - 2) as string[]));
  };
  const drawRow = (row: string[], bold: boolean) => {
    const cells = cellLines(row, bold);
    const lh = 7.5 * LINE * 1.2;
    const height = Math.max(...cells.map((c) => c.length)) * lh + 1.6;
    ensure(height);
    let x = left;
    doc.setTextColor(...INK);
    cells.forEach((lines, i) => {
      doc.text(lines, x + 1, y + 0.8 + 7.5 * LINE);
      x += widths[i]!;
    });
    y += height;
    doc.setDrawColor(...RULE);
    doc.setLineWidth(0.2);
    doc.line(left, y, left + CONTENT_WIDTH, y);
  };
  drawRow(model.table.columns, true);
  for (const row of model.table.rows) drawRow(row, false);

  heading('Charts');
  const gap = 6;
  const chartWidth = (CONTENT_WIDTH - gap * (model.charts.length - 1)) / model.charts.length;
  const barsOf = model.charts[0]?.bars.length ?? 0;
  const chartHeight = 6 + barsOf * 8 + 6;
  ensure(chartHeight);
  const top = y;
  model.charts.forEach((chart, ci) => {
    const x0 = left + ci * (chartWidth + gap);
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(7.5);
    doc.setTextColor(...INK);
    doc.text(doc.splitTextToSize(pdfText(chart.title), chartWidth)[0] as string, x0, top + 3);
    const scale = (v: number) => x0 + (Math.max(0, Math.min(v, chart.max)) / chart.max) * chartWidth;
    chart.bars.forEach((b, bi) => {
      const by = top + 6 + bi * 8;
      doc.setFont('helvetica', 'normal');
      doc.setFontSize(6.5);
      doc.setTextColor(...MUTED);
      const label = `${b.label} (n = ${b.n.toLocaleString('en-US')}): ${formatFigure(chart.unit, b.value)}`;
      doc.text(doc.splitTextToSize(pdfText(label), chartWidth)[0] as string, x0, by + 2);
      const color = BAR_COLORS[bi % BAR_COLORS.length]!;
      doc.setFillColor(...color);
      if (b.value !== null && b.value > 0) doc.rect(x0, by + 3, scale(b.value) - x0, 3.2, 'F');
      if (b.ci) {
        const [a, c] = [scale(b.ci[0]), scale(b.ci[1])];
        const mid = by + 4.6;
        doc.setDrawColor(...INK);
        doc.setLineWidth(0.3);
        doc.line(a, mid, c, mid);
        doc.line(a, mid - 1.2, a, mid + 1.2);
        doc.line(c, mid - 1.2, c, mid + 1.2);
      }
    });
    const axisY = top + 6 + chart.bars.length * 8;
    doc.setDrawColor(...RULE);
    doc.line(x0, axisY, x0 + chartWidth, axisY);
    doc.setFontSize(6);
    doc.setTextColor(...MUTED);
    doc.text(pdfText(formatFigure(chart.unit, 0)), x0, axisY + 2.8);
    doc.text(pdfText(formatFigure(chart.unit, chart.max)), x0 + chartWidth, axisY + 2.8, { align: 'right' });
  });
  y = top + chartHeight;
  text('Bars start at zero; whiskers are 95% confidence intervals; n is the logs each figure counts.', 7, { color: MUTED });

  heading('Datasets');
  for (const r of model.readBacks) text(r, 7.5, { gap: 0.5 });

  heading('Caveats');
  for (const c of model.caveats) text(c, 7, { color: MUTED, gap: 0.5 });

  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(6.5);
    doc.setTextColor(...MUTED);
    doc.text(pdfText(`${model.title} · page ${p} of ${pages}`), left + CONTENT_WIDTH, PAGE.height - 6, { align: 'right' });
  }
  return doc;
}

/** Draws the report and hands it to the browser as a download. */
export function downloadReportPdf(model: ReportModel, paper: Paper): void {
  reportPdf(model, paper).save(model.fileName);
}
