import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { gzipOfUrlPaths } from './bundle-size.ts';
import type { Target } from './gateway-measures.ts';
import type { Metrics } from './report.ts';
import { median, percentile } from './stats.ts';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VISIBLE_TIMEOUT_MS = 20_000;
const SCROLL_MS = 3_000;
const SCROLL_WARMUP_MS = 500;

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

interface ScrollResult {
  rows: number;
  frames: number[];
  reachedBottom: boolean;
}

/**
 * Finds a grid announcing ≥ 10,000 rows (aria-rowcount) and scrolls its scroll container for a fixed
 * time, one step per animation frame, recording frame intervals. Without such a grid, the largest row
 * count seen (the reason the figure is not measured).
 */
async function scrollBigGrid(page: Page): Promise<ScrollResult | { largest: number }> {
  // The bench runs through a TypeScript loader that wraps named inner functions in a `__name` helper; the
  // page has no such helper, so give it one that leaves functions as they are.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate(
    async ({ maxMs, warmupMs }: { maxMs: number; warmupMs: number }) => {
      const grids = [...document.querySelectorAll('[role="grid"],[role="table"],table')];
      const counts = grids.map((g) => Number(g.getAttribute('aria-rowcount') ?? g.querySelectorAll('[role="row"],tr').length));
      const index = counts.findIndex((n) => n >= 10_000);
      // -1 is a grid whose count has not come (aria-rowcount's "unknown"), told apart from no grid at all.
      if (index < 0) return { largest: counts.length ? Math.max(...counts) : 0 };
      const grid = grids[index]!;
      const scroller = [grid, ...grid.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 100) ?? document.scrollingElement!;
      // Frames are timed only once the page has settled: web fonts in (a late font relayouts every row) and
      // a first stretch of scrolling unrecorded, so the figure is steady scrolling, not the first frames'
      // one-off style resolution and code warm-up.
      await document.fonts.ready;
      const frames: number[] = [];
      return new Promise<{ rows: number; frames: number[]; reachedBottom: boolean }>((done) => {
        const start = performance.now();
        let last = start;
        const step = (now: number) => {
          if (now - start > warmupMs) frames.push(now - last);
          last = now;
          scroller.scrollTop += 400;
          const bottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
          if (now - start < warmupMs + maxMs && !bottom) requestAnimationFrame(step);
          else done({ rows: counts[index]!, frames: frames.slice(1), reachedBottom: bottom });
        };
        requestAnimationFrame(step);
      });
    },
    { maxMs: SCROLL_MS, warmupMs: SCROLL_WARMUP_MS },
  );
}

export async function runBrowserBench(t: Target, runs: number, metrics: Metrics, problems: string[]): Promise<void> {
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

    console.log('browser: looking for a 10,000-row table…');
    await measureScroll(browser, t, gw, metrics, problems);
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

/** The pages that could hold a long table; each is checked for a grid of ≥ 10,000 rows. */
export async function measureScroll(browser: Browser, t: Target, gw: string, metrics: Metrics, problems: string[]): Promise<void> {
  // The Logs explorer's Continuous view is the one virtualised table over every matching log.
  const pages = [`/gateways/${gw}/logs?view=scroll`, `/gateways/${gw}/logs`, `/gateways/${gw}/evaluations`, `/gateways/${gw}/datasets`];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const seen: string[] = [];
  try {
    const page = await context.newPage();
    for (const path of pages) {
      // Network idle is no sign the grid has its rows: the view's chunk, its first page and its count come
      // one after another, and a page that polls never goes idle. So wait for what is measured itself, a
      // grid announcing ≥ 10,000 rows (aria-rowcount is -1 until the count arrives), for up to 15 s.
      await page.goto(t.client.baseUrl + path, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => undefined);
      await page
        .waitForFunction(
          () =>
            [...document.querySelectorAll('[role="grid"],[role="table"],table')].some(
              (g) => Number(g.getAttribute('aria-rowcount') ?? g.querySelectorAll('[role="row"],tr').length) >= 10_000,
            ),
          undefined,
          { timeout: 15_000, polling: 100 },
        )
        .catch(() => undefined);
      const result = await scrollBigGrid(page);
      if ('largest' in result) {
        seen.push(`${path}: ${result.largest < 0 ? 'a grid whose row count never came' : `${result.largest} rows`}`);
        continue;
      }
      if (result.frames.length === 0) {
        problems.push(`scroll on ${path}: no frame recorded`);
        return;
      }
      const long = result.frames.filter((f) => f > 50).length;
      metrics.add({ name: 'browser: 10,000-row table scroll, frame time p95', value: percentile(result.frames, 95), unit: 'ms', target: 33.4, note: `${path}, ${result.rows} rows, ${result.frames.length} frames, ${long} over 50 ms` });
      return;
    }
  } finally {
    await context.close();
  }
  metrics.add({ name: 'browser: 10,000-row table scroll, frame time p95', value: null, unit: 'ms', target: 33.4, note: `not measured: no grid of ≥ 10,000 rows (${seen.join('; ')})` });
}
