// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.tsx';

describe('BarChart', () => {
  it('is an image named by its title and figures, on a zero-based axis', () => {
    const { container } = render(
      <BarChart
        title="Speed by evaluation"
        kind="speed"
        bars={[
          { label: 'A', value: 900, display: '900 ms' },
          { label: 'B', value: 1200, display: '1,200 ms', note: '⚠ n=12' },
          { label: 'C', value: null, display: '—' },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Speed by evaluation. A: 900 ms; B: 1,200 ms (⚠ n=12); C: —' })).toBeInTheDocument();
    const ticks = [...container.querySelectorAll('text')].map((t) => t.textContent);
    // A duration's unit is on the last tick alone, so the ticks of a narrow plot do not run together.
    expect(ticks).toEqual(expect.arrayContaining(['0', '1,000', '2,000 ms']));
    expect(ticks).not.toContain('1,000 ms');
    const bars = [...container.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    // No bar for the missing value; bar lengths are proportional to the values from zero.
    expect(bars).toHaveLength(2);
    expect(bars[0]! / bars[1]!).toBeCloseTo(900 / 1200);
  });
  it('spans 0–100 % for human feedback', () => {
    const { container } = render(<BarChart title="HF" kind="feedback" bars={[{ label: 'A', value: 40, display: '40.0%' }]} />);
    expect([...container.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['0.0%', '50.0%', '100.0%']));
  });
});
