// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pager, rangeText } from './pager.tsx';

describe('Pager', () => {
  it('says which rows are shown, of how many', () => {
    expect(rangeText(14_000, 1, 25, 25)).toBe('1–25 of 14,000');
    expect(rangeText(14_000, 560, 25, 25)).toBe('13,976–14,000 of 14,000');
    expect(rangeText(undefined, 2, 25, 25)).toBe('26–50 of more than 50');
    expect(rangeText(0, 1, 25, 0)).toBe('0');
  });

  it('pages within the total and changes the page size', async () => {
    const user = userEvent.setup();
    const onPage = vi.fn();
    const onPerPage = vi.fn();
    const { rerender } = render(
      <Pager total={60} page={1} perPage={25} perPageOptions={[10, 25, 50]} rowsOnPage={25} onPage={onPage} onPerPage={onPerPage} />,
    );
    expect(screen.getByRole('button', { name: 'Go to previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Go to last page' }));
    expect(onPage).toHaveBeenLastCalledWith(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    expect(onPerPage).toHaveBeenCalledWith(50);

    rerender(<Pager total={60} page={3} perPage={25} perPageOptions={[10, 25, 50]} rowsOnPage={10} onPage={onPage} onPerPage={onPerPage} />);
    expect(screen.getByRole('button', { name: 'Go to next page' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('51–60 of 60');
    await user.click(screen.getByRole('button', { name: 'Go to previous page' }));
    expect(onPage).toHaveBeenLastCalledWith(2);
  });
});
