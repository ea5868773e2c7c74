import { test as base, expect } from '@playwright/test';
import { startServer, type RunningServer } from './start-server.ts';

export interface ServerFixture {
  baseURL: string;
  /** Calls the server's `/api` directly (same origin, so mutations pass the CSRF check) and returns the JSON. */
  api: <T = unknown>(path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; json: T }>;
  output: () => string;
}

interface Options {
  /** Logs seeded into the fresh local gateway. */
  seedLogs: number;
  /** Test-only: hold each evaluation job this long (the server's LOCAL_GATEWAY_EVALUATION_DELAY_MS). */
  evaluationDelayMs: number;
}

export const test = base.extend<Options & { server: ServerFixture; running: RunningServer; consoleErrors: string[] }>({
  seedLogs: [3000, { option: true }],
  evaluationDelayMs: [0, { option: true }],
  running: async ({ seedLogs, evaluationDelayMs }, use) => {
    const running = await startServer({ seedLogs, evaluationDelayMs });
    await use(running);
    await running.stop();
  },
  baseURL: async ({ running }, use) => use(running.baseURL),
  server: async ({ running }, use) => {
    const api: ServerFixture['api'] = async (path, init) => {
      const res = await fetch(`${running.baseURL}/api${path}`, {
        method: init?.method ?? 'GET',
        headers: { origin: running.baseURL, ...(init?.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
      });
      return { status: res.status, json: (await res.json()) as never };
    };
    await use({ baseURL: running.baseURL, api, output: running.output });
  },
  // Browser console errors fail the test: a polished console prints none. Watched on the context (not the
  // page) so that the `page` fixture below can depend on this one without a cycle.
  consoleErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    context.on('weberror', (err) => errors.push(err.error().message));
    await use(errors);
  },
  page: async ({ page, consoleErrors }, use) => {
    await use(page);
    // Network failures the test provoked on purpose show as console errors too; tests that expect them
    // empty the array before returning.
    expect(consoleErrors, 'browser console errors').toEqual([]);
  },
});

export { expect };
