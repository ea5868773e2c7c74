import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { LoadingLines } from '../../components/query-boundary.tsx';
import { BarChart } from './bar-chart.tsx';
import type { ResultRow } from './result-rows.ts';
import { formatCount } from '../../lib/format.ts';

const ResultsTable = lazy(() => import('./results-table.tsx'));

/** The results grid and one zero-based bar per evaluator, with the n behind it. */
export function ResultsSection({ rows, running }: { rows: readonly ResultRow[]; running: boolean }) {
  return (
    <>
      <Suspense fallback={<LoadingLines lines={3} />}>
        <ResultsTable rows={rows} />
      </Suspense>
      {running && rows.length === 0 && (
        <Typography color="text.secondary">The results appear here when the job has run.</Typography>
      )}
      {/* Empty charts of a job still running would only look like zeros. */}
      {rows.some((r) => r.value !== null) && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(auto-fill, minmax(360px, 1fr))' } }}>
          {rows.filter((r) => r.value !== null).map((r) => (
            <Paper key={r.id} variant="outlined" sx={{ p: 2, breakInside: 'avoid' }}>
              <Typography variant="subtitle2" component="h3" gutterBottom>
                {r.evaluator}
                {r.unit ? ` (${r.unit})` : ''}
              </Typography>
              <BarChart
                width={380}
                labelWidth={100}
                valueWidth={100}
                title={`${r.evaluator}, zero-based axis`}
                kind={r.kind}
                bars={[{ label: `n = ${formatCount(r.logs)}`, value: r.value, display: r.display }]}
              />
            </Paper>
          ))}
        </Box>
      )}
    </>
  );
}
