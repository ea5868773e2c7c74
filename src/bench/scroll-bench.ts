// The continuous logs view's scroll figure. Part of the bench's browser part, and runnable alone, `runs` times
// on one seeded store, without the whole bench:
//   BENCH_LOGS=1000000 SCROLL_RUNS=3 node --import tsx src/bench/scroll-bench.ts
// (the client must be built: `npm run build`). The largest gateway of a 1M seed holds about 700,000 logs.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BROWSER_ARGS, chromiumPath } from './browser-bench.ts';
import { startAndTime, type Target } from './gateway-measures.ts';
import { formatTable, Metrics } from './report.ts';
import { freshDataDir, removeDir } from './server-process.ts';
import { percentile } from './stats.ts';

export const SCROLL_METRIC = 'browser: continuous logs view, wheel scroll frame time p95';
/** Two frames of a 60 Hz display: frame intervals come in whole vsyncs, so p95 ≤ 33.4 ms is "no frame of three". */
const TARGET_MS = 33.4;
/**
 * How fast the wheel scrolls: a quick skim, about 110 rows of 44 px a second, 2 pages of 50 rows. A reader
 * reading scrolls far slower; setting scrollTop 400 px every frame (24,000 px/s) is no input a user makes.
 */
const SPEED_PX_S = Number(process.env.SCROLL_SPEED) || 5_000;
/** An unrecorded gesture first: the first rows' style resolution and the code's warm-up are not steady scrolling. */
const WARMUP_S = 1;
/** About 480 frames at 60 Hz, so p95 is the 24th-worst frame, not a handful of them. */
const MEASURED_S = 8;
const VIEWPORT = { width: 1280, height: 900 };

interface ScrollRun {
  rows: number;
  frames: number[];
  /** Frames in which a row of the viewport was still a placeholder (its page not loaded yet). */
  waiting: number;
  scrolledPx: number;
  /** The long animation frames (≥ 50 ms) and where their time went, summed. */
  long: { count: number; scriptMs: number; layoutMs: number; renderMs: number };
}

/**
 * Opens the continuous view, waits for its grid to announce its rows, then scrolls it with the mouse wheel
 * as the browser's input pipeline delivers it (a synthesized wheel gesture at `SPEED_PX_S`), timing every
 * animation frame meanwhile. Frames where a not-yet-loaded row is in view are counted too: they are frames
 * the reader sees, and the count says whether the pages kept up.
 */
async function scrollOnce(page: Page, url: string): Promise<ScrollRun | string> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
  // Network idle is no sign the grid has its rows (the view's chunk, its first page and its count come one
  // after another); wait for what is measured, a grid announcing its row count (-1 until the count comes).
  const grid = page.getByRole('grid', { name: 'Logs' });
  const announced = () => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0);
  await page
    .waitForFunction(() => Number(document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? 0) > 10_000, undefined, { timeout: 15_000, polling: 100 })
    .catch(() => undefined);
  const rows = await page.evaluate(announced);
  // aria-rowcount counts the header row too.
  if (rows - 1 < 10_000) return `the grid lists ${Math.max(0, rows - 1).toLocaleString('en-US')} logs, fewer than the 10,000 the figure needs`;
  const box = await grid.boundingBox();
  if (!box) return 'the grid has no box';
  // The bench runs through a TypeScript loader that wraps named inner functions in a `__name` helper; the
  // page has no such helper, so give it one that leaves functions as they are.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  // A late web font relayouts every row: start once fonts are in.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  const wheel = (seconds: number) =>
    cdp.send('Input.synthesizeScrollGesture', {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
      yDistance: -SPEED_PX_S * seconds,
      speed: SPEED_PX_S,
      gestureSourceType: 'mouse',
    });
  await wheel(WARMUP_S);
  await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('[role="grid"]')!;
    const header = scroller.querySelector<HTMLElement>('[role="row"]')!.offsetHeight;
    const probe = {
      frames: [] as number[],
      waiting: 0,
      from: scroller.scrollTop,
      stop: false,
      long: [] as PerformanceEntry[],
    };
    (globalThis as Record<string, unknown>).__scrollProbe = probe;
    new PerformanceObserver((list) => probe.long.push(...list.getEntries())).observe({ type: 'long-animation-frame' });
    let last = performance.now();
    const step = (now: number) => {
      probe.frames.push(now - last);
      last = now;
      // The rows' boxes are read after the scroll's own handlers rendered: the layout forced here is the one
      // this frame makes anyway, and a frame with every row loaded has no placeholder to read.
      const view = scroller.getBoundingClientRect();
      for (const row of scroller.querySelectorAll<HTMLElement>('[aria-busy="true"]')) {
        const r = row.getBoundingClientRect();
        if (r.bottom > view.top + header && r.top < view.bottom) {
          probe.waiting++;
          break;
        }
      }
      if (!probe.stop) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  await wheel(MEASURED_S);
  const result = await page.evaluate(() => {
    const probe = (globalThis as Record<string, unknown>).__scrollProbe as {
      frames: number[];
      waiting: number;
      from: number;
      stop: boolean;
      long: PerformanceEntry[];
    };
    probe.stop = true;
    const scroller = document.querySelector<HTMLElement>('[role="grid"]')!;
    type Loaf = PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts: { duration: number; forcedStyleAndLayoutDuration: number }[] };
    const long = (probe.long as Loaf[]).filter((e) => e.duration >= 50);
    const sum = (f: (e: Loaf) => number) => long.reduce((n, e) => n + f(e), 0);
    return {
      // The first interval runs from the probe's start to its first frame, not one frame to the next.
      frames: probe.frames.slice(1),
      waiting: probe.waiting,
      scrolledPx: scroller.scrollTop - probe.from,
      long: {
        count: long.length,
        scriptMs: sum((e) => e.scripts.reduce((n, s) => n + s.duration - s.forcedStyleAndLayoutDuration, 0)),
        layoutMs: sum((e) => e.scripts.reduce((n, s) => n + s.forcedStyleAndLayoutDuration, 0) + (e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0)),
        renderMs: sum((e) => (e.renderStart && e.styleAndLayoutStart ? e.styleAndLayoutStart - e.renderStart : 0)),
      },
    };
  });
  await cdp.detach();
  return { rows: rows - 1, ...result };
}

