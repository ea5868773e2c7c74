// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isChunkLoadError, RouteError } from './route-error.tsx';

function Broken({ message }: { message: string }): never {
  throw new Error(message);
}

function renderAt(message: string) {
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <Link to="/fine">Fine</Link>
            <Outlet />
          </>
        ),
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { path: '/broken', element: <Broken message={message} /> },
              { path: '/fine', element: <p>Fine page</p> },
            ],
          },
        ],
      },
    ],
    { initialEntries: ['/broken'] },
  );
  return render(<RouterProvider router={router} />);
}

describe('RouteError', () => {
  // React and the router report the caught error on the console; that is expected here.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  afterEach(() => quiet.mockClear());

  it('says a page that could not be downloaded needs the server and a reload, inside the shell', async () => {
    renderAt('Failed to fetch dynamically imported module: /assets/evaluations-page.js');
    expect(await screen.findByText('This page could not be downloaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    // The shell around it still works: another page opens.
    screen.getByRole('link', { name: 'Fine' }).click();
    expect(await screen.findByText('Fine page')).toBeInTheDocument();
  });

  it('names any other failure', async () => {
    renderAt('boom');
    expect(await screen.findByText('This page stopped working')).toBeInTheDocument();
    expect(screen.getByText(/report this message: boom/)).toBeInTheDocument();
  });

  it('tells chunk failures apart across browsers', () => {
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('error loading dynamically imported module: x'))).toBe(true);
    expect(isChunkLoadError(new Error('x is undefined'))).toBe(false);
  });
});
