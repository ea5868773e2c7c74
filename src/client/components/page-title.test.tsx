// @vitest-environment jsdom
import { render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PageTitle } from './page-title.tsx';

describe('PageTitle', () => {
  it('names the page, then the gateway, then the product', async () => {
    const router = createMemoryRouter([{ path: '/gateways/:gw/logs', element: <PageTitle title="Logs" /> }], {
      initialEntries: ['/gateways/production/logs'],
    });
    render(<RouterProvider router={router} />);
    await waitFor(() => expect(document.title).toBe('Logs · production · AI Gateway Console'));
  });

  it('leaves the gateway out off the gateway routes', async () => {
    const router = createMemoryRouter([{ path: '*', element: <PageTitle title="Page not found" /> }], { initialEntries: ['/x'] });
    render(<RouterProvider router={router} />);
    await waitFor(() => expect(document.title).toBe('Page not found · AI Gateway Console'));
  });
});
