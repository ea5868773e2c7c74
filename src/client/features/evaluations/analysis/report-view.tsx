import CloseOutlined from '@mui/icons-material/CloseOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import GlobalStyles from '@mui/material/GlobalStyles';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { formatFigure } from './analysis-format.ts';
import { useUrlParams } from '../../../lib/use-url-params.ts';
import type { ReportModel } from './report-model.ts';
import { defaultPaper, PAPERS, type Paper } from './report-paper.ts';

/** URL parameter that opens the report over the page, so a link to the report opens it. */
export const REPORT_PARAM = 'report';

export function useReportOpen(): [boolean, (open: boolean) => void] {
  const [params, update] = useUrlParams();
  return [params.get(REPORT_PARAM) === '1', (open) => update({ [REPORT_PARAM]: open ? 1 : undefined })];
}

/** The report's own colours: paper and ink whatever the screen's scheme, as it will print. */
const INK = '#141414';
const MUTED = '#555';
const RULE = '#c8c8c8';
const BAR_COLORS = ['#1d4ed8', '#c2410c', '#047857', '#7e22ce', '#0e7490', '#a16207'];

/** Mean or share bars with 95% whiskers, one chart per metric, drawn small enough for three side by side. */
function ReportChart({ chart }: { chart: ReportModel['charts'][number] }) {
  const W = 300;
  const row = 34;
  const H = 8 + chart.bars.length * row + 16;
  const x = (v: number) => (Math.max(0, Math.min(v, chart.max)) / chart.max) * (W - 2);
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <figcaption style={{ fontWeight: 600, fontSize: 11 }}>{chart.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${chart.title}: ${chart.bars.map((b) => b.text).join('; ')}`}>
        {chart.bars.map((b, i) => {
          const y = 8 + i * row;
          return (
            <g key={b.label}>
              <text x={0} y={y + 8} style={{ fontSize: 11, fill: MUTED }}>
                {`${b.label} (n = ${b.n.toLocaleString('en-US')}): ${formatFigure(chart.unit, b.value)}`}
              </text>
              {b.value !== null && <rect x={1} y={y + 12} width={Math.max(0, x(b.value))} height={12} fill={BAR_COLORS[i % BAR_COLORS.length]} />}
              {b.ci && (
                <g stroke={INK} strokeWidth={1.2}>
                  <line x1={x(b.ci[0])} x2={x(b.ci[1])} y1={y + 18} y2={y + 18} />
                  <line x1={x(b.ci[0])} x2={x(b.ci[0])} y1={y + 13} y2={y + 23} />
                  <line x1={x(b.ci[1])} x2={x(b.ci[1])} y1={y + 13} y2={y + 23} />
                </g>
              )}
            </g>
          );
        })}
        <line x1={0} x2={W} y1={H - 14} y2={H - 14} stroke={RULE} />
        <text x={0} y={H - 2} style={{ fontSize: 10, fill: MUTED }}>
          {formatFigure(chart.unit, 0)}
        </text>
        <text x={W} y={H - 2} textAnchor="end" style={{ fontSize: 10, fill: MUTED }}>
          {formatFigure(chart.unit, chart.max)}
        </text>
      </svg>
    </figure>
  );
}

/** The page itself: fits A4 and Letter inside 12 mm margins (186 mm wide), light colours on screen and paper. */
export function ReportPage({ model }: { model: ReportModel }) {
  const h = { fontSize: 13, fontWeight: 700, margin: '10px 0 4px' } as const;
  return (
    <Box
      component="article"
      aria-label={`${model.kind}: ${model.title}`}
      className="report-page"
      sx={{ width: '186mm', minWidth: '186mm', mx: 'auto', bgcolor: '#fff', color: INK, p: '8mm', boxSizing: 'border-box', fontSize: 11, lineHeight: 1.35, colorScheme: 'light' }}
    >
      <div style={{ color: MUTED, fontSize: 10 }}>{model.kind}</div>
      <h1 style={{ fontSize: 20, margin: '2px 0 6px' }}>{model.title}</h1>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 2, margin: 0 }}>
        {model.facts.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt style={{ fontWeight: 600 }}>{k}</dt>
            <dd style={{ margin: 0 }}>{v}</dd>
          </div>
        ))}
      </dl>
      <h2 style={h}>Verdicts</h2>
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {model.verdicts.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <h2 style={h}>Figures</h2>
      <table aria-label="Figures" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 10 }}>
        <colgroup>
          {[18, 7, 15, 16, 10, 17, 9].slice(0, model.table.columns.length).map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {model.table.columns.map((c) => (
              <th key={c} scope="col" style={{ textAlign: 'left', borderBottom: `1px solid ${RULE}`, padding: '2px 3px', verticalAlign: 'bottom' }}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.table.rows.map((r) => (
            <tr key={r[0]}>
              {r.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" style={{ textAlign: 'left', fontWeight: 600, borderBottom: `1px solid ${RULE}`, padding: '2px 3px', verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                    {c}
                  </th>
                ) : (
                  <td key={i} style={{ borderBottom: `1px solid ${RULE}`, padding: '2px 3px', verticalAlign: 'top', whiteSpace: 'pre-line', fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={h}>Charts</h2>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${model.charts.length}, minmax(0, 1fr))`, gap: 12 }}>
        {model.charts.map((c) => (
          <ReportChart key={c.title} chart={c} />
        ))}
      </div>
      <p style={{ color: MUTED, fontSize: 10, margin: '2px 0 0' }}>Bars start at zero; whiskers are 95% confidence intervals; n is the logs each figure counts.</p>
      <h2 style={h}>Datasets</h2>
      {model.readBacks.map((r) => (
        <p key={r} style={{ margin: '0 0 2px' }}>
          {r}
        </p>
      ))}
      <h2 style={h}>Caveats</h2>
      {model.caveats.map((c) => (
        <p key={c} style={{ margin: '0 0 2px', color: MUTED, fontSize: 10 }}>
          {c}
        </p>
      ))}
    </Box>
  );
}

