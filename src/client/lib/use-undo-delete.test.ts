// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUndoDelete, type CommitOptions } from './use-undo-delete.ts';

const WINDOW = 6_000;

function setup(result: () => Promise<unknown> = () => Promise.resolve()) {
  const calls: [string, CommitOptions][] = [];
  const errors: [string, string][] = [];
  const commit = (id: string, options: CommitOptions) => {
    calls.push([id, options]);
    return result();
  };
  const hook = renderHook(() => useUndoDelete(commit, { windowMs: WINDOW, onError: (id, e) => errors.push([id, e.message]) }));
  return { hook, calls, errors };
}

describe('useUndoDelete', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the item, waiting, through the window, then sends the DELETE and lets it go once done', async () => {
    let done!: () => void;
    const { hook, calls } = setup(() => new Promise<void>((r) => (done = r)));
    act(() => hook.result.current.schedule('a'));
    expect(hook.result.current.pending.get('a')).toBe('waiting');
    act(() => vi.advanceTimersByTime(WINDOW - 1));
    expect(calls).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(calls).toEqual([['a', { keepalive: false }]]);
    expect(hook.result.current.pending.get('a')).toBe('deleting');
    await act(async () => done());
    expect(hook.result.current.pending.size).toBe(0);
  });

  it('sends nothing for an item undone within the window', () => {
    const { hook, calls } = setup();
    act(() => hook.result.current.schedule('a'));
    act(() => hook.result.current.undo('a'));
    expect(hook.result.current.pending.size).toBe(0);
    act(() => vi.advanceTimersByTime(WINDOW * 2));
    expect(calls).toEqual([]);
  });

  it('sends one DELETE however often Delete is pressed', () => {
    const { hook, calls } = setup();
    act(() => hook.result.current.schedule('a'));
    act(() => vi.advanceTimersByTime(1000));
    act(() => hook.result.current.schedule('a'));
    act(() => vi.advanceTimersByTime(WINDOW));
    expect(calls).toEqual([['a', { keepalive: false }]]);
  });

  it('sends the DELETE at once when the page is left within the window', () => {
    const { hook, calls } = setup();
    act(() => hook.result.current.schedule('a'));
    act(() => hook.result.current.schedule('b'));
    act(() => hook.result.current.undo('b'));
    hook.unmount();
    expect(calls).toEqual([['a', { keepalive: false }]]);
    vi.advanceTimersByTime(WINDOW * 2);
    expect(calls).toHaveLength(1);
  });

  it('sends it with keepalive when the tab is closed or reloaded', () => {
    const { hook, calls } = setup();
    act(() => hook.result.current.schedule('a'));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(calls).toEqual([['a', { keepalive: true }]]);
    hook.unmount();
    expect(calls).toHaveLength(1);
  });

  it('shows the item again and reports a DELETE that failed', async () => {
    const { hook, errors } = setup(() => Promise.reject(new Error('Request failed (500)')));
    act(() => hook.result.current.schedule('a'));
    await act(async () => vi.advanceTimersByTime(WINDOW));
    expect(hook.result.current.pending.size).toBe(0);
    expect(errors).toEqual([['a', 'Request failed (500)']]);
  });

  it('reports a failure even after the page was left', async () => {
    const { hook, errors } = setup(() => Promise.reject(new Error('Request failed (500)')));
    act(() => hook.result.current.schedule('a'));
    hook.unmount();
    await act(async () => undefined);
    expect(errors).toEqual([['a', 'Request failed (500)']]);
  });
});
