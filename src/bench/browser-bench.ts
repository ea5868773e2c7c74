import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { gzipOfUrlPaths } from './bundle-size.ts';
import type { Target } from './gateway-measures.ts';
import type { Metrics } from './report.ts';
import { median } from './stats.ts';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VISIBLE_TIMEOUT_MS = 20_000;

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('no Chromium found; set CHROMIUM_PATH');
  return found;
}

/** Where the time went, from the page's own clock (ms since navigation start). */
interface Phases {
  js: number;
  dcl: number;
  apiFirst: number;
  apiLast: number;
  visible: number;
}

const PHASES_SCRIPT = () => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const js = resources.filter((r) => r.name.endsWith('.js'));
  const api = resources.filter((r) => new URL(r.name).pathname.startsWith('/api/'));
  return {
    js: Math.max(0, ...js.map((r) => r.responseEnd)),
    dcl: nav?.domContentLoadedEventEnd ?? 0,
    apiFirst: api.length ? Math.min(...api.map((r) => r.startTime)) : 0,
    apiLast: Math.max(0, ...api.map((r) => r.responseEnd)),
    visible: performance.now(),
  };
};

/**
 * What "usable" means for a page: the locator the user would look for, and the same condition as a plain DOM
 * check the page can run every frame. The check is what the clock stops on; the locator then confirms it.
 */
interface Ready {
  locator: (page: Page) => Locator;
  /** Runs in the page (no closure): true once the element is on screen with a size. */
  inPage: (arg: string) => boolean;
  arg: string;
}

/**
 * Navigation → `ready` visible, in a fresh context each time (empty cache, as a first visit), `runs` times.
 * The clock starts before `goto` and stops when the page's own check, run at every animation frame, sees
 * the element, so it covers the HTML, the JS, the API calls and the render. A locator's own wait cannot be
 * the clock: Playwright retries it after 0, 20, 50, 100, 100 ms and then every 500 ms, so the figure would
 * be the first retry after the element showed (up to half a second late), and each retry's role query
 * runs on the page's main thread while it renders. The locator still has to agree before a time counts.
 */
async function timeToVisible(browser: Browser, url: string, ready: Ready, runs: number): Promise<{ times: number[]; phases: string }> {
  const times: number[] = [];
  const phases: Phases[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(ready.inPage, ready.arg, { polling: 'raf', timeout: VISIBLE_TIMEOUT_MS });
      const elapsed = performance.now() - t0;
      const visibleAt = await page.evaluate(() => performance.now());
      await ready.locator(page).waitFor({ state: 'visible', timeout: 2_000 });
      times.push(elapsed);
      phases.push({ ...(await page.evaluate(PHASES_SCRIPT)), visible: visibleAt });
    } finally {
      await context.close();
    }
  }
  const m = (k: keyof Phases) => median(phases.map((p) => p[k])).toFixed(0);
  return { times, phases: `page clock: JS loaded ${m('js')}, DOMContentLoaded ${m('dcl')}, /api ${m('apiFirst')}–${m('apiLast')}, visible ${m('visible')} ms` };
}

/** A link named `name` (its text, as its accessible name is), laid out and not hidden. */
function linkShown(name: string): boolean {
  return [...document.querySelectorAll('a')].some((a) => {
    if (a.textContent?.trim() !== name) return false;
    const box = a.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(a).visibility !== 'hidden';
  });
}

/** The first data row (the second row: the first is the header) of the first grid or table, laid out. */
function firstDataRowShown(): boolean {
  const grid = document.querySelector('[role="grid"],[role="table"],table');
  const row = grid?.querySelectorAll('[role="row"],tr')[1];
  if (!row) return false;
  const box = row.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(row).visibility !== 'hidden';
}

export async function runBrowserBench(t: Target, runs: number, metrics: Metrics): Promise<void> {
  const gw = encodeURIComponent(t.gatewayId);
  const datasets = (await t.client.get<{ id: string; name: string }[]>(`/api/gateways/${gw}/datasets`)).result;
  const evaluations = (await t.client.get<{ id: string; processed: boolean }[]>(`/api/gateways/${gw}/evaluations?per_page=100`)).result;
  // Newest first: the last processed one is the seeded evaluation, not one the bench just ran.
  const finished = evaluations.filter((e) => e.processed).at(-1);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  try {
    console.log('browser: datasets page…');
    const first = datasets[0];
    if (!first) {
      metrics.add({ name: 'browser: datasets page usable (first dataset link visible)', value: null, unit: 'ms', target: 1000, note: 'not measured: the gateway has no dataset' });
    } else {
      const ready: Ready = { locator: (p) => p.getByRole('link', { name: first.name, exact: true }).first(), inPage: linkShown, arg: first.name };
      const { times, phases } = await timeToVisible(browser, `${t.client.baseUrl}/gateways/${gw}/datasets`, ready, runs);
      metrics.add({ name: 'browser: datasets page usable (first dataset link visible)', value: median(times), unit: 'ms', target: 1000, note: `median of ${runs} cold loads; ${phases}` });
    }

    console.log('browser: evaluation detail…');
    if (!finished) {
      metrics.add({ name: 'browser: evaluation results table visible', value: null, unit: 'ms', note: 'not measured: no processed evaluation' });
    } else {
      const { times, phases } = await timeToVisible(
        browser,
        `${t.client.baseUrl}/gateways/${gw}/evaluations/${encodeURIComponent(finished.id)}`,
        { locator: (p) => p.getByRole('grid').or(p.getByRole('table')).first().getByRole('row').nth(1), inPage: firstDataRowShown, arg: '' },
        runs,
      );
      metrics.add({ name: 'browser: evaluation results table visible', value: median(times), unit: 'ms', note: `median of ${runs} cold loads; ${phases}` });
    }

    console.log('browser: JS of the first route…');
    await measureFirstRouteJs(browser, t, metrics);
  } finally {
    await browser.close();
  }
}

/**
 * The JS a first visit to `/` actually fetches (entry, preloads and the lazy chunks of the route it lands
 * on), taken from the page's resource timing and gzipped from dist.
 */
async function measureFirstRouteJs(browser: Browser, t: Target, metrics: Metrics): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${t.client.baseUrl}/`, { waitUntil: 'networkidle', timeout: 15_000 }).catch(() => undefined);
    const paths = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .map((r) => new URL(r.name))
        .filter((u) => u.origin === location.origin && u.pathname.endsWith('.js'))
        .map((u) => u.pathname),
    );
    const landed = new URL(page.url()).pathname;
    const largest = paths
      .map((p) => ({ name: p.replace(/^.*\//, ''), kb: gzipOfUrlPaths([p]) / 1024 }))
      .sort((a, b) => b.kb - a.kb)
      .slice(0, 3)
      .map((f) => `${f.name} ${f.kb.toFixed(0)}`)
      .join(', ');
    metrics.add({ name: 'browser: JS fetched opening / (gzip)', value: gzipOfUrlPaths(paths) / 1024, unit: 'KB', target: 250, note: `${paths.length} files, landed on ${landed}; largest KB: ${largest}` });
  } finally {
    await context.close();
  }
}