/** Print only the report: the page under the dialog is hidden, the dialog flows as a normal page. */
const printReportOnly = (
  <GlobalStyles
    styles={{
      '@page': { margin: '12mm' },
      '@media print': {
        '#root': { display: 'none !important' },
        'html, body': { background: '#fff !important' },
        '.report-dialog, .report-dialog .MuiDialog-container, .report-dialog .MuiPaper-root': {
          position: 'static !important',
          display: 'block !important',
          overflow: 'visible !important',
          boxShadow: 'none !important',
          margin: '0 !important',
          maxWidth: 'none !important',
          maxHeight: 'none !important',
          background: '#fff !important',
        },
        '.report-dialog .MuiBackdrop-root, .report-dialog .no-print': { display: 'none !important' },
        '.report-page': { padding: '0 !important', width: '100% !important', minWidth: '0 !important' },
      },
    }}
  />
);

/** The report over the page, with Download PDF (drawn in the browser, nothing sent) and Print. */
export function ReportDialog({ model, open, onClose }: { model: ReportModel | null; open: boolean; onClose: () => void }) {
  const [failure, setFailure] = useState<string>();
  const [making, setMaking] = useState(false);
  const [paper, setPaper] = useState<Paper>(() => defaultPaper(navigator.language));
  return (
    <Dialog open={open} onClose={onClose} fullScreen className="report-dialog" aria-label="Report" slotProps={{ paper: { sx: { bgcolor: '#e9eaee' } } }}>
      {open && printReportOnly}
      <Stack direction="row" spacing={1} className="no-print" sx={{ p: 1.5, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }} useFlexGap>
        <Button
          variant="contained"
          startIcon={<DownloadOutlined />}
          loading={making}
          disabled={!model}
          onClick={() => {
            if (!model) return;
            setMaking(true);
            setFailure(undefined);
            // The PDF library is loaded on first use only.
            import('./report-pdf.ts')
              .then((m) => m.downloadReportPdf(model, paper))
              .catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)))
              .finally(() => setMaking(false));
          }}
        >
          Download PDF
        </Button>
        <TextField select size="small" label="PDF paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)} sx={{ minWidth: 130 }}>
          {(Object.keys(PAPERS) as Paper[]).map((p) => (
            <MenuItem key={p} value={p}>
              {PAPERS[p].label}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} disabled={!model}>
          Print
        </Button>
        <Button startIcon={<CloseOutlined />} onClick={onClose}>
          Close report
        </Button>
      </Stack>
      {failure && (
        <Alert severity="error" className="no-print" sx={{ m: 2 }}>
          Could not make the PDF: {failure}
        </Alert>
      )}
      <Box sx={{ p: { xs: 0, sm: 3 }, overflow: 'auto' }}>{model ? <ReportPage model={model} /> : null}</Box>
    </Dialog>
  );
}