/** Measures the continuous view's scroll once and adds the figure (or why it is missing) to `metrics`. */
export async function measureScroll(browser: Browser, t: Target, metrics: Metrics, problems: string[]): Promise<void> {
  const path = `/gateways/${encodeURIComponent(t.gatewayId)}/logs?view=scroll`;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const run = await scrollOnce(await context.newPage(), t.client.baseUrl + path);
    if (typeof run === 'string') {
      metrics.add({ name: SCROLL_METRIC, value: null, unit: 'ms', target: TARGET_MS, note: `not measured: ${run}` });
      return;
    }
    const expected = SPEED_PX_S * MEASURED_S;
    // A gesture the page did not follow (the grid not scrolling, or stopping at its end) measures nothing.
    if (run.frames.length === 0 || run.scrolledPx < expected * 0.95) {
      problems.push(`scroll on ${path}: scrolled ${run.scrolledPx} of ${expected} px in ${run.frames.length} frames`);
      return;
    }
    const over50 = run.frames.filter((f) => f > 50).length;
    // A frame interval is a whole number of vsyncs: over 20 ms is a frame that missed at least one.
    const missed = run.frames.filter((f) => f > 20).length;
    const { long } = run;
    metrics.add({
      name: SCROLL_METRIC,
      value: percentile(run.frames, 95),
      unit: 'ms',
      target: TARGET_MS,
      note:
        `${path}, ${run.rows.toLocaleString('en-US')} rows, wheel ${SPEED_PX_S.toLocaleString('en-US')} px/s for ${MEASURED_S} s after ${WARMUP_S} s unrecorded; ` +
        `${run.frames.length} frames, p50 ${percentile(run.frames, 50).toFixed(1)} ms, ${missed} over 20 ms, ${over50} over 50 ms, ${run.waiting} showing rows not loaded yet; ` +
        `long frames ${long.count}: script ${long.scriptMs.toFixed(0)}, style+layout ${long.layoutMs.toFixed(0)}, render ${long.renderMs.toFixed(0)} ms`,
    });
  } finally {
    await context.close();
  }
}

/** The figure on a browser of its own, as the bench's browser part takes it. */
export async function runScrollBench(t: Target, metrics: Metrics, problems: string[]): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  try {
    await measureScroll(browser, t, metrics, problems);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const logs = Number(process.env.BENCH_LOGS) || 1_000_000;
  const runs = Number(process.env.SCROLL_RUNS) || 3;
  const dataDir = freshDataDir();
  const metrics = new Metrics('full');
  const problems: string[] = [];
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`scroll: seeding ${logs.toLocaleString('en-US')} logs; load average ${load()}`);
  const { target } = await startAndTime(dataDir, logs);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: BROWSER_ARGS });
  try {
    for (let i = 0; i < runs; i++) {
      await measureScroll(browser, target, metrics, problems);
      console.log(`scroll: run ${i + 1} done; load average ${load()}`);
    }
  } finally {
    await browser.close();
    await target.server.stop();
    removeDir(dataDir);
  }
  console.log(formatTable(metrics.list));
  if (problems.length) console.error(problems.join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
