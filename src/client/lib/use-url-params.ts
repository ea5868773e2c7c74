import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { withParams } from './url-state.ts';

type Changes = Parameters<typeof withParams>[1];

/**
 * The search params, and an update that applies `changes` to the URL as it is when called. The router's
 * own setter starts from the params of the last render, which drops a change whose navigation is still
 * rendering (apply filters, then quickly page on, would lose the filters).
 */
export function useUrlParams(): [URLSearchParams, (changes: Changes, options?: { replace?: boolean }) => void] {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const update = useCallback(
    (changes: Changes, options?: { replace?: boolean }) => {
      const next = withParams(new URLSearchParams(window.location.search), changes).toString();
      void navigate({ search: next ? `?${next}` : '' }, options);
    },
    [navigate],
  );
  return [params, update];
}
