import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFirstScreen } from './first-screen.ts';

/** Starts the first screen at `url` with fetch recorded (every answer a network error: only the asks matter). */
function asked(url: string): string[] {
  return askedUrls(url).map((u) => u.split('?')[0]!);
}

function askedUrls(url: string): string[] {
  const fetchMock = vi.fn((_input: string) => Promise.reject(new TypeError('offline in this test')));
  vi.stubGlobal('fetch', fetchMock);
  const { pathname, search } = new URL(url, 'http://localhost');
  startFirstScreen(new QueryClient({ defaultOptions: { queries: { retry: false } } }), { pathname, search } as Location);
  return fetchMock.mock.calls.map(([input]) => String(input));
}

afterEach(() => vi.unstubAllGlobals());

describe('the first screen starts its requests before React renders', () => {
  it('an evaluation: the shell, the evaluation, the evaluator types and the breakdown the URL asks for', () => {
    expect(asked('/gateways/prod/evaluations/ev-1').sort()).toEqual([
      '/api/evaluation-types',
      '/api/gateways',
      '/api/gateways/prod/evaluations/ev-1',
      '/api/gateways/prod/evaluations/ev-1/analysis',
      '/api/session',
    ]);
    expect(askedUrls('/gateways/prod/evaluations/ev-1?exclude_cached_failed=true').find((u) => u.includes('/analysis'))).toContain('exclude_cached_failed=true');
  });
  it('the datasets list, with the page of the URL', () => {
    expect(asked('/gateways/prod/datasets?page=2').sort()).toEqual(['/api/gateways', '/api/gateways/prod/datasets', '/api/session']);
    expect(askedUrls('/gateways/prod/datasets?page=2').find((u) => u.includes('/datasets'))).toContain('page=2');
  });
  it('a path no page has: the shell alone', () => {
    expect(asked('/nothing/here').sort()).toEqual(['/api/gateways', '/api/session']);
  });
});
