// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResultRow } from './result-rows.ts';
import ResultsTable from './results-table.tsx';

const row = (id: string, evaluator: string, value: number | null, display: string, logs: number): ResultRow => ({
  id,
  evaluationTypeId: 'cost',
  evaluator,
  kind: 'cost',
  unit: '$',
  raw: display,
  value,
  display,
  logs,
  status: 1,
  statusLabel: 'Done',
  description: '',
  updatedAt: '2026-11-21T10:00:00.000Z',
});

const rows = [row('a', 'Cost A', 0.001, '$0.001', 20), row('b', 'Cost B', 0.0009, '$0.0009', 1500), row('c', 'Cost C', null, '—', 3)];
const evaluators = () => within(screen.getByRole('table', { name: 'Results' })).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('ResultsTable', () => {
  it('lists each result with its evaluator, result, log count and status, in the API order at first', () => {
    render(<ResultsTable rows={rows} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Evaluator', 'Result', 'Logs', 'Status', 'Updated']);
    expect(evaluators()).toEqual(['Cost A', 'Cost B', 'Cost C']);
    expect(screen.getByText('1,500')).toBeInTheDocument();
  });

  it('sorts a column by the number behind it, ascending then descending then back, and says so in aria-sort', () => {
    render(<ResultsTable rows={rows} />);
    const result = screen.getByRole('columnheader', { name: 'Result' });
    fireEvent.click(within(result).getByRole('button'));
    expect(result).toHaveAttribute('aria-sort', 'ascending');
    expect(evaluators()).toEqual(['Cost C', 'Cost B', 'Cost A']);
    fireEvent.click(within(result).getByRole('button'));
    expect(result).toHaveAttribute('aria-sort', 'descending');
    expect(evaluators()).toEqual(['Cost A', 'Cost B', 'Cost C']);
    fireEvent.click(within(result).getByRole('button'));
    expect(result).not.toHaveAttribute('aria-sort');
  });

  it('says when there is no result yet', () => {
    render(<ResultsTable rows={[]} />);
    expect(screen.getByText('No results yet')).toBeInTheDocument();
  });
});
