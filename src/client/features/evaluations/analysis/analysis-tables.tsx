import Stack from '@mui/material/Stack';
import type { GroupAnalysis, NumberSummaryWire } from '../../../../shared/analysis.ts';
import { METHODS } from '../../../../shared/stats.ts';
import { formatCount, formatFigure, formatInterval, type MetricUnit } from './analysis-format.ts';
import { MetricTable, type MetricRow } from './metric-table.tsx';

type NumberKey = 'cost' | 'duration' | 'tokens_in' | 'tokens_out' | 'tokens_total';

const NUMBER_METRICS: { key: NumberKey; title: string; unit: MetricUnit; counts: string }[] = [
  { key: 'cost', title: 'Cost (USD per request)', unit: 'usd', counts: 'logs with a cost' },
  { key: 'duration', title: 'Duration (ms)', unit: 'ms', counts: 'logs with a duration' },
  { key: 'tokens_total', title: 'Tokens (in + out)', unit: 'tokens', counts: 'logs with both token counts' },
  { key: 'tokens_in', title: 'Tokens in', unit: 'tokens', counts: 'logs with a token count in' },
  { key: 'tokens_out', title: 'Tokens out', unit: 'tokens', counts: 'logs with a token count out' },
];

type Cell = MetricRow['cells'][number];

/**
 * A Cloudflare-mode figure estimated from log counts (the group's `estimate` names it by path, e.g.
 * 'duration.p95') reads "≈ value" with the bounds the exact figure lies in; an exact one is left as it is.
 */
function marked(g: GroupAnalysis, path: string, unit: MetricUnit, cell: Cell): Cell {
  if (!g.estimate?.estimated.includes(path)) return cell;
  return { ...cell, value: `≈ ${cell.value}`, bounds: formatInterval(unit, g.estimate.bounds[path] ?? null) || 'not bounded' };
}

function numberRows(groups: readonly GroupAnalysis[], key: NumberKey, unit: MetricUnit): MetricRow[] {
  const row = (label: string, stat: string | null, pick: (s: NumberSummaryWire) => Cell): MetricRow => ({
    label,
    cells: groups.map((g) => (stat ? marked(g, `${key}.${stat}`, unit, pick(g[key])) : pick(g[key]))),
  });
  const plain = (label: string, stat: 'p90' | 'p95' | 'p99' | 'min' | 'max') => row(label, stat, (s) => ({ value: formatFigure(unit, s[stat]) }));
  return [
    row('n', null, (s) => ({ value: formatCount(s.n) })),
    row('Mean', 'mean', (s) => ({ value: formatFigure(unit, s.mean), interval: formatInterval(unit, s.mean_ci) })),
    row('Median', 'median', (s) => ({ value: formatFigure(unit, s.median), interval: formatInterval(unit, s.median_ci) })),
    plain('p90', 'p90'),
    plain('p95', 'p95'),
    plain('p99', 'p99'),
    plain('Min', 'min'),
    plain('Max', 'max'),
  ];
}

const share = (s: { share: number | null; ci: [number, number] | null }) => ({
  value: formatFigure('share', s.share),
  interval: formatInterval('share', s.ci),
});

/** The per-metric tables, a column per dataset and one for the union; every figure with its n. */
export function AnalysisTables({ groups, excluded }: { groups: readonly GroupAnalysis[]; excluded: boolean }) {
  const columns = groups.map((g) => g.label);
  const measured = excluded ? 'Cached and failed logs are left out' : 'Every log counts, cached and failed ones included';
  return (
    <Stack spacing={3}>
      {NUMBER_METRICS.slice(0, 3).map((m) => (
        <MetricTable
          key={m.key}
          title={m.title}
          columns={columns}
          rows={numberRows(groups, m.key, m.unit)}
          note={`n = ${m.counts}. ${measured}. ${METHODS.mean}. ${METHODS.median}. ${METHODS.quantile}.`}
        />
      ))}
      <MetricTable
        title="Human feedback (as of now)"
        columns={columns}
        rows={[
          { label: 'Thumbs up', cells: groups.map((g) => ({ value: formatCount(g.feedback.up) })) },
          { label: 'Thumbs down', cells: groups.map((g) => ({ value: formatCount(g.feedback.down) })) },
          { label: 'Rated', cells: groups.map((g) => ({ value: formatCount(g.feedback.rated) })) },
          { label: 'Thumbs-up share', cells: groups.map((g) => share(g.feedback.thumbs_up)) },
          { label: 'Share rated', cells: groups.map((g) => share(g.feedback.rated_share)) },
        ]}
        note={`Thumbs-up share = thumbs up of rated logs; share rated = rated of all logs. Every log counts. Feedback can change after the evaluation: these are today's ratings of the pinned logs. ${METHODS.share}.`}
      />
      <MetricTable
        title="Errors, cache and price"
        columns={columns}
        rows={[
          { label: 'Logs', cells: groups.map((g) => ({ value: formatCount(g.logs) })) },
          { label: 'Error rate', cells: groups.map((g) => share(g.error_rate)) },
          { label: 'Cache-hit rate', cells: groups.map((g) => share(g.cache_hit_rate)) },
          { label: 'Cost per 1,000 tokens', cells: groups.map((g) => marked(g, 'cost_per_1k_tokens', 'usd', { value: formatFigure('usd', g.cost_per_1k_tokens) })) },
        ]}
        note={`Error and cache-hit rates count every log. Cost per 1,000 tokens = 1,000 × total cost ÷ total tokens over logs with both (${excluded ? 'cached and failed left out' : 'all logs'}), so "cheaper" is not just "shorter prompts". ${METHODS.share}.`}
      />
    </Stack>
  );
}
