// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSetLogFeedback } from './log-mutations.ts';

afterEach(() => vi.unstubAllGlobals());

describe('useSetLogFeedback', () => {
  it('takes the PATCH answer Cloudflare gives ({}) as a success', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ success: true, errors: [], messages: [], result: {} }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useSetLogFeedback('default'), { wrapper });
    await act(async () => {
      await expect(result.current.mutateAsync({ id: '01ABC', feedback: 1 })).resolves.toEqual({});
    });
    expect(fetchMock).toHaveBeenCalledWith('/api/gateways/default/logs/01ABC', expect.objectContaining({ method: 'PATCH', body: '{"feedback":1}' }));
  });
});
