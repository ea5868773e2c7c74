import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiRequest } from './api-client.ts';
import { createQueryClient } from './query-client.ts';

afterEach(() => vi.unstubAllGlobals());

const refusal = (headers: Record<string, string>) =>
  new Response(JSON.stringify({ success: false, errors: [{ code: 10000, message: 'Sign in with the dashboard secret first' }] }), {
    status: 401,
    headers: { 'content-type': 'application/json', ...headers },
  });

async function fetchWith(response: Response, onSignInNeeded: () => void) {
  vi.stubGlobal('fetch', vi.fn(async () => response));
  const client = createQueryClient(onSignInNeeded);
  await client.fetchQuery({ queryKey: ['x'], queryFn: () => apiRequest({ path: '/gateways', schema: z.unknown() }), retry: false }).catch(() => undefined);
}

describe('createQueryClient', () => {
  it('sends the user to sign in when the dashboard session is missing or expired', async () => {
    const signIn = vi.fn();
    await fetchWith(refusal({ 'www-authenticate': 'DashboardSession realm="AI Gateway Console"' }), signIn);
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('leaves other 401s (an upstream token without the permission) to the page', async () => {
    const signIn = vi.fn();
    await fetchWith(refusal({}), signIn);
    expect(signIn).not.toHaveBeenCalled();
  });
});
